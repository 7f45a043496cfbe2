import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlanGraph } from '../../../server/src/ingest/build-plan-graph.ts';
import { ImportInputError } from '../../../server/src/ingest/errors.ts';
import { normalise } from '../../../server/src/ingest/normalise.ts';
import { parseOutline } from '../../../server/src/ingest/outline.ts';
import { SEED_MD } from './_plans.ts';

const seed = readFileSync(SEED_MD, 'utf8');
const lines = seed.split('\n');

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
);

function apply(source: string[], edits: MutationValue[]): string {
  let out = [...source];
  for (const edit of edits) {
    if (edit.kind === 'drop') out.splice(edit.at, edit.n);
    else if (edit.kind === 'dup') out.splice(edit.at, 0, ...out.slice(edit.at, edit.at + edit.n));
    else if (edit.kind === 'swap') [out[edit.at], out[edit.n]] = [out[edit.n] ?? '', out[edit.at] ?? ''];
    else if (edit.kind === 'insert') out[edit.at] = `${edit.text}${out[edit.at] ?? ''}`;
    else if (edit.kind === 'garble') out[edit.at] = `${(out[edit.at] ?? '').slice(0, 10)}${edit.text}`;
    else out = out.join('\n').slice(0, edit.at).split('\n');
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
});
