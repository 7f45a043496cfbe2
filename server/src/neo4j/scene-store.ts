// Scenes in Neo4j: `:Scene` nodes that carry no plan-data label and no `plan` property, so a plan's re-import
// (which deletes `:PlanData {plan}`) never touches them. The state is stored as one JSON string: it is read and
// written whole, never queried.
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Scene, SceneInput, SceneState } from '../domain/types.ts';
import type { SceneChanges, SceneStore } from '../graph/scene-service.ts';
import { translateNeo4jError } from './errors.ts';

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

interface SceneRow {
  id: string;
  name: string;
  caption: string;
  state: string;
  order: number;
  createdAt: string;
  updatedAt: string;
}

function toScene(row: SceneRow): Scene {
  return {
    id: row.id,
    order: Number(row.order),
    name: row.name,
    caption: row.caption,
    state: JSON.parse(row.state) as SceneState,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const rows = (records: Array<{ get(key: 'scene'): unknown }>) =>
  records.map((record) => toScene(record.get('scene') as SceneRow));

const forWrite = (scenes: SceneInput[]) =>
  scenes.map((scene) => ({
    id: `scene:${randomUUID()}`,
    name: scene.name,
    caption: scene.caption,
    state: JSON.stringify(scene.state),
  }));

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

  async function run<T>(mode: 'read' | 'write', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = driver.session({
      database,
      defaultAccessMode: mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      if (mode === 'read') return await session.executeRead(work, { timeout: 10_000 });
      await ensureSchema();
      return await session.executeWrite(work, { timeout: 10_000 });
    } catch (error) {
      throw translateNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  const now = () => new Date().toISOString();
  const list = (tx: ManagedTransaction) => tx.run(LIST).then((result) => rows(result.records));
  const append = async (tx: ManagedTransaction, scenes: SceneInput[]) =>
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
      run('write', async (tx) => Number((await tx.run(REMOVE, { id })).records[0]?.get('removed')) > 0),
    reorder: (ids) =>
      run('write', async (tx) => {
        await tx.run(REORDER, { ids, now: now() });
        return list(tx);
      }),
  };
}
