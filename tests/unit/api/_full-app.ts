// The whole API as the server mounts it — graph routes, scenes and the ledger wing — over fakes: the graph
// repository fake, an empty scene store, and ledger stores that answer nothing (every store call rejects).
// Enough for what is decided before a store is asked: the OpenAPI document, validation, authorisation.
import type express from 'express';
import pino from 'pino';
import { createApiRouters } from '../../../server/src/api/routers.ts';
import { createApp } from '../../../server/src/app.ts';
import { createSceneService, type SceneStore } from '../../../server/src/graph/scene-service.ts';
import type { LedgerStores } from '../../../server/src/ledger/stores.ts';
import { fakeGraphRepository } from '../../fixtures/graph-repository.fake.ts';
import { smallGraph, smallPlanSummary } from '../../fixtures/small-graph.ts';

const unused = () => Promise.reject(new Error('the fake ledger stores hold nothing'));

/** Every method of every store rejects; only ensureSchema answers. */
function silentStores(): LedgerStores {
  const store = <T extends object>() =>
    new Proxy({} as T, { get: (_target, name) => (name === 'then' ? undefined : unused) });
  return { ledger: store(), accounts: store(), audit: store(), ensureSchema: async () => [] };
}

function emptySceneStore(): SceneStore {
  return {
    list: async () => [],
    get: async () => null,
    append: async () => [],
    replaceAll: async () => [],
    update: async () => null,
    remove: async () => false,
    reorder: async () => [],
  };
}

/** `editorToken`: the server's EDITOR_TOKEN, if the test needs one. */
export function fullApiApp(editorToken?: string): express.Express {
  return createApp({
    logger: pino({ level: 'silent' }),
    clientDir: null,
    dbmsInfo: async () => ({ version: '5.26.0', edition: 'community' }),
    apiRouters: createApiRouters(fakeGraphRepository([smallPlanSummary()], smallGraph()), {
      scenes: { service: createSceneService(emptySceneStore()), host: '0.0.0.0', token: editorToken },
      ledger: { stores: silentStores(), editorToken },
    }),
  });
}
