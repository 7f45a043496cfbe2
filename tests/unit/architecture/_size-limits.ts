// Measures the two size rules of the team brief over server/src and client/src: no source file over 400 lines,
// no function over 120. Functions are found with TypeScript's own parser (declarations, methods, accessors,
// constructors, arrow functions and function expressions); a function's length is the lines from its first
// to its last, nested functions included. Run it to print the offenders:
// `npx tsx tests/unit/architecture/_size-limits.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const MAX_FILE_LINES = 400;
export const MAX_FUNCTION_LINES = 120;
export const ROOTS = ['server/src', 'client/src'];

export const root = path.resolve(import.meta.dirname, '../../..');

export interface Offender {
  /** `path/to/file.ts` for a file, `path/to/file.ts#name:line` for a function. */
  where: string;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function functionName(node: ts.Node): string {
  if (
    (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) &&
    node.name
  )
    return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (ts.isGetAccessor(node) || ts.isSetAccessor(node)) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '(anonymous)';
}

const isFunction = (node: ts.Node) =>
  ts.isFunctionDeclaration(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessor(node) ||
  ts.isSetAccessor(node) ||
  ts.isArrowFunction(node) ||
  ts.isFunctionExpression(node);

/** Files over MAX_FILE_LINES and functions over MAX_FUNCTION_LINES, longest first. */
export function measure(): { files: Offender[]; functions: Offender[] } {
  const files: Offender[] = [];
  const functions: Offender[] = [];
  for (const file of ROOTS.flatMap((r) => sourceFiles(path.join(root, r)))) {
    const text = readFileSync(file, 'utf8');
    const relative = path.relative(root, file);
    const lineCount = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lineCount > MAX_FILE_LINES) files.push({ where: relative, lines: lineCount });
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (isFunction(node)) {
        const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = last - first + 1;
        if (lines > MAX_FUNCTION_LINES)
          functions.push({ where: `${relative}#${functionName(node)}:${first + 1}`, lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const longestFirst = (a: Offender, b: Offender) => b.lines - a.lines || a.where.localeCompare(b.where);
  return { files: files.sort(longestFirst), functions: functions.sort(longestFirst) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { files, functions } = measure();
  console.log(`Files over ${MAX_FILE_LINES} lines: ${files.length}`);
  for (const f of files) console.log(`  ${f.lines}\t${f.where}`);
  console.log(`Functions over ${MAX_FUNCTION_LINES} lines: ${functions.length}`);
  for (const f of functions) console.log(`  ${f.lines}\t${f.where}`);
}
