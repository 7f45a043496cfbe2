// The ledger's routes are described in the OpenAPI document: valid 3.1, and every route the ledger routers
// serve is documented with its method.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { registerLedgerOpenApi } from '../../../server/src/api/ledger-openapi.ts';
import { ledgerApiRouters } from '../../../server/src/api/ledger-routers.ts';
import { createDriver } from '../../../server/src/neo4j/driver.ts';

function ledgerDocument() {
  const registry = new OpenAPIRegistry();
  registerLedgerOpenApi(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'ledger', version: '0' },
  });
}

interface Layer {
  name: string;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

function routesOf(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route && typeof layer.route.path === 'string')
      return Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} /api${layer.route?.path}`);
    return layer.name === 'router' && layer.handle.stack ? routesOf(layer.handle.stack) : [];
  });
}

describe('the ledger in the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(ledgerDocument())));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every ledger, auth, admin and checks route the routers serve', async () => {
    const documented = new Set(
      Object.entries(ledgerDocument().paths ?? {}).flatMap(([path, item]) =>
        Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    // The driver connects lazily: building the routers touches no database.
    const driver = createDriver('bolt://127.0.0.1:1', 'neo4j', '');
    try {
      const served = ledgerApiRouters({ driver, database: 'neo4j' }).flatMap((r) =>
        routesOf((r as unknown as { stack: Layer[] }).stack),
      );
      expect(served.length).toBeGreaterThanOrEqual(17);
      for (const route of served) expect(documented, route).toContain(route.replace(/:(\w+)/g, '{$1}'));
    } finally {
      await driver.close();
    }
  });
});
