// The error body every route may answer with, derived from the one list of codes (domain/errors.ts), and the
// OpenAPI responses for it: the shared ones every route documents, and the helper routes use for their own.
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ApiErrorCode } from '../domain/errors.ts';

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ApiErrorCode),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ApiError' });

/** `details` of every INVALID_REQUEST that request validation raises (domain/errors.ts `RequestIssue`). */
export const requestIssueSchema = z
  .object({
    path: z.array(z.string()).meta({ description: '`params`, `query` or `body`, then the field path.' }),
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: 'RequestIssue' });

export const invalidRequestSchema = z
  .object({
    error: z.object({
      code: z.literal(ApiErrorCode.INVALID_REQUEST),
      message: z.string(),
      details: z
        .union([z.array(requestIssueSchema), z.record(z.string(), z.unknown())])
        .optional()
        .meta({
          description:
            'Present when the request failed validation: each problem with its path. A check made after validation (several plans and none named, an unreadable sheet) names the problem in `message` and may carry its own details object.',
        }),
    }),
  })
  .meta({ id: 'InvalidRequest' });

export function errorResponse(description: string, schema: z.ZodType = apiErrorSchema): ResponseConfig {
  return { description, content: { 'application/json': { schema } } };
}

/** The error answers every route may give; a route's own responses override them status by status. */
export const errorResponses: Record<number, ResponseConfig> = {
  400: errorResponse(
    'The request is invalid: `details` lists each problem with its path.',
    invalidRequestSchema,
  ),
  404: errorResponse('No such plan, node or route.'),
  429: errorResponse('Too many requests; retry later.'),
  503: errorResponse('The graph database is unavailable.'),
};
