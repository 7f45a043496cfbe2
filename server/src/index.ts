// Runs the server: checks the port, connects Neo4j, serves API + client on HOST:PORT, and shuts down
// cleanly (drain requests, close the driver, stop the embedded Neo4j it started).
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { isLoopbackHost } from './api/host-guard.ts';
import { createApp } from './app.ts';
import { ConfigError, type EnvConfig } from './config/env.ts';
import { withConsoleDatabase } from './neo4j/console-setup.ts';
import { ensureNeo4j, type Neo4jConnection } from './neo4j/driver.ts';
import { portInUse } from './neo4j/embedded.ts';
import { dbmsInfoReader } from './neo4j/health-queries.ts';

export class PortBusyError extends Error {
  override name = 'PortBusyError';
}

export interface RunningServer {
  url: string;
  server: Server;
  connection: Neo4jConnection;
  shutdown(): Promise<void>;
}

export interface RunOptions {
  config: EnvConfig;
  logger: Logger;
  clientDir: string | null;
  /** Extra work once Neo4j is up and before listening (the seed import). */
  beforeListen?: (connection: Neo4jConnection) => Promise<unknown>;
  apiRouters?: (connection: Neo4jConnection) => Router[];
  say?: (line: string) => void;
}

/**
 * Node refuses request lines over 16 KiB with a bare 431; a long Chinese search (10,000 characters are
 * ~90 KB percent-encoded) should instead reach the API's validation and get its JSON 400.
 */
export const MAX_HEADER_BYTES = 256 * 1024;

export function createHttpServer(app: RequestListener): Server {
  return createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
}

export async function assertPortFree(host: string, port: number): Promise<void> {
  if (await portInUse(port, host === '0.0.0.0' ? '127.0.0.1' : host)) {
    throw new PortBusyError(
      `Port ${port} on ${host} is already in use (is Reform Graph Explorer already running?): stop it or set PORT to a free port.`,
    );
  }
}

export async function runServer(options: RunOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const say = options.say ?? ((line: string) => logger.info(line));
  if (!isLoopbackHost(config.HOST) && !config.EDITOR_TOKEN) {
    throw new ConfigError(
      `Config: HOST=${config.HOST} listens beyond this machine, so set EDITOR_TOKEN (16+ characters) to guard writes, or listen on 127.0.0.1.`,
    );
  }
  await assertPortFree(config.HOST, config.PORT);
  const connection = withConsoleDatabase(await ensureNeo4j(config, say), config, say);
  try {
    await options.beforeListen?.(connection);
    const app = createApp({
      logger,
      clientDir: options.clientDir,
      dbmsInfo: dbmsInfoReader(connection.driver, connection.database),
      consoleStatus: connection.console?.status,
      apiRouters: options.apiRouters?.(connection) ?? [],
      hosts: { listenHost: config.HOST, publicUrl: config.PUBLIC_URL },
    });
    const server = await new Promise<Server>((resolve, reject) => {
      const s = createHttpServer(app).listen(config.PORT, config.HOST, () => resolve(s));
      s.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new PortBusyError(
                `Port ${config.PORT} on ${config.HOST} is already in use: stop the other program or set PORT to a free port.`,
              )
            : error,
        ),
      );
    });
    const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}/`;
    let closing: Promise<void> | null = null;
    const shutdown = () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), 5_000).unref();
        });
        await connection.close();
      })();
      return closing;
    };
    return { url, server, connection, shutdown };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
