// Presentation scenes: the store interface the Neo4j layer implements, and the rules on top of it (a reorder
// names every scene exactly once, an import either appends or replaces, exports carry no ids).
import { AppError } from '../domain/errors.ts';
import type { Scene, SceneInput, ScenesFile } from '../domain/types.ts';

export interface SceneChanges {
  name?: string;
  caption?: string;
  state?: SceneInput['state'];
}

export interface SceneStore {
  list(): Promise<Scene[]>;
  get(id: string): Promise<Scene | null>;
  /** Adds the scenes after the existing ones, in the given order. */
  append(scenes: SceneInput[]): Promise<Scene[]>;
  /** Deletes every scene and stores these instead, in one transaction. */
  replaceAll(scenes: SceneInput[]): Promise<Scene[]>;
  update(id: string, changes: SceneChanges): Promise<Scene | null>;
  remove(id: string): Promise<boolean>;
  /** Sets `order` from the position of each id in the list. */
  reorder(ids: string[]): Promise<Scene[]>;
}

const notFound = (id: string) => new AppError('NOT_FOUND', `No scene with id "${id}".`, { details: { id } });

export function createSceneService(store: SceneStore) {
  return {
    list: () => store.list(),

    async get(id: string): Promise<Scene> {
      const scene = await store.get(id);
      if (!scene) throw notFound(id);
      return scene;
    },

    async create(input: SceneInput): Promise<Scene> {
      const [scene] = await store.append([input]);
      if (!scene) throw new AppError('INTERNAL', 'The scene was not stored.');
      return scene;
    },

    async update(id: string, changes: SceneChanges): Promise<Scene> {
      const scene = await store.update(id, changes);
      if (!scene) throw notFound(id);
      return scene;
    },

    async remove(id: string): Promise<void> {
      if (!(await store.remove(id))) throw notFound(id);
    },

    async reorder(ids: string[]): Promise<Scene[]> {
      const existing = new Set((await store.list()).map((scene) => scene.id));
      const given = new Set(ids);
      const missing = [...existing].filter((id) => !given.has(id));
      const unknown = ids.filter((id) => !existing.has(id));
      if (given.size !== ids.length || missing.length > 0 || unknown.length > 0) {
        throw new AppError('INVALID_REQUEST', 'A new order must list every scene exactly once.', {
          details: [{ path: ['body', 'ids'], missing, unknown, duplicates: ids.length - given.size }],
        });
      }
      return store.reorder(ids);
    },

    async exportFile(now = new Date()): Promise<ScenesFile> {
      const scenes = await store.list();
      return {
        format: 'reform-graph-scenes',
        version: 1,
        exportedAt: now.toISOString(),
        scenes: scenes.map(({ name, caption, state }) => ({ name, caption, state })),
      };
    },

    importFile(file: ScenesFile, mode: 'append' | 'replace'): Promise<Scene[]> {
      return mode === 'replace' ? store.replaceAll(file.scenes) : store.append(file.scenes);
    },
  };
}

export type SceneService = ReturnType<typeof createSceneService>;
