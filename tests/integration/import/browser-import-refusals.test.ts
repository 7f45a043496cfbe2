// What the browser import refuses, and that a refusal stores nothing: a PNG renamed .md, an empty file and a 12 MB
// file get a 4xx with a code and a message that says why (the database's count and checksum unchanged); an
// anonymous caller gets 401, a viewer 403, and an editor may preview but not commit.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UnreadableDetails } from '../../../server/src/domain/import-types.ts';
import { graphFingerprint } from '../_db.ts';
import {
  CORPUS,
  freshDatabase,
  IMPORT_URL,
  importApp,
  login,
  type Session,
  upload,
} from './_browser-import.ts';

let app: Express;
let admin: Session;

beforeAll(async () => {
  await freshDatabase();
  app = importApp();
  admin = await login(app, 'admin');
}, 120_000);

/** The first bytes of a real PNG (signature and IHDR chunk of a 1×1 image), then padding. */
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.alloc(64, 0),
]);
/** 12 MB of readable Chinese text: refused for its size alone. */
const TWELVE_MB = Buffer.alloc(12 * 1024 * 1024, Buffer.from('一、总体要求\n\n', 'utf8'));

describe('files the import refuses, leaving the database as it was', () => {
  it.each([
    ['a PNG renamed .md', 'plan.md', PNG, 422, 'UNREADABLE_DOCUMENT', /PNG/],
    ['an empty file', 'plan.docx', Buffer.alloc(0), 422, 'UNREADABLE_DOCUMENT', /empty file/],
    [
      'a 12 MB file',
      'plan.txt',
      TWELVE_MB,
      413,
      'PAYLOAD_TOO_LARGE',
      /at most 5\.0 MB; this file is 12\.0 MB/,
    ],
  ] as const)('%s', async (_what, name, bytes, status, code, message) => {
    const before = await graphFingerprint();
    const res = await upload(admin, name, bytes);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(message);
    expect(await graphFingerprint()).toEqual(before);
  });

  it('says what the file looks like, so the page can say it in the user’s language', async () => {
    const res = await upload(admin, 'plan.md', PNG, { dryRun: 'true' });
    expect(res.status).toBe(422);
    const details = res.body.error.details as UnreadableDetails;
    expect(details).toMatchObject({ reason: 'binary', looksLike: 'PNG' });
    expect(res.body.error.message).toContain('plan.md');
  });
});

describe('who may import', () => {
  const document = () => readFileSync(path.join(CORPUS, 'guofa-2019-005.md'));

  it('refuses an anonymous caller with 401', async () => {
    const before = await graphFingerprint();
    const res = await request(app)
      .post(`${IMPORT_URL}?name=plan.md`)
      .set('Content-Type', 'application/octet-stream')
      .send(document());
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
    expect(await graphFingerprint()).toEqual(before);
  });

  it('refuses a viewer with 403, even for a preview', async () => {
    const viewer = await login(app, 'viewer');
    const queries: Array<Record<string, string>> = [{ dryRun: 'true' }, {}];
    for (const query of queries) {
      const res = await upload(viewer, 'plan.md', document(), query);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('lets an editor preview but not commit', async () => {
    const editor = await login(app, 'editor');
    const before = await graphFingerprint();
    expect((await upload(editor, 'plan.md', document(), { dryRun: 'true' })).status).toBe(200);
    const commit = await upload(editor, 'plan.md', document());
    expect(commit.status).toBe(403);
    expect(commit.body.error.message).toContain('admins');
    expect(await graphFingerprint()).toEqual(before);
  });

  it('documents the route in OpenAPI with a binary body', async () => {
    const spec = (await request(app).get('/api/openapi.json').expect(200)).body;
    const post = spec.paths['/api/plans/import'].post;
    expect(post.requestBody.content['application/octet-stream'].schema).toMatchObject({ format: 'binary' });
    expect(Object.keys(post.responses)).toEqual(
      expect.arrayContaining(['200', '201', '401', '403', '413', '422']),
    );
  });
});
