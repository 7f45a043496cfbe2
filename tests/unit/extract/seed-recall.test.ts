// The seed without its annotation file: the agencies today's YAML names and the text mentions must be found by the
// extractor under a right name (its name or an alias), and what the extractor finds must be bodies the YAML
// declares. Expected lists: tests/fixtures/extract/seed-agencies.json, computed once from the dry run with the YAML.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlanGraph } from '../../../server/src/ingest/build-plan-graph.ts';

interface Declared {
  key: string;
  name: string;
  aliases: string[];
}
const fixture = JSON.parse(readFileSync('tests/fixtures/extract/seed-agencies.json', 'utf8')) as {
  mentioned: Declared[];
  declared: Declared[];
};
const names = (a: { name: string; aliases: string[] }) => new Set([a.name, ...a.aliases]);
const shares = (a: Set<string>, b: Set<string>) => [...a].some((n) => b.has(n));

describe('the seed without its YAML', () => {
  const markdown = readFileSync('seeds/harbin-2016-economic-reform.md', 'utf8');
  // The whole import, no annotation: what `npm run import` gives for the .md copied to an empty folder.
  const { graph } = buildPlanGraph({ markdown, markdownFile: 'seed-alone/harbin-2016-economic-reform.md' });
  const agencies = graph.nodes
    .filter((n) => n.labels.includes('Agency'))
    .map((n) => ({
      name: String(n.properties.name),
      aliases: (n.properties.aliases as string[] | undefined) ?? [],
      nameEn: n.properties.nameEn,
      basis: n.properties.basis,
    }));

  it('finds at least 90% of the agencies the YAML names and the text mentions, under a right name', () => {
    const missed = fixture.mentioned.filter((d) => !agencies.some((a) => shares(names(a), names(d))));
    const recall = 1 - missed.length / fixture.mentioned.length;
    console.log(
      `seed agency recall ${(recall * 100).toFixed(1)}% (${fixture.mentioned.length - missed.length}/${fixture.mentioned.length}); missed: ${missed.map((d) => d.name).join(', ')}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('extracts bodies the YAML declares for at least 90% of what it finds', () => {
    const wrong = agencies.filter((a) => !fixture.declared.some((d) => shares(names(a), names(d))));
    const precision = 1 - wrong.length / agencies.length;
    console.log(
      `seed agency precision ${(precision * 100).toFixed(1)}% (${agencies.length - wrong.length}/${agencies.length}); not declared: ${wrong.map((a) => a.name).join(', ')}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it('resolves the level-only names to the plan’s city and keeps the written form as an alias', () => {
    const committee = agencies.find((a) => a.aliases.includes('市委'));
    expect(committee?.name).toBe('中共哈尔滨市委员会');
    expect(committee?.nameEn).toBe('Harbin Municipal Committee of the Communist Party of China');
    expect(committee?.basis).toBe('extracted');
  });
});
