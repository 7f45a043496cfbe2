// Pilots of the corpus documents that name pilots, against gold written by reading each document
// (tests/fixtures/extract/pilots-<doc>.json). Prints per-document figures; docs/extraction-pilots.md keeps them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPilots } from '../../../server/src/ingest/extract/pilots.ts';
import { CORPUS, inputOf, ROOT, readText } from '../../fixtures/extract/pilots-input.ts';

interface GoldPilot {
  name: string;
  aliases: string[];
}

const FIXTURES = path.join(ROOT, 'tests/fixtures/extract');
const docs = readdirSync(FIXTURES)
  .filter((f) => /^pilots-.*\.json$/.test(f))
  .map(
    (f) => JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')) as { doc: string; pilots: GoldPilot[] },
  );

const forms = (p: GoldPilot) => new Set([p.name, ...p.aliases].map((f) => f.replace(/[“”]/g, '')));
const same = (a: GoldPilot, b: GoldPilot) => [...forms(a)].some((f) => forms(b).has(f));

describe('pilots of the corpus against gold read from the documents', () => {
  let found = 0;
  let right = 0;
  let golds = 0;
  let extracted = 0;
  const lines: string[] = [];
  for (const { doc, pilots: gold } of docs) {
    const { pilots } = extractPilots(inputOf(readText(path.join(CORPUS, `${doc}.md`))));
    const docFound = gold.filter((g) => pilots.some((p) => same(g, p)));
    const docRight = pilots.filter((p) => gold.some((g) => same(g, p)));
    found += docFound.length;
    right += docRight.length;
    golds += gold.length;
    extracted += pilots.length;
    lines.push(
      `${doc}: recall ${docFound.length}/${gold.length}, precision ${docRight.length}/${pilots.length}` +
        `  missed: ${gold
          .filter((g) => !docFound.includes(g))
          .map((g) => g.name)
          .join(' ')}` +
        `  wrong: ${pilots
          .filter((p) => !docRight.includes(p))
          .map((p) => p.name)
          .join(' ')}`,
    );
  }
  console.log(
    `${lines.join('\n')}\nall: recall ${found}/${golds} = ${(found / golds).toFixed(3)}, ` +
      `precision ${right}/${extracted} = ${(right / extracted).toFixed(3)}`,
  );

  it('has gold for the documents that name pilots', () => {
    expect(docs.length).toBeGreaterThanOrEqual(8);
  });

  it('finds at least 85% of the pilots a reader sees', () => {
    expect(found / golds).toBeGreaterThanOrEqual(0.85);
  });

  it('is right for at least 85% of what it finds', () => {
    expect(right / extracted).toBeGreaterThanOrEqual(0.85);
  });
});
