// One definition per route, used twice: registered in the OpenAPI registry and mounted on express with the
// same zod schemas validating params, query and body. Handlers receive the parsed values, never raw input.
import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import type { ReadCache } from './read-cache.ts';
import { errorResponses } from './schemas.ts';

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface RouteRequest<
  P extends AnyObject | undefined,
  Q extends AnyObject | undefined,
  B extends z.ZodType | undefined,
> {
  params?: P;
  query?: Q;
  body?: B;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface Parsed<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
}

export interface RouteSpec<
  P extends AnyObject | undefined,
  Q extends AnyObject | undefined,
  B extends z.ZodType | undefined,
> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express path relative to /api, e.g. `/nodes/:id`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  request: RouteRequest<P, Q, B>;
  /** The body's media type in OpenAPI (default application/json); a raw upload's body parser goes in `before`. */
  bodyContentType?: string;
  /** Success responses; the error responses every route shares are added. */
  responses: Record<number, ResponseConfig>;
  /** Run before validation (rate limits). */
  before?: RequestHandler[];
  /** Replays a JSON answer from this cache while the data is unchanged: for reads whose answer depends on
   * the URL alone (never on who asks). */
  cache?: ReadCache | null;
  handler: (input: Parsed<P, Q, B>, req: Request, res: Response) => Promise<void>;
}

/** `/nodes/:id` → `/api/nodes/{id}` */
export function openApiPath(expressPath: string): string {
  return `/api${expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

function issuesOf(where: 'params' | 'query' | 'body', error: z.ZodError) {
  return error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)],
    code: issue.code,
    message: issue.message,
  }));
}

function parsePart<S extends z.ZodType | undefined>(
  where: 'params' | 'query' | 'body',
  schema: S,
  value: unknown,
): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data as Out<S>;
  const details = issuesOf(where, result.error);
  const first = details[0];
  throw new AppError(
    'INVALID_REQUEST',
    first ? `Invalid ${first.path.join('.')}: ${first.message}` : `Invalid ${where}.`,
    { details },
  );
}

/** Sends the cached answer for `key`, or runs the handler and keeps what it answers with `res.json`. */
async function replayOrRun(
  cache: ReadCache,
  key: string,
  req: Request,
  res: Response,
  run: () => Promise<void>,
) {
  const version = await cache.current();
  const hit = cache.get(key, version);
  if (hit) {
    if (hit.cacheControl) res.set('Cache-Control', hit.cacheControl);
    if (hit.etag) res.set('ETag', hit.etag);
    res.set('X-Read-Cache', 'hit').type('json');
    const encoding = hit.encoded ? req.acceptsEncodings('br', 'gzip') : false;
    if (hit.encoded && (encoding === 'br' || encoding === 'gzip')) {
      // Already compressed: the compression middleware leaves an encoded answer alone.
      res.vary('Accept-Encoding').set('Content-Encoding', encoding).send(hit.encoded[encoding]);
    } else res.send(hit.body);
    return;
  }
  res.set('X-Read-Cache', 'miss');
  res.json = (value: unknown) => {
    const body = JSON.stringify(value);
    res.type('json').send(body);
    // After send, which set the ETag: replays carry the same one whatever their encoding.
    if (res.statusCode === 200)
      cache.set(key, { version, body, cacheControl: res.get('Cache-Control'), etag: res.get('ETag') });
    return res;
  };
  await run();
}

export function defineRoute<
  P extends AnyObject | undefined,
  Q extends AnyObject | undefined,
  B extends z.ZodType | undefined,
>(router: Router, registry: OpenAPIRegistry, spec: RouteSpec<P, Q, B>): void {
  const { params, query, body } = spec.request;
  registry.registerPath({
    method: spec.method,
    path: openApiPath(spec.path),
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    request: {
      ...(params ? { params } : {}),
      ...(query ? { query } : {}),
      ...(body
        ? {
            body: {
              required: true,
              content: { [spec.bodyContentType ?? 'application/json']: { schema: body } },
            },
          }
        : {}),
    },
    responses: { ...spec.responses, ...errorResponses },
  });
  const handle: RequestHandler = async (req, res) => {
    const input: Parsed<P, Q, B> = {
      params: parsePart('params', params, req.params) as Out<P>,
      query: parsePart('query', query, req.query) as Out<Q>,
      body: parsePart('body', body, req.body) as Out<B>,
    };
    const run = () => spec.handler(input, req, res);
    if (spec.cache)
      await replayOrRun(
        spec.cache,
        `${spec.path} ${JSON.stringify([input.params, input.query])}`,
        req,
        res,
        run,
      );
    else await run();
  };
  router[spec.method](spec.path, ...(spec.before ?? []), handle);
}
