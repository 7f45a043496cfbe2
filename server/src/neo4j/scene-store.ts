// Scenes in Neo4j: `:Scene` nodes that carry no plan-data label and no `plan` property, so a plan's re-import
// (which deletes `:PlanData {plan}`) never touches them. The state is stored as one JSON string: it is read and
// written whole, never queried.
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import type { Scene, SceneInput, SceneState } from '../domain/types.ts';
import type { SceneChanges, SceneStore } from '../graph/scene-service.ts';
import { translateNeo4jError } from './errors.ts';
import { intValue, parseRow } from './row-schemas.ts';
import { type RawReadTx, readTransaction, type WriteTx, writeTransaction } from './transactions.ts';

export const SCENE_LABEL = 'Scene';

const CONSTRAINT = `CREATE CONSTRAINT scene_id IF NOT EXISTS FOR (s:${SCENE_LABEL}) REQUIRE s.id IS UNIQUE`;
const LIST = `MATCH (s:${SCENE_LABEL}) RETURN s {.*} AS scene ORDER BY s.order, s.createdAt, s.id`;
const GET = `MATCH (s:${SCENE_LABEL} {id: $id}) RETURN s {.*} AS scene`;
const APPEND = `
  OPTIONAL MATCH (existing:${SCENE_LABEL})
  WITH coalesce(max(existing.order), -1) + 1 AS first
  UNWIND range(0, size($scenes) - 1) AS i
  WITH first, i, $scenes[i] AS input
  CREATE (s:${SCENE_LABEL} {id: input.id, name: input.name, caption: input.caption, state: input.state,
    order: first + i, createdAt: $now, updatedAt: $now})
  RETURN s {.*} AS scene ORDER BY s.order`;
const DELETE_ALL = `MATCH (s:${SCENE_LABEL}) DETACH DELETE s`;
const UPDATE = `
  MATCH (s:${SCENE_LABEL} {id: $id})
  SET s += $changes, s.updatedAt = $now
  RETURN s {.*} AS scene`;
const REMOVE = `MATCH (s:${SCENE_LABEL} {id: $id}) DETACH DELETE s RETURN count(*) AS removed`;
const REORDER = `
  UNWIND range(0, size($ids) - 1) AS i
  MATCH (s:${SCENE_LABEL} {id: $ids[i]})
  SET s.order = i, s.updatedAt = $now`;

const point = z.object({ x: z.number(), y: z.number() });
const sceneState = z.object({
  link: z.string(),
  positions: z.record(z.string(), point),
}) satisfies z.ZodType<SceneState>;

/** The state is stored as JSON text: text that is not JSON fails the state's schema, like a wrong shape. */
const stateJson = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'state is not JSON' });
    return z.NEVER;
  }
});

const sceneRow = z.object({
  id: z.string(),
  order: intValue,
  name: z.string(),
  caption: z.string(),
  state: stateJson.pipe(sceneState),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<Scene, unknown>;

const rows = (records: Array<{ get(key: 'scene'): unknown }>) =>
  records.map((record) => parseRow(sceneRow, record.get('scene'), 'scene'));

const forWrite = (scenes: SceneInput[]) =>
  scenes.map((scene) => ({
    id: `scene:${randomUUID()}`,
    name: scene.name,
    caption: scene.caption,
    state: JSON.stringify(scene.state),
  }));

const TIMEOUT_MS = 10_000;

/** Scenes over Neo4j; errors as transactions.ts translates them, a malformed stored scene AppError INTERNAL. */
export function neo4jSceneStore(driver: Driver, database: string): SceneStore {
  let schemaReady: Promise<void> | null = null;
  const ensureSchema = () => {
    schemaReady ??= driver
      .executeQuery(CONSTRAINT, {}, { database })
      .then(() => undefined)
      .catch((error: unknown) => {
        schemaReady = null;
        throw error;
      });
    return schemaReady;
  };

  async function run<T>(mode: 'read' | 'write', work: (tx: WriteTx) => Promise<T>): Promise<T> {
    if (mode === 'read') return readTransaction(driver, database, work, TIMEOUT_MS);
    await ensureSchema().catch((error: unknown) => {
      throw translateNeo4jError(error);
    });
    return writeTransaction({ driver, database }, work, TIMEOUT_MS);
  }

  const now = () => new Date().toISOString();
  const list = (tx: RawReadTx) => tx.run(LIST).then((result) => rows(result.records));
  const append = async (tx: WriteTx, scenes: SceneInput[]) =>
    scenes.length === 0 ? [] : rows((await tx.run(APPEND, { scenes: forWrite(scenes), now: now() })).records);

  return {
    list: () => run('read', list),
    get: (id) => run('read', async (tx) => rows((await tx.run(GET, { id })).records)[0] ?? null),
    append: (scenes) => run('write', (tx) => append(tx, scenes)),
    replaceAll: (scenes) =>
      run('write', async (tx) => {
        await tx.run(DELETE_ALL);
        return append(tx, scenes);
      }),
    update: (id, changes: SceneChanges) =>
      run('write', async (tx) => {
        const set: Record<string, string> = {};
        if (changes.name !== undefined) set.name = changes.name;
        if (changes.caption !== undefined) set.caption = changes.caption;
        if (changes.state !== undefined) set.state = JSON.stringify(changes.state);
        return rows((await tx.run(UPDATE, { id, changes: set, now: now() })).records)[0] ?? null;
      }),
    remove: (id) =>
      run('write', async (tx) => {
        const removed = (await tx.run(REMOVE, { id })).records[0]?.get('removed');
        return parseRow(intValue, removed, 'scene count') > 0;
      }),
    reorder: (ids) =>
      run('write', async (tx) => {
        await tx.run(REORDER, { ids, now: now() });
        return list(tx);
      }),
  };
}
