// The LOAD CSV side of the import comparison: the very rows the importer writes (built by the same
// pipeline), spooled per label and per relationship shape, turned into CSV files in the bench Neo4j's import
// folder and loaded with the idiomatic `LOAD CSV … CALL { … } IN TRANSACTIONS`: MERGE on the unique id
// for nodes, MATCH + MATCH + CREATE for relationships, exactly as the importer does, under the same schema.
// Labels, types and property keys come from our own closed graph model, never from user text.
import { createReadStream, createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { NODE_LABELS, NodeLabel, PLAN_DATA_LABEL, REL_TYPES } from '../../server/src/domain/model.ts';
import type { PlanGraph, PropertyValue } from '../../server/src/domain/types.ts';
import { autoCommit, type BenchNeo4j } from './bench-neo4j.ts';

type Kind = 'int' | 'float' | 'bool' | 'string' | 'int[]' | 'float[]' | 'string[]';
const LIST = '\u001e';
const ITEM = '\u001f';
const SAFE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Spool {
  file: string;
  out: WriteStream;
  kinds: Map<string, Kind>;
  rows: number;
}

function kindOf(value: PropertyValue): Kind | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'string';
  if (value.length === 0) return null;
  if (value.every((v) => typeof v === 'number'))
    return (value as number[]).every(Number.isInteger) ? 'int[]' : 'float[]';
  return 'string[]';
}

function widen(a: Kind | undefined, b: Kind): Kind {
  if (!a || a === b) return b;
  if ((a === 'int' && b === 'float') || (a === 'float' && b === 'int')) return 'float';
  if ((a === 'int[]' && b === 'float[]') || (a === 'float[]' && b === 'int[]')) return 'float[]';
  throw new Error(`a property holds both ${a} and ${b}: the CSV comparison cannot type it`);
}

function cell(value: PropertyValue | undefined): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? LIST + value.map(String).join(ITEM) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function convert(key: string, kind: Kind): string {
  const v = `row.\`${key}\``;
  const list = (item: string) =>
    `CASE WHEN ${v} IS NULL THEN null WHEN ${v} = '${LIST}' THEN [] ELSE [x IN split(substring(${v}, 1), '${ITEM}') | ${item}] END`;
  switch (kind) {
    case 'int':
      return `toInteger(${v})`;
    case 'float':
      return `toFloat(${v})`;
    case 'bool':
      return `toBoolean(${v})`;
    case 'string':
      return v;
    case 'int[]':
      return list('toInteger(x)');
    case 'float[]':
      return list('toFloat(x)');
    case 'string[]':
      return list('x');
  }
}

/** Collects the rows of many plans on disk, so a large corpus never sits in memory at once. */
export class CsvSpool {
  private readonly nodes = new Map<string, Spool>();
  private readonly rels = new Map<string, Spool & { type: string; from: string; to: string }>();
  nodeCount = 0;
  relCount = 0;

  constructor(private readonly dir: string) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  private open(name: string): Spool {
    const file = path.join(this.dir, `${name}.ndjson`);
    return { file, out: createWriteStream(file), kinds: new Map(), rows: 0 };
  }

  private push(spool: Spool, row: Record<string, PropertyValue>): void {
    for (const [key, value] of Object.entries(row)) {
      if (!SAFE_KEY.test(key)) throw new Error(`property key ${key} cannot be a CSV column`);
      const kind = kindOf(value);
      if (kind) spool.kinds.set(key, widen(spool.kinds.get(key), kind));
      else if (!spool.kinds.has(key) && Array.isArray(value)) spool.kinds.set(key, 'string[]');
    }
    spool.out.write(`${JSON.stringify(row)}\n`);
    spool.rows += 1;
  }

