// The import graph of server/src and client/src, folded to layers (a top folder such as `server/src/api`, or a
// top file such as `client/src/types.ts`), read from the sources with TypeScript's own pre-processor. Run it to
// print the Mermaid picture of docs/architecture.md: `npx tsx tests/unit/architecture/_folder-graph.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '../../..');
const SOURCES = ['server/src', 'client/src'];

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return entry.name.endsWith('.ts') && !entry.name.includes('zz-wall-probe') ? [rel] : [];
  });
}

/** `server/src/api/route.ts` → `server/src/api`; `client/src/types.ts` stays itself. */
export function layerOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 3 ? parts.slice(0, 3).join('/') : file;
}

/** Every edge `from → to` between different layers, with the packages `neo4j-driver` and `express`. */
export function layerEdges(): Set<string> {
  const edges = new Set<string>();
  for (const base of SOURCES) {
    for (const file of sourceFiles(base)) {
      const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
      for (const { fileName } of info.importedFiles) {
        const target = fileName.startsWith('.')
          ? layerOf(path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName)))
          : ['neo4j-driver', 'express'].includes(fileName)
            ? fileName
            : null;
        if (target && target !== layerOf(file)) edges.add(`${layerOf(file)} --> ${target}`);
      }
    }
  }
  return edges;
}

/** Layer names as Mermaid node ids: `server/src/api` → `server_api`. */
function nodeId(layer: string): string {
  return layer.replace(/^(server|client)\/src\//, '$1_').replace(/[^\w]/g, '_');
}

export function mermaid(edges: Set<string>): string {
  const lines = [...edges].sort().map((edge) => {
    const [from = '', to = ''] = edge.split(' --> ');
    return `  ${nodeId(from)}[${from}] --> ${nodeId(to)}[${to}]`;
  });
  return ['flowchart TD', ...lines].join('\n');
}

if (process.argv[1] === import.meta.filename) console.log(mermaid(layerEdges()));
