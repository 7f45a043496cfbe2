// Assembles the API's routers; the health route is mounted by app.ts itself. `createApiRouters` takes any
// GraphRepository (tests pass the real one over the test database) and, optionally, the ledger's stores;
// `buildApiRouters` wires both to Neo4j. Every route describes itself in one OpenAPI registry.
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { Logger } from 'pino';
import type { EnvConfig } from '../config/env.ts';
import { type CorpusService, createCorpusService } from '../graph/corpus-service.ts';
import { createCurationService } from '../graph/curation-service.ts';
import { createPlanImportService } from '../graph/plan-import-service.ts';
import type { GraphRepository } from '../graph/repository.ts';
import { createSceneService } from '../graph/scene-service.ts';
import { type CypherLimits, createGraphServices } from '../graph/services.ts';
import { AuthService } from '../ledger/auth-service.ts';
import { neo4jCorpusRepository } from '../neo4j/corpus-queries.ts';
import { neo4jCurationStore } from '../neo4j/curation-store.ts';
import { dataVersionReader } from '../neo4j/data-version.ts';
import type { Neo4jConnection } from '../neo4j/driver.ts';
import { neo4jGraphRepository } from '../neo4j/graph-repository.ts';
import { createLedgerStores } from '../neo4j/ledger-stores.ts';
import { neo4jPlanImportStore } from '../neo4j/plan-import-store.ts';
import { neo4jSceneStore } from '../neo4j/scene-store.ts';
import { analysisRoutes } from './analysis-routes.ts';
import { loadSession } from './auth-middleware.ts';
import type { RouteContext } from './context.ts';
import { corpusRoutes } from './corpus-routes.ts';
import { type CurationRouteOptions, curationRoutes } from './curation-routes.ts';
import { cypherRoutes } from './cypher-routes.ts';
import { graphRoutes } from './graph-routes.ts';
import { type ImportRouteOptions, importRoutes } from './import-routes.ts';
import { type LedgerRouterDeps, ledgerWing, SESSION_PATHS } from './ledger-routers.ts';
import { nodeRoutes } from './node-routes.ts';
import { openApiDocument, openApiRoutes } from './openapi-routes.ts';
import { planRoutes } from './plans-routes.ts';
import { DEFAULT_RATE_LIMITS, limiter, type RateLimits } from './rate-limits.ts';
import { createReadCache } from './read-cache.ts';
import { type SceneRouteOptions, sceneRoutes } from './scene-routes.ts';
import { searchRoutes } from './search-routes.ts';

export const DEFAULT_CYPHER_LIMITS: CypherLimits = { rowCap: 1000, timeoutMs: 5_000 };

export interface ApiOptions {
  rateLimits?: RateLimits;
  cypher?: CypherLimits;
  /** Presentation scenes; without them the scene routes are not mounted. */
  scenes?: SceneRouteOptions;
  /** The corpus views (a body or a pilot across plans, two plans compared); not mounted without it. */
  corpus?: CorpusService;
  /** The ledger, accounts and sessions; without them the ledger, auth and admin routes are not mounted. */
  ledger?: LedgerRouterDeps;
  /** The browser import (POST /api/plans/import); without it the route is not mounted. */
  imports?: ImportRouteOptions;
  /** Review and curation (/api/plans/:plan/review, …/curation); without it the routes are not mounted. */
  curation?: CurationRouteOptions;
  /** The stored data's version (see read-cache.ts); with it, plan-graph reads are cached. */
  dataVersion?: () => Promise<string>;
  /** How stale a cached answer may be after a write from another process (default 250 ms). */
  cacheRecheckMs?: number;
}

export function createApiRouters(repo: GraphRepository, options: ApiOptions = {}): Router[] {
  const rates = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  const cache = options.dataVersion
    ? createReadCache({ version: options.dataVersion, recheckMs: options.cacheRecheckMs })
    : null;
  const context: RouteContext = {
    cache,
    router: Router(),
    registry: new OpenAPIRegistry(),
    services: createGraphServices(repo, options.cypher ?? DEFAULT_CYPHER_LIMITS),
    limiters: {
      search: limiter(rates.searchPerMinute, 'search'),
      cypher: limiter(rates.cypherPerMinute, 'Cypher console'),
    },
  };
  const wing = options.ledger ? ledgerWing(options.ledger) : null;
  // Sessions before any route that reads them; only these paths pay for the lookup.
  if (wing) context.router.use(SESSION_PATHS, ...wing.sessions);
  else if (options.scenes)
    context.router.use('/scenes', ...loadSession({ auth: null, editorToken: options.scenes.token }));
  for (const mount of [planRoutes, graphRoutes, nodeRoutes, searchRoutes, analysisRoutes, cypherRoutes])
    mount(context);
  if (options.scenes) sceneRoutes(options.scenes)(context);
  if (options.corpus) corpusRoutes(options.corpus)(context);
  wing?.mount(context);
  if (options.imports) importRoutes(options.imports)(context);
  if (options.curation) curationRoutes(options.curation)(context);
  const routers = [context.router, openApiRoutes(openApiDocument(context.registry))];
  // First in line, so that it sees every write, the ledger's included.
  return cache ? [Router().use(cache.writeWatcher), ...routers] : routers;
}

export function buildApiRouters(connection: Neo4jConnection, config: EnvConfig, _logger: Logger): Router[] {
  const stores = createLedgerStores(connection);
  const sessions = { auth: new AuthService(stores), editorToken: config.EDITOR_TOKEN };
  return createApiRouters(neo4jGraphRepository(connection.driver, connection.database, connection.console), {
    dataVersion: dataVersionReader(connection.driver, connection.database),
    corpus: createCorpusService(neo4jCorpusRepository(connection.driver, connection.database)),
    scenes: {
      service: createSceneService(neo4jSceneStore(connection.driver, connection.database)),
      host: config.HOST,
      token: config.EDITOR_TOKEN,
    },
    ledger: { stores, editorToken: config.EDITOR_TOKEN },
    imports: {
      service: createPlanImportService(neo4jPlanImportStore(connection.driver, connection.database)),
      sessions,
    },
    curation: {
      service: createCurationService(neo4jCurationStore(connection.driver, connection.database)),
      sessions,
    },
  });
}
