// docs/architecture.md draws the layers from the code: its picture is exactly the import graph folded to
// layers, and every edge of that graph goes down the layer order the lint walls enforce.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerEdges, mermaid } from './_folder-graph.ts';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/architecture.md'), 'utf8');

/** Lower layers first; a layer may import only layers of a lower rank (or packages). The client's ranks sit
 * above server/src/domain: its shared vocabulary is the client's floor too. */
const RANK: Record<string, number> = {
  'server/src/domain': 0,
  'server/src/config': 0,
  'server/src/ingest': 1,
  'server/src/graph': 2,
  'server/src/ledger': 2,
  'server/src/neo4j': 3,
  'server/src/import': 4,
  'server/src/api': 5,
  'server/src/app.ts': 6,
  'server/src/index.ts': 7,
  'client/src/types.ts': 1,
  'client/src/styles': 1,
  'client/src/api': 2,
  'client/src/model': 3,
  'client/src/graph': 4,
  'client/src/ui': 5,
  'client/src/views': 6,
  'client/src/main.ts': 7,
};
/** Known back-edges, each with the issue that removes it. */
const KNOWN = new Set<string>();

describe('the layer picture of docs/architecture.md', () => {
  it('is the import graph of the code (regenerate: npx tsx tests/unit/architecture/_folder-graph.ts)', () => {
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBe(mermaid(layerEdges()));
  });

  it('shows only edges that go down the layer order, but the known ones', () => {
    const upward = [...layerEdges()].filter((edge) => {
      const [from = '', to = ''] = edge.split(' --> ');
      if (to === 'neo4j-driver' || to === 'express' || KNOWN.has(edge)) return false;
      const a = RANK[from];
      const b = RANK[to];
      return a === undefined || b === undefined || a <= b;
    });
    expect(upward).toEqual([]);
  });

  it('names, for the client, the only server modules it may import', () => {
    for (const module of [
      'types.ts',
      'model.ts',
      'ledger-types.ts',
      'corpus.ts',
      'import-types.ts',
      'curation.ts',
    ])
      expect(doc).toContain(`server/src/domain/${module}`);
  });
});
