// The OpenAPI document is valid OpenAPI 3.1 and describes every route the app actually serves.
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fullApiApp } from './_full-app.ts';

/** The whole API (graph, scenes, ledger, auth, admin), as the server mounts it. */
const app = fullApiApp;

interface Layer {
  name: string;
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every METHOD path the express app registers, following mounted routers and their mount paths. */
function registeredRoutes(stack: Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route && typeof layer.route.path === 'string') {
      return Object.keys(layer.route.methods)
        .filter((method) => method !== '_all')
        .map((method) => `${method.toUpperCase()} ${prefix}${layer.route?.path}`);
    }
    if (layer.name === 'router' && layer.handle.stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      return registeredRoutes(layer.handle.stack, prefix + mount);
    }
    return [];
  });
}

describe('GET /api/openapi.json', () => {
  it('passes the OpenAPI schema validator as a 3.1 document', async () => {
    const res = await request(app()).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every route the app registers under /api, with the same method', async () => {
    const served = app();
    const res = await request(served).get('/api/openapi.json').expect(200);
    const documented = new Set(
      Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const routes = registeredRoutes((served as unknown as { router: { stack: Layer[] } }).router.stack)
      .filter((route) => route.split(' ')[1]?.startsWith('/api/'))
      .map((route) => route.replace(/:([A-Za-z0-9_]+)/g, '{$1}'));
    // 12 graph, 8 scene, 18 ledger, auth and admin routes (and health)
    expect(routes.length).toBeGreaterThanOrEqual(12 + 8 + 18);
    for (const route of routes) expect(documented, route).toContain(route);
  });

  it('documents the request parameters with their limits from the validating schemas', async () => {
    const res = await request(app()).get('/api/openapi.json').expect(200);
    const neighbors = res.body.paths['/api/nodes/{id}/neighbors'].get;
    const depth = neighbors.parameters.find((p: { name: string }) => p.name === 'depth');
    expect(depth.in).toBe('query');
    expect(depth.schema.maximum).toBe(3);
    expect(depth.schema.minimum).toBe(1);
    const search = res.body.paths['/api/search'].get;
    const q = search.parameters.find((p: { name: string }) => p.name === 'q');
    expect(q.required).toBe(true);
    expect(q.schema.maxLength).toBe(200);
    expect(res.body.paths['/api/cypher'].post.requestBody.content['application/json']).toBeTruthy();
  });

  it('gives patterns that generated clients can use as written (ECMA-262, no flags) and that accept valid ids', async () => {
    const res = await request(app()).get('/api/openapi.json').expect(200);
    const patterns = [...JSON.stringify(res.body).matchAll(/"pattern":("(?:[^"\\]|\\.)*")/g)].map(
      (match) => JSON.parse(match[1] ?? '""') as string,
    );
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(() => new RegExp(pattern), pattern).not.toThrow();
    const parameter = (path: string, method: string, name: string) =>
      new RegExp(
        res.body.paths[path][method].parameters.find((p: { name: string }) => p.name === name).schema.pattern,
      );
    const nodeId = parameter('/api/nodes/{id}', 'get', 'id');
    for (const id of ['harbin-2016:task:3.1.2', 'harbin-2016:agency:市发展和改革委员会', 'p:pilot:𠀀区'])
      expect(nodeId.test(id), id).toBe(true);
    for (const id of ['a b', 'a"b', 'x<y>']) expect(nodeId.test(id), id).toBe(false);
    const username = parameter('/api/admin/users/{username}', 'patch', 'username');
    for (const name of ['ed1', 'zhang.san@reform', '张三']) expect(username.test(name), name).toBe(true);
    for (const name of ['ed 1', 'ed/1', 'ed:1']) expect(username.test(name), name).toBe(false);
  });
});
