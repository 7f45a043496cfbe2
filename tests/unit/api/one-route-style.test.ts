// Every route goes through defineRoute: one error-details shape for invalid requests whichever wing answers,
// the error codes documented from the one list, and the non-JSON bodies and answers (spreadsheets, CSV, HTML)
// documented with their media types.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../../server/src/domain/errors.ts';
import { fullApiApp } from './_full-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TOKEN = 'an-editor-token-for-the-tests-42';

async function openApi() {
  return (await request(fullApiApp()).get('/api/openapi.json').expect(200)).body;
}

describe('invalid requests', () => {
  it.each([
    ['a graph route', 'get', '/api/nodes/harbin-2016:task:1.1/neighbors?depth=9', undefined, 'query'],
    ['a ledger read', 'get', '/api/ledger?plan=harbin-2016&overdue=maybe', undefined, 'query'],
    ['the login', 'post', '/api/auth/login', { username: 'ed' }, 'body'],
    ['an admin write (after its guard)', 'post', '/api/admin/users', { username: 'x y' }, null],
  ] as const)(
    'answer alike on %s: details list each issue with its path',
    async (_what, method, url, body, part) => {
      const call = request(fullApiApp())[method](url);
      const res = body ? await call.send(body) : await call;
      if (part === null) {
        // The guard answers first: without a session the body is never looked at.
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('UNAUTHORIZED');
        return;
      }
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_REQUEST');
      expect(Array.isArray(res.body.error.details)).toBe(true);
      for (const issue of res.body.error.details) {
        expect(issue.path[0]).toBe(part);
        expect(typeof issue.code).toBe('string');
        expect(typeof issue.message).toBe('string');
      }
      expect(res.body.error.message).toContain(`Invalid ${res.body.error.details[0].path.join('.')}`);
    },
  );
});

describe('the OpenAPI document', () => {
  it('lists exactly the error codes of domain/errors.ts, FORBIDDEN included', async () => {
    const doc = await openApi();
    const codes = doc.components.schemas.ApiError.properties.error.properties.code.enum;
    expect([...codes].sort()).toEqual([...API_ERROR_CODES].sort());
    expect(codes).toContain('FORBIDDEN');
  });

  it('documents the invalid-request details once, for every route', async () => {
    const doc = await openApi();
    const answers400 = Object.values(doc.paths as Record<string, Record<string, { responses: object }>>)
      .flatMap((item) => Object.values(item))
      .map((operation) => (operation.responses as Record<string, unknown>)['400'])
      .filter((answer) => answer !== undefined)
      .map((answer) => JSON.stringify(answer));
    // Every route but the two the app describes by hand (health, this document).
    expect(answers400.length).toBeGreaterThanOrEqual(12 + 8 + 18);
    const shared = answers400.filter((answer) => answer.includes('#/components/schemas/InvalidRequest'));
    // The sheet import documents its own 400 (cell errors); every other route the shared one.
    expect(answers400.length - shared.length).toBe(1);
  });

  it('documents spreadsheet, CSV and HTML answers and the sheet upload with their media types', async () => {
    const doc = await openApi();
    expect(Object.keys(doc.paths['/api/ledger/export'].get.responses['200'].content)).toEqual([
      XLSX,
      'text/csv',
    ]);
    expect(Object.keys(doc.paths['/api/ledger/review'].get.responses['200'].content)).toEqual([
      'text/html',
      XLSX,
    ]);
    expect(doc.paths['/api/admin/audit/export'].get.responses['200'].content['text/csv']).toBeTruthy();
    const upload = doc.paths['/api/ledger/import'].post.requestBody.content;
    expect(Object.keys(upload)).toEqual([XLSX, 'text/csv']);
    expect(upload[XLSX].schema).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('declares the session cookie, its CSRF header and the editor token as security schemes', async () => {
    const doc = await openApi();
    expect(doc.components.securitySchemes).toMatchObject({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'rge_session' },
      csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      editorToken: { type: 'http', scheme: 'bearer' },
    });
  });

  it('documents 401, 403 and how to authorise on the guarded writes', async () => {
    const doc = await openApi();
    for (const [path, method] of [
      ['/api/ledger/tasks/{taskId}/entries', 'post'],
      ['/api/admin/users/{username}', 'patch'],
      ['/api/scenes/{id}', 'put'],
    ] as const) {
      const operation = doc.paths[path][method];
      expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(
        expect.arrayContaining(['401', '403']),
      );
      expect(operation.security.map((alternative: object) => Object.keys(alternative).sort())).toEqual(
        path.startsWith('/api/admin')
          ? [['csrfToken', 'sessionCookie']]
          : [['csrfToken', 'sessionCookie'], ['editorToken']],
      );
    }
  });
});

describe('a sheet upload', () => {
  it('is refused with 413 beyond its 5 MB limit, after the guard let the editor token through', async () => {
    const app = fullApiApp(TOKEN);
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x41);
    const res = await request(app)
      .post('/api/ledger/import?plan=harbin-2016&format=csv')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Content-Type', 'text/csv')
      .send(big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    await request(app)
      .post('/api/ledger/import?plan=harbin-2016&format=csv')
      .set('Content-Type', 'text/csv')
      .send('Task id\n')
      .expect(401);
  });
});
