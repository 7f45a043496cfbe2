import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlanGraph } from '../../../server/src/ingest/build-plan-graph.ts';
import { ImportInputError } from '../../../server/src/ingest/errors.ts';
import { normalise } from '../../../server/src/ingest/normalise.ts';
import { parseOutline } from '../../../server/src/ingest/outline.ts';
import { SEED_MD } from './_plans.ts';
import { CORPUS, corpusFiles } from './_shared.ts';

const seed = readFileSync(SEED_MD, 'utf8');
const lines = seed.split('\n');

const FULL_WIDTH_DIGIT = (d: string) => String.fromCharCode(0xff10 + Number(d));
const CJK_DIGITS = '〇一二三四五六七八九';
const TRADITIONAL: Record<string, string> = { 节: '節', 条: '條', 点: '點', 务: '務', 编: '編' };

/** A character-variant edit of one line: what a reader sees stays the same. */
const variant = fc.record({
  kind: fc.constantFrom('fullwidth' as const, 'traditional' as const, 'zwsp' as const, 'lingyear' as const),
  at: fc.nat(lines.length - 1),
  offset: fc.nat(200),
});
type VariantValue = typeof variant extends fc.Arbitrary<infer T> ? T : never;

/** A random edit of the seed: drop, duplicate, swap or garble lines, insert markup, truncate. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('drop' as const),
    at: fc.nat(lines.length - 1),
    n: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('dup' as const),
    at: fc.nat(lines.length - 1),
    n: fc.integer({ min: 1, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('swap' as const),
    at: fc.nat(lines.length - 1),
    n: fc.nat(lines.length - 1),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(lines.length - 1),
    text: fc.constantFrom(
      '**',
      '# ',
      '第九章',
      '（一）',
      '一、',
      '“',
      '》',
      '**。**',
      '.....\t3',
      '- 7 -',
      '\uFEFF',
      '\r',
    ),
  }),
  fc.record({
    kind: fc.constant('garble' as const),
    at: fc.nat(lines.length - 1),
    text: fc.string({ maxLength: 20 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(seed.length) }),
  variant,
);

function applyVariants(source: string[], edits: VariantValue[]): string {
  const out = [...source];
  for (const edit of edits) {
    const line = out[edit.at] ?? '';
    if (edit.kind === 'fullwidth') out[edit.at] = line.replace(/[0-9]/g, FULL_WIDTH_DIGIT);
    else if (edit.kind === 'traditional')
      out[edit.at] = line.replace(/[节条点务编]/g, (c) => TRADITIONAL[c] ?? c);
    else if (edit.kind === 'lingyear')
      out[edit.at] = line.replace(/(?<!\d)(\d{4})(?=年)/g, (y) =>
        [...y].map((d) => CJK_DIGITS[Number(d)]).join(''),
      );
    else {
      const at = Math.min(edit.offset, line.length);
      out[edit.at] = `${line.slice(0, at)}\u200b${line.slice(at)}`;
    }
  }
  return out.join('\n');
}

function apply(source: string[], edits: MutationValue[]): string {
  let out = [...source];
  for (const edit of edits) {
    if (edit.kind === 'drop') out.splice(edit.at, edit.n);
    else if (edit.kind === 'dup') out.splice(edit.at, 0, ...out.slice(edit.at, edit.at + edit.n));
    else if (edit.kind === 'swap') [out[edit.at], out[edit.n]] = [out[edit.n] ?? '', out[edit.at] ?? ''];
    else if (edit.kind === 'insert') out[edit.at] = `${edit.text}${out[edit.at] ?? ''}`;
    else if (edit.kind === 'garble') out[edit.at] = `${(out[edit.at] ?? '').slice(0, 10)}${edit.text}`;
    else if (edit.kind === 'truncate') out = out.join('\n').slice(0, edit.at).split('\n');
    else out = applyVariants(out, [edit]).split('\n');
  }
  return out.join('\n');
}
type MutationValue = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

describe('parser robustness', () => {
  it('parses a randomly mutated seed or returns structured errors, never throws anything else', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (edits) => {
        const markdown = apply(lines, edits);
        const result = parseOutline(normalise(markdown), 'mutant.md');
        if (!result.ok) {
          for (const problem of result.problems) {
            expect(problem.file).toBe('mutant.md');
            if (problem.line !== null) expect(problem.line).toBeGreaterThan(0);
          }
        }
        try {
          const { graph, text } = buildPlanGraph({ markdown, markdownFile: 'mutant.md' });
          for (const node of graph.nodes) {
            const { start, end, text: own } = node.properties;
            if (typeof start === 'number' && typeof own === 'string')
              expect(text.slice(start, Number(end))).toBe(own);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ImportInputError);
        }
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('reads the seed the same through full-width digits, traditional heading words, zero-width spaces and 〇 years', () => {
    const outlineOf = (markdown: string) => {
      const result = parseOutline(normalise(markdown), 'variant.md');
      if (!result.ok) throw new Error('refused');
      return result.outline.domains.map((d) => [d.title, d.tasks.map((t) => [t.title, t.measures.length])]);
    };
    const original = outlineOf(seed);
    expect(original.length).toBe(8);
    fc.assert(
      fc.property(fc.array(variant, { minLength: 1, maxLength: 8 }), (edits) => {
        const markdown = applyVariants(lines, edits);
        expect(outlineOf(markdown)).toEqual(original);
        expect(normalise(markdown).text).toBe(normalise(seed).text);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('imports a randomly edited State Council document or refuses it with an input error, never anything else', () => {
    const docs = corpusFiles().map((name) => readFileSync(path.join(CORPUS, name), 'utf8').split('\n'));
    const marks = [
      '**',
      '*',
      '_',
      '| a | b |',
      '|---|',
      '一、',
      '（一）',
      '1.',
      '第一章',
      '第一条',
      '附件：',
      '国务院',
    ];
    const edit = fc.record({
      at: fc.nat(400),
      kind: fc.constantFrom('drop' as const, 'prefix' as const, 'cut' as const),
      mark: fc.constantFrom(
        ...marks,
        '2019年1月1日',
        '（此件公开发布）',
        '<!--',
        '\u200b',
        '１２',
        '二〇二五年',
      ),
    });
    fc.assert(
      fc.property(fc.nat(docs.length - 1), fc.array(edit, { minLength: 1, maxLength: 5 }), (which, edits) => {
        const lines = [...(docs[which] ?? [])];
        for (const { at, kind, mark } of edits) {
          const i = at % Math.max(1, lines.length);
          if (kind === 'drop') lines.splice(i, 1 + (at % 7));
          else if (kind === 'prefix') lines[i] = `${mark}${lines[i] ?? ''}`;
          else lines[i] = `${(lines[i] ?? '').slice(0, at % 20)}${mark}`;
        }
        try {
          const { graph, text } = buildPlanGraph({ markdown: lines.join('\n'), markdownFile: 'edited.md' });
          for (const node of graph.nodes) {
            const { start, end, text: own } = node.properties;
            if (typeof start === 'number' && typeof own === 'string')
              expect(text.slice(start, Number(end))).toBe(own);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ImportInputError);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