  add(graph: PlanGraph): void {
    const labelOf = new Map<string, string>();
    for (const node of graph.nodes) {
      const label = node.labels[0] ?? '';
      if (!(NODE_LABELS as readonly string[]).includes(label)) throw new Error(`unknown label ${label}`);
      labelOf.set(node.id, label);
      let spool = this.nodes.get(label);
      if (!spool) {
        spool = this.open(`node-${label}`);
        this.nodes.set(label, spool);
      }
      this.push(spool, { ...node.properties, id: node.id });
      this.nodeCount += 1;
    }
    for (const rel of graph.relationships) {
      if (!(REL_TYPES as readonly string[]).includes(rel.type)) throw new Error(`unknown type ${rel.type}`);
      const from = labelOf.get(rel.start) ?? '';
      const to = labelOf.get(rel.end) ?? '';
      const key = `${rel.type}-${from}-${to}`;
      let spool = this.rels.get(key);
      if (!spool) {
        spool = { ...this.open(`rel-${key}`), type: rel.type, from, to };
        this.rels.set(key, spool);
      }
      this.push(spool, { ...rel.properties, start: rel.start, end: rel.end });
      this.relCount += 1;
    }
  }

  private async toCsv(spool: Spool, columns: string[], target: string): Promise<void> {
    await new Promise<void>((resolve) => spool.out.end(resolve));
    const out = createWriteStream(target);
    out.write(`${columns.join(',')}\n`);
    const lines = createInterface({
      input: createReadStream(spool.file),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      const row = JSON.parse(line) as Record<string, PropertyValue>;
      if (!out.write(`${columns.map((c) => cell(row[c])).join(',')}\n`))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve) => out.end(resolve));
    rmSync(spool.file);
  }

  /** Writes the CSV files into the Neo4j import folder and returns the LOAD CSV statements, nodes first. */
  async finish(importDir: string): Promise<{ nodes: string[]; rels: string[] }> {
    const nodes: string[] = [];
    for (const [label, spool] of this.nodes) {
      const columns = ['id', ...[...spool.kinds.keys()].filter((k) => k !== 'id')];
      const file = `node-${label}.csv`;
      await this.toCsv(spool, columns, path.join(importDir, file));
      const props = columns.map((c) => `\`${c}\`: ${convert(c, spool.kinds.get(c) ?? 'string')}`).join(', ');
      const extra = label === NodeLabel.Plan ? '' : `, n:${PLAN_DATA_LABEL}`;
      nodes.push(
        `LOAD CSV WITH HEADERS FROM 'file:///${file}' AS row CALL (row) { ` +
          `MERGE (n:${label} {id: row.id}) SET n += {${props}}${extra} } IN TRANSACTIONS OF 10000 ROWS`,
      );
    }
    const rels: string[] = [];
    for (const [key, spool] of this.rels) {
      const columns = [
        'start',
        'end',
        ...[...spool.kinds.keys()].filter((k) => k !== 'start' && k !== 'end'),
      ];
      const file = `rel-${key}.csv`;
      await this.toCsv(spool, columns, path.join(importDir, file));
      const props = columns
        .filter((c) => c !== 'start' && c !== 'end')
        .map((c) => `\`${c}\`: ${convert(c, spool.kinds.get(c) ?? 'string')}`)
        .join(', ');
      rels.push(
        `LOAD CSV WITH HEADERS FROM 'file:///${file}' AS row CALL (row) { ` +
          `MATCH (a:${spool.from} {id: row.start}) MATCH (b:${spool.to} {id: row.end}) ` +
          `CREATE (a)-[r:${spool.type}]->(b) SET r += {${props}} } IN TRANSACTIONS OF 10000 ROWS`,
      );
    }
    return { nodes, rels };
  }
}

/** Runs the statements and times the node and relationship phases separately. */
export async function runLoadCsv(
  neo: BenchNeo4j,
  statements: { nodes: string[]; rels: string[] },
): Promise<{ nodesMs: number; relsMs: number }> {
  const started = performance.now();
  for (const statement of statements.nodes) await autoCommit(neo, statement);
  const nodesDone = performance.now();
  for (const statement of statements.rels) await autoCommit(neo, statement);
  return { nodesMs: nodesDone - started, relsMs: performance.now() - nodesDone };
}
