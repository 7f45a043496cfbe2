// The API with scenes over the test database, built the way the server builds it, for a given HOST and token.
import type express from 'express';
import pino from 'pino';
import { buildApiRouters } from '../../../server/src/api/routers.ts';
import { createApp } from '../../../server/src/app.ts';
import { loadConfig } from '../../../server/src/config/env.ts';
import type { SceneInput } from '../../../server/src/domain/types.ts';
import { dbmsInfoReader } from '../../../server/src/neo4j/health-queries.ts';
import { testDatabase, testDriver } from '../_db.ts';

export function scenesApp(env: {
  HOST: string;
  EDITOR_TOKEN?: string;
  PUBLIC_URL?: string;
}): express.Express {
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const logger = pino({ level: 'silent' });
  const connection = {
    driver: testDriver(),
    database: testDatabase(),
    uri: 'test',
    embedded: null,
    close: async () => {},
  };
  return createApp({
    logger,
    clientDir: null,
    dbmsInfo: dbmsInfoReader(testDriver(), testDatabase()),
    apiRouters: buildApiRouters(connection, config, logger),
    hosts: { listenHost: config.HOST, publicUrl: config.PUBLIC_URL },
  });
}

export function sceneInput(name: string, extra: Partial<SceneInput> = {}): SceneInput {
  return {
    name,
    caption: `${name} caption`,
    state: {
      link: `?sel=${encodeURIComponent(`p:${name}`)}`,
      positions: { [`p:${name}`]: { x: 1.5, y: -2 } },
    },
    ...extra,
  };
}
