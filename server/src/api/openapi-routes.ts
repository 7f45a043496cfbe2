// GET /api/openapi.json: generated from the registry the routes described themselves in, so the document and
// the validation share one set of schemas.
import { type OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { SECURITY_SCHEMES } from './auth-schemas.ts';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export function openApiDocument(registry: OpenAPIRegistry): OpenApiDocument {
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES))
    registry.registerComponent('securitySchemes', name, scheme);
  registry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    tags: ['meta'],
    responses: {
      200: {
        description: 'OpenAPI 3.1 document',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/health',
    summary:
      'Whether the graph database answers, with its version, and where the Cypher console runs (`console`: replica or main, and its state)',
    tags: ['meta'],
    responses: {
      200: { description: 'Healthy', content: { 'application/json': { schema: { type: 'object' } } } },
    },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Reform Graph Explorer API',
      version: '0.1.0',
      description:
        'Imported reform plans as a graph, the implementation ledger, accounts and presentation scenes. Errors are JSON: {"error":{"code","message","details"}}; an INVALID_REQUEST from validation lists each problem in `details` as {"path":["query"|"params"|"body", …],"code","message"}. Writes need a session (see the auth routes): the login cookie with its X-CSRF-Token, or `Authorization: Bearer <EDITOR_TOKEN>` for scripts.',
    },
    servers: [{ url: '/' }],
  });
}

export function openApiRoutes(document: OpenApiDocument): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
