// The curation routes are described in the OpenAPI document (valid 3.1, every route with its method) and refuse an
// anonymous write with 401 before anything reaches the service.
import { Validator } from '@seriousme/openapi-schema-validator';
import pino from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApiRouters } from '../../../server/src/api/routers.ts';
import { createApp } from '../../../server/src/app.ts';
import type { CurationService } from '../../../server/src/graph/curation-service.ts';
import type { AuthService } from '../../../server/src/ledger/auth-service.ts';
import { fakeGraphRepository } from '../../fixtures/graph-repository.fake.ts';
import { smallGraph, smallPlanSummary } from '../../fixtures/small-graph.ts';

/** A service that must not be reached: every call fails the test. */
const unreachable = new Proxy({} as CurationService, {
  get: () => () => {
    throw new Error('the service was called');
  },
});

function app() {
  return createApp({
    logger: pino({ level: 'silent' }),
    clientDir: null,
    dbmsInfo: async () => ({ version: '5.26.0', edition: 'community' }),
    apiRouters: createApiRouters(fakeGraphRepository([smallPlanSummary()], smallGraph()), {
      // No cookie is sent, so the session loader never asks the auth service.
      curation: { service: unreachable, sessions: { auth: {} as AuthService, editorToken: undefined } },
    }),
  });
}

describe('the curation routes', () => {
  it('are in a valid OpenAPI 3.1 document, each with its method', async () => {
    const res = await request(app()).get('/api/openapi.json').expect(200);
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/plans/{plan}/review'] ?? {})).toEqual(['get']);
    expect(Object.keys(paths['/api/plans/{plan}/curation'] ?? {})).toEqual(['post']);
    expect(Object.keys(paths['/api/plans/{plan}/curation/{id}'] ?? {})).toEqual(['delete']);
    expect(Object.keys(paths['/api/plans/{plan}/curation.yaml'] ?? {}).sort()).toEqual(['get', 'post']);
    const body = paths['/api/plans/{plan}/curation']?.post as {
      requestBody: { content: Record<string, unknown> };
    };
    expect(JSON.stringify(body.requestBody.content)).toContain('setRole');
  }, 30_000);

  it('answer an anonymous decision with 401 and an anonymous YAML import too', async () => {
    const decision = await request(app())
      .post('/api/plans/p/curation')
      .send({ action: 'reject', target: 'p:agency:x' });
    expect(decision.status).toBe(401);
    expect(decision.body.error.code).toBe('UNAUTHORIZED');
    const yaml = await request(app())
      .post('/api/plans/p/curation.yaml')
      .type('application/yaml')
      .send('plan: {id: p, title: x}\n');
    expect(yaml.status).toBe(401);
  });
});
