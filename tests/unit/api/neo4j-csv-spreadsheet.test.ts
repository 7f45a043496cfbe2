// The neo4j-admin CSV export keeps values exactly (neo4j-admin must load what was stored), so its README
// warns that the files are not for a spreadsheet program, where a cell starting with = would run.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { NodeId, Subgraph } from '../../../server/src/domain/types.ts';
import { neo4jCsvZip } from '../../../server/src/graph/export/neo4j-csv.ts';

const hostile: Subgraph = {
  nodes: [
    {
      id: 'p:agency:x' as NodeId,
      labels: ['Agency'],
      properties: { id: 'p:agency:x', plan: 'p', name: '=HYPERLINK("http://evil.example","点击")' },
    },
    {
      id: 'p:agency:y' as NodeId,
      labels: ['Agency'],
      properties: { id: 'p:agency:y', plan: 'p', name: "=cmd|' /C calc'!A0" },
    },
  ],
  edges: [],
};

describe('neo4j-admin CSV zip', () => {
  it('keeps formula-like cells exactly, and its README says not to open the files in a spreadsheet', () => {
    const files = unzipSync(neo4jCsvZip(hostile, 'p'));
    const nodes = strFromU8(files['nodes.csv'] ?? new Uint8Array());
    expect(nodes).toContain('"=HYPERLINK(""http://evil.example"",""点击"")"');
    expect(nodes).toContain(`"=cmd|' /C calc'!A0"`);
    const readme = strFromU8(files['README.txt'] ?? new Uint8Array());
    expect(readme).toMatch(/Do not open nodes\.csv or relationships\.csv in a spreadsheet program/);
    expect(readme).toContain('would run there as a formula');
  });
});
