// One definition per route, used twice: registered in the OpenAPI registry and mounted on express with the
// same zod schemas validating params, query and body. Handlers receive the parsed values, never raw input.
// JSON in and out is the default; a route may take a file as its body (`upload`) and answer with any media
// type its `responses` name (spreadsheets, CSV, HTML).
import type { OpenAPIRegistry, ResponseConfig, ZodContentObject } from '@asteasolutions/zod-to-openapi';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import { AppError, type RequestIssue } from '../domain/errors.ts';
import { errorResponses } from './error-schemas.ts';
import type { ReadCache } from './read-cache.ts';

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface RouteRequest<
  P extends AnyObject | undefined,
  Q extends AnyObject | undefined,
  B extends z.ZodType | undefined,
> {
  params?: P;
  query?: Q;
  /** A JSON body, validated by this schema. */
  body?: B;
  /** A file as the body instead of JSON (a spreadsheet upload): handed to the handler as raw bytes. */
  upload?: Upload;
}

export interface Upload {
  /** Media types documented for the body; the bytes are accepted whatever the Content-Type says. */
  mediaTypes: readonly string[];
  /** Largest body accepted, in the `bytes` notation of express (`5mb`); beyond it: 413 PAYLOAD_TOO_LARGE. */
  limit: string;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface Parsed<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  /** The uploaded bytes (empty when none were sent); null unless the route declares `upload`. */
  upload: Buffer | null;
}

export interface RouteSpec<
  P extends AnyObject | undefined,
  Q extends AnyObject | undefined,
  B extends z.ZodType | undefined,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path relative to /api, e.g. `/nodes/:id`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  request: RouteRequest<P, Q, B>;
  /** The body's media type in OpenAPI (default application/json); a raw upload's body parser goes in `before`. */
  bodyContentType?: string;
  /** Success responses, and error responses particular to the route; those every route shares are added
   * (schemas.ts `errorResponses`) where the route names no other answer for the status. Non-JSON answers
   * name their media types here (see `fileResponse`). */
  responses: Record<number, ResponseConfig>;
  /** Who may call it, for the OpenAPI document (auth-schemas.ts `WRITE_SECURITY`, `ADMIN_SECURITY`); the guard
   * itself goes in `before`. */
  security?: Array<Record<string, string[]>>;
  /** Run before validation (rate limits, authorisation guards). */
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

/** A binary body or answer in OpenAPI: a string of format `binary` under each media type. */
export function binaryContent(mediaTypes: readonly string[]): ZodContentObject {
  const binary = z.string().meta({ format: 'binary' });
  return Object.fromEntries(mediaTypes.map((type) => [type, { schema: binary }]));
}

/** A success answer that is a file (spreadsheet, CSV) rather than JSON. */
export function fileResponse(description: string, mediaTypes: readonly string[]): ResponseConfig {
  return { description, content: binaryContent(mediaTypes) };
}

function issuesOf(where: 'params' | 'query' | 'body', error: z.ZodError): RequestIssue[] {
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
  const { params, query, body, upload } = spec.request;
  if (body && upload) throw new Error(`Route ${spec.path}: a body is either JSON or an upload, not both.`);
  registry.registerPath({
    method: spec.method,
    path: openApiPath(spec.path),
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    ...(spec.security ? { security: spec.security } : {}),
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
      ...(upload ? { body: { required: true, content: binaryContent(upload.mediaTypes) } } : {}),
    },
    responses: { ...errorResponses, ...spec.responses },
  });
  const handle: RequestHandler = async (req, res) => {
    const input: Parsed<P, Q, B> = {
      params: parsePart('params', params, req.params) as Out<P>,
      query: parsePart('query', query, req.query) as Out<Q>,
      body: parsePart('body', body, req.body) as Out<B>,
      upload: upload ? (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)) : null,
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
  // An upload is read after the guards in `before`: a refused request never has its body buffered.
  const reader = upload ? [express.raw({ type: () => true, limit: upload.limit })] : [];
  router[spec.method](spec.path, ...(spec.before ?? []), ...reader, handle);
}
