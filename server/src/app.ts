// Builds the express application from its dependencies; index.ts owns listening and shutdown. Tests call
// createApp with a real or test database.
import { existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import compression from 'compression';
import express, { type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { errorHandler, notFoundHandler } from './api/error-middleware.ts';
import { type HealthDeps, healthRoutes } from './api/health-routes.ts';
import { type HostPolicy, hostGuard } from './api/host-guard.ts';
import { BROTLI_QUALITY } from './api/read-cache.ts';

export interface AppDeps extends HealthDeps {
  logger: Logger;
  /** Built client (dist/client); null serves the API alone. */
  clientDir: string | null;
  /** Further API routers mounted under /api, in order. */
  apiRouters?: Router[];
  /** Which Host names and write Origins are accepted (see host-guard.ts); default: a loopback server's. */
  hosts?: HostPolicy;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  app.use(
    pinoHttp({
      logger: deps.logger,
      // Session cookies and CSRF tokens are credentials: they never reach the log.
      redact: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
      ],
      // One short line per request (method, path, status, latency): full headers made every line ~2 KB.
      serializers: {
        req: (req: { id: unknown; method: string; url: string; remoteAddress: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // Health probes every few seconds and static files would drown the log.
      autoLogging: { ignore: (req) => req.url === '/api/health' || !req.url?.startsWith('/api/') },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The Vite client loads only its own scripts; PNG/SVG export draws to blob: and data: URLs.
          'script-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'"],
          'worker-src': ["'self'", 'blob:'],
          // The server usually speaks plain HTTP (loopback or a LAN address): upgrading would break it.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(hostGuard(deps.hosts ?? { listenHost: '127.0.0.1' }));
  app.use(compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } } }));

  const api = express.Router();
  api.use(express.json({ limit: '100kb' }));
  api.use(healthRoutes(deps));
  for (const router of deps.apiRouters ?? []) api.use(router);
  api.use(notFoundHandler);
  app.use('/api', api);

  const clientDir = deps.clientDir;
  if (clientDir && existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes (views) all load the same page. It is sent relative to its folder: by an absolute
    // path, a folder such as ~/.cache/x would count as a dot-file segment and every route would fail.
    app.get(/^\/(?!api\/).*/, (_req, res, next) =>
      res.sendFile('index.html', { root: clientDir }, (error) => error && next(error)),
    );
  }
  app.use(errorHandler(deps.logger));
  return app;
}
