// Values the console shows exactly: integers beyond 2^53 keep every digit (as strings), durations read as
// ISO 8601 the way Cypher's own toString writes them, ±Infinity and NaN are spelled out, temporal values and
// points come as typed objects rather than debug strings.
import type express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CypherResponse, CypherValue } from '../../../server/src/domain/types.ts';
import { testDatabase, testDriver } from '../_db.ts';
import { apiApp, importSeed } from './_seeded-app.ts';

let app: express.Express;

beforeAll(async () => {
  await importSeed();
  app = apiApp({ rateLimits: { searchPerMinute: 1000, cypherPerMinute: 1000 } });
});

async function row(query: string): Promise<Record<string, CypherValue>> {
  const res = await request(app).post('/api/cypher').send({ query });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as CypherResponse).rows[0] ?? {};
}

describe('integers', () => {
  it('returns 2^53 + 1 with its exact digits', async () => {
    expect(await row('RETURN 9007199254740993 AS n')).toEqual({ n: '9007199254740993' });
  });

  it('keeps the digits inside lists and maps, and of the largest and smallest 64-bit integers', async () => {
    const values = await row(
      'RETURN [9007199254740993, 1] AS list, {a: -9007199254740993, b: {c: 9223372036854775807}} AS map, -9223372036854775808 AS min',
    );
    expect(values).toEqual({
      list: ['9007199254740993', 1],
      map: { a: '-9007199254740993', b: { c: '9223372036854775807' } },
      min: '-9223372036854775808',
    });
  });

  it('leaves integers JSON can hold exactly as numbers', async () => {
    expect(await row('RETURN 9007199254740991 AS max, -42 AS n')).toEqual({ max: 9007199254740991, n: -42 });
  });
});

describe('durations', () => {
  it("returns duration('P3D') as P3D", async () => {
    expect(await row("RETURN duration('P3D') AS d")).toEqual({ d: 'P3D' });
  });

  it.each([
    ["duration('PT1H30M')", 'PT1H30M'],
    ["duration('P1Y2M')", 'P1Y2M'],
    ["duration('PT-1.5S')", 'PT-1.5S'],
    ["duration('P0D')", 'PT0S'],
    ['duration({months: 14, days: 3, seconds: 3661, nanoseconds: 5})', 'P1Y2M3DT1H1M1.000000005S'],
  ])('returns %s as %s, as Cypher’s toString writes it', async (expression, iso) => {
    const values = await row(`WITH ${expression} AS d RETURN d, toString(d) AS cypher`);
    expect(values).toEqual({ d: iso, cypher: iso });
  });
});

describe('floats, temporal values and points', () => {
  it('spells out ±Infinity and NaN, which JSON cannot hold', async () => {
    expect(await row('RETURN 1.0 / 0.0 AS inf, -1.0 / 0.0 AS ninf, 0.0 / 0.0 AS nan, 0.5 AS half')).toEqual({
      inf: 'Infinity',
      ninf: '-Infinity',
      nan: 'NaN',
      half: 0.5,
    });
  });

  it('returns dates and times as typed ISO 8601 values', async () => {
    const values = await row(
      "RETURN date('2024-01-02') AS d, datetime('2024-01-02T12:00:00[Europe/Paris]') AS dt, localtime('08:30:00') AS t",
    );
    expect(values).toEqual({
      d: { type: 'Date', value: '2024-01-02' },
      dt: {
        type: 'DateTime',
        value: '2024-01-02T12:00:00+01:00[Europe/Paris]',
        timeZoneId: 'Europe/Paris',
      },
      t: { type: 'LocalTime', value: '08:30:00' },
    });
  });

  it('returns points with their coordinate system', async () => {
    const values = await row(
      'RETURN point({longitude: 126.6, latitude: 45.75}) AS geo, point({x: 1, y: 2, z: 3}) AS xyz',
    );
    expect(values).toEqual({
      geo: { type: 'Point', srid: 4326, crs: 'wgs-84', x: 126.6, y: 45.75 },
      xyz: { type: 'Point', srid: 9157, crs: 'cartesian-3d', x: 1, y: 2, z: 3 },
    });
  });
});

describe('node properties in every other answer', () => {
  it('reads a stored integer beyond 2^53, a duration and Infinity exactly through GET /api/nodes/:id', async () => {
    const id = 'harbin-2016:domain:1';
    await testDriver().executeQuery(
      "MATCH (d:Domain {id: $id}) SET d.big = 9007199254740993, d.span = duration('P3D'), d.ratio = 1.0 / 0.0, d.counts = [1, 9007199254740993]",
      { id },
      { database: testDatabase() },
    );
    const res = await request(app)
      .get(`/api/nodes/${encodeURIComponent(id)}`)
      .expect(200);
    const properties = JSON.stringify(res.body);
    expect(properties).toContain('"big":"9007199254740993"');
    expect(properties).toContain('"span":"P3D"');
    expect(properties).toContain('"ratio":"Infinity"');
    expect(properties).toContain('"counts":["1","9007199254740993"]');
    expect(properties).toContain('"number":1');
  });
});
