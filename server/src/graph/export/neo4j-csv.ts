// CSV in the `neo4j-admin database import` header format, zipped with the command that loads it: one
// nodes file (`id:ID`, `:LABEL`, typed properties) and one relationships file (`:START_ID`, `:END_ID`,
// `:TYPE`, typed properties). Array values are joined with a delimiter that none of their items contains.
import { strToU8, zipSync } from 'fflate';
import type { PropertyValue, Subgraph } from '../../domain/types.ts';
import { type ColumnType, columnTypes } from './property-types.ts';

const DELIMITER_CHOICES = [';', '|', '\u001F'] as const;

function arrayDelimiter(graph: Subgraph): string {
  const items = [...graph.nodes, ...graph.edges].flatMap((element) =>
    Object.values(element.properties).flatMap((value) => (Array.isArray(value) ? value.map(String) : [])),
  );
  return DELIMITER_CHOICES.find((d) => items.every((item) => !item.includes(d))) ?? '\u001F';
}

function delimiterOption(delimiter: string): string {
  return delimiter === ';' || delimiter === '|'
    ? delimiter
    : `U+${delimiter.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
}

export function csvField(value: PropertyValue | undefined, delimiter: string): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.map(String).join(delimiter) : String(value);
  return typeof value === 'number' || typeof value === 'boolean' ? text : `"${text.replace(/"/g, '""')}"`;
}

function header(name: string, type: ColumnType): string {
  return type === 'string' ? name : `${name}:${type}`;
}

export function nodesCsv(graph: Subgraph, delimiter: string): string {
  const columns = columnTypes(
    graph.nodes.map((node) => node.properties),
    ['id'],
  );
  const lines = [['id:ID', ':LABEL', ...columns.map(([name, type]) => header(name, type))].join(',')];
  for (const node of graph.nodes) {
    lines.push(
      [
        csvField(node.id, delimiter),
        csvField(node.labels, delimiter),
        ...columns.map(([name]) => csvField(node.properties[name], delimiter)),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function relationshipsCsv(graph: Subgraph, delimiter: string): string {
  const columns = columnTypes(graph.edges.map((edge) => edge.properties));
  const lines = [
    [':START_ID', ':END_ID', ':TYPE', ...columns.map(([name, type]) => header(name, type))].join(','),
  ];
  for (const edge of graph.edges) {
    lines.push(
      [
        csvField(edge.start, delimiter),
        csvField(edge.end, delimiter),
        csvField(edge.type, delimiter),
        ...columns.map(([name]) => csvField(edge.properties[name], delimiter)),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function importCommand(delimiter: string): string {
  return [
    'neo4j-admin database import full neo4j',
    '--nodes=nodes.csv',
    '--relationships=relationships.csv',
    '--multiline-fields=true',
    `--array-delimiter=${delimiterOption(delimiter)}`,
  ].join(' ');
}

/**
 * The files keep every value exactly as stored, for neo4j-admin; text quoted from a document or typed by a
 * user may start with = + - @, which a spreadsheet program runs as a formula (OWASP: CSV injection).
 */
export const SPREADSHEET_WARNING = [
  'Do not open nodes.csv or relationships.csv in a spreadsheet program (Excel, LibreOffice, WPS):',
  'the files keep every value exactly as stored, so a text that starts with = + - or @ (for example',
  '=HYPERLINK(...) typed into a name) would run there as a formula. They are meant for neo4j-admin only;',
  'for a table to open in a spreadsheet, use the ledger or audit CSV/XLSX exports, which defuse such cells.',
];

export function neo4jCsvZip(graph: Subgraph, planId: string): Uint8Array {
  const delimiter = arrayDelimiter(graph);
  const readme = [
    `Plan ${planId}: ${graph.nodes.length} nodes, ${graph.edges.length} relationships.`,
    'Load into an empty, stopped database with:',
    `  ${importCommand(delimiter)}`,
    '',
    ...SPREADSHEET_WARNING,
    '',
  ].join('\n');
  return zipSync({
    'nodes.csv': strToU8(nodesCsv(graph, delimiter)),
    'relationships.csv': strToU8(relationshipsCsv(graph, delimiter)),
    'README.txt': strToU8(readme),
  });
}
