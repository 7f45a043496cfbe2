// Agencies of responsibility notes in real State Council documents against gold read by hand
// (tests/fixtures/extract/agencies-<doc>.json): precision and recall of the bodies named, and lead accuracy —
// for each body a note names, is its role (lead / involved) the one the note states? Figures: docs/extraction.md.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readResponsibilityNotes } from '../../../server/src/ingest/extract/index.ts';
import { inputFromPlan } from './_agencies-input.ts';

interface Statement {
  quote: string;
  lead: string[];
  involved: string[];
}
interface Gold {
  document: string;
  statements: Statement[];
}

const FIXTURES = 'tests/fixtures/extract';
const docs = readdirSync(FIXTURES)
  .filter((f) => /^agencies-.*\.json$/u.test(f))
  .map((f) => f.replace(/^agencies-|\.json$/gu, ''));

interface Score {
  /** Extracted bodies that gold names. */
  truePositives: number;
  extracted: number;
  /** Gold names the extractor found. */
  found: number;
  gold: number;
  rolesRight: number;
  roles: number;
}

function score(doc: string): Score {
  const gold = JSON.parse(readFileSync(`${FIXTURES}/agencies-${doc}.json`, 'utf8')) as Gold;
  const markdown = readFileSync(gold.document.replace('../shared', '/work/shared'), 'utf8');
  const input = inputFromPlan(markdown.replace(/<!--[\s\S]*?-->/gu, ''));
  const notes = readResponsibilityNotes({ ...input, title: input.title, issuer: null });
  // Each extracted body with every form the notes use for it.
  const bodies = new Map<string, Set<string>>();
  for (const item of notes.flatMap((n) => n.items)) {
    const forms = bodies.get(item.agency.key) ?? new Set<string>([item.agency.name]);
    forms.add(item.quote.quote);
    bodies.set(item.agency.key, forms);
  }
  const goldNames = new Set(gold.statements.flatMap((s) => [...s.lead, ...s.involved]));
  const matches = (forms: Set<string>) => [...goldNames].some((n) => forms.has(n));
  const truePositives = [...bodies.values()].filter(matches).length;
  const found = [...goldNames].filter((n) => [...bodies.values()].some((forms) => forms.has(n))).length;
  let rolesRight = 0;
  let roles = 0;
  for (const statement of gold.statements) {
    const at = input.text.indexOf(statement.quote);
    const here = notes.filter(
      (n) => at >= 0 && n.evidence.start < at + statement.quote.length && n.evidence.end > at,
    );
    const items = here.flatMap((n) => n.items);
    for (const [role, names] of [
      ['lead', statement.lead],
      ['involved', statement.involved],
    ] as const) {
      for (const name of names) {
        roles += 1;
        const item = items.find((i) => i.quote.quote === name || i.agency.name === name);
        if (item?.role === role) rolesRight += 1;
      }
    }
  }
  return { truePositives, extracted: bodies.size, found, gold: goldNames.size, rolesRight, roles };
}

describe('agencies of responsibility notes in the corpus', () => {
  const scores = docs.map((doc) => ({ doc, ...score(doc) }));
  const pct = (a: number, b: number) => (b === 0 ? 100 : (100 * a) / b);

  it('has gold for at least 8 documents', () => {
    expect(docs.length).toBeGreaterThanOrEqual(8);
  });

  it.each(scores.map((s) => [s.doc, s] as const))(
    '%s: precision, recall and lead accuracy ≥ 90%',
    (_doc, s) => {
      const line = `${s.doc}: precision ${pct(s.truePositives, s.extracted).toFixed(1)}% (${s.truePositives}/${s.extracted}), recall ${pct(s.found, s.gold).toFixed(1)}% (${s.found}/${s.gold}), lead accuracy ${pct(s.rolesRight, s.roles).toFixed(1)}% (${s.rolesRight}/${s.roles})`;
      console.log(line);
      expect(pct(s.truePositives, s.extracted)).toBeGreaterThanOrEqual(90);
      expect(pct(s.found, s.gold)).toBeGreaterThanOrEqual(90);
      expect(pct(s.rolesRight, s.roles)).toBeGreaterThanOrEqual(90);
    },
  );

  it('is at least 90% overall', () => {
    const sum = (k: 'truePositives' | 'extracted' | 'found' | 'gold' | 'rolesRight' | 'roles') =>
      scores.reduce((n, s) => n + s[k], 0);
    console.log(
      `overall: precision ${pct(sum('truePositives'), sum('extracted')).toFixed(1)}%, recall ${pct(sum('found'), sum('gold')).toFixed(1)}%, lead accuracy ${pct(sum('rolesRight'), sum('roles')).toFixed(1)}% (${sum('rolesRight')}/${sum('roles')})`,
    );
    expect(pct(sum('truePositives'), sum('extracted'))).toBeGreaterThanOrEqual(90);
    expect(pct(sum('found'), sum('gold'))).toBeGreaterThanOrEqual(90);
    expect(pct(sum('rolesRight'), sum('roles'))).toBeGreaterThanOrEqual(90);
  });
});
