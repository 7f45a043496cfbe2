// Synthetic national corpus for the bench: N plans written as .md + .yaml files in the seed's conventions,
// which the real importer then parses (nothing bypasses it). Each plan keeps the seed's frame chapters with the
// city, period and years swapped, and gets a new key-tasks chapter whose domains, tasks and measures are drawn
// from the seed's own and recombined; plan sizes follow a log-normal around the seed's. Agencies and pilots
// that name no city are the shared national vocabulary; those that name the seed's city become the new
// city's own. Deterministic for a given seed number, so runs compare the same input.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { stringify } from 'yaml';
import { NodeLabel, RelType } from '../../server/src/domain/model.ts';
import { loadAnnotation } from '../../server/src/ingest/annotation.ts';
import type { Annotation } from '../../server/src/ingest/annotation-schema.ts';
import { buildPlanFromFiles } from '../../server/src/ingest/plan-files.ts';
import { Random } from './random.ts';

export interface CorpusOptions {
  seedMarkdown: string;
  seedAnnotation: string;
  plans: number;
  outDir: string;
  seed?: number;
  /** Median plan size relative to the seed (1 = the seed's number of tasks and measures). */
  medianScale?: number;
}

export interface CorpusPlan {
  id: string;
  markdownPath: string;
  annotationsPath: string;
}

interface SeedTask {
  ref: string;
  domain: number;
  title: string;
  measures: string[];
}

interface SeedMaterial {
  lines: string[];
  keyStart: number;
  keyIntroEnd: number;
  keyEnd: number;
  domains: Array<{ number: number; title: string }>;
  tasks: SeedTask[];
  annotation: Annotation;
  cityZh: string | null;
  cityEn: string | null;
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const CHAPTER = /^第([一二三四五六七八九十百零〇两\d]+)章\s*(.*)$/;
const SECTION = /^第([一二三四五六七八九十百零〇两\d]+)节/;
/** Two-character place names from these syllables: 900 distinct synthetic cities, none a real plan's. */
const CITY_FIRST = [...'东西南北安宁长平永兴清新华丰广泰康云金宝临青瑞龙凤明嘉乐双天海山德'];
const CITY_SECOND = [...'江州阳城原海川林峰河湖川岭水谷口泉源台溪滨门坪安宁都乡庄关'];
const PERIODS = [
  { name: '十一五', previous: '十五', start: 2006 },
  { name: '十二五', previous: '十一五', start: 2011 },
  { name: '十三五', previous: '十二五', start: 2016 },
  { name: '十四五', previous: '十三五', start: 2021 },
];
const SEED_PERIOD = { name: '十三五', previous: '十二五' };

function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n] ?? String(n);
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  return `${NUMERALS[Math.floor(n / 10)]}十${NUMERALS[n % 10] ?? ''}`;
}

function stripHeading(line: string): string {
  return line
    .replace(/^#+\s*/, '')
    .replace(/\*\*/g, '')
    .trim();
}

async function readSeed(seedMarkdown: string, seedAnnotation: string): Promise<SeedMaterial> {
  const built = await buildPlanFromFiles({ markdownPath: seedMarkdown, annotationsPath: seedAnnotation });
  const { nodes, relationships } = built.graph;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const keyChapter = nodes.find((n) => n.labels[0] === NodeLabel.Chapter && n.properties.keyTasks === true);
  if (!keyChapter) throw new Error(`${seedMarkdown}: the seed has no key-tasks chapter to recombine`);
  const measuresOf = new Map<string, Array<{ order: number; text: string }>>();
  for (const rel of relationships) {
    if (rel.type !== RelType.HAS_MEASURE) continue;
    const measure = byId.get(rel.end);
    const list = measuresOf.get(rel.start) ?? [];
    list.push({ order: Number(rel.properties.order), text: String(measure?.properties.text ?? '') });
    measuresOf.set(rel.start, list);
  }
  const tasks: SeedTask[] = nodes
    .filter((n) => n.labels[0] === NodeLabel.Task)
    .map((n) => ({
      ref: String(n.properties.ref),
      domain: Number(n.properties.domain),
      title: String(n.properties.title),
      measures: (measuresOf.get(n.id) ?? []).sort((a, b) => a.order - b.order).map((m) => m.text),
    }))
    .filter((t) => t.measures.length > 0 && !/[*#]/.test(t.title + t.measures.join('')));
  const domains = nodes
    .filter((n) => n.labels[0] === NodeLabel.Domain)
    .map((n) => ({ number: Number(n.properties.number), title: String(n.properties.title) }))
    .filter((d) => tasks.some((t) => t.domain === d.number));

  const lines = readFileSync(seedMarkdown, 'utf8').split('\n');
  const keyTitle = String(keyChapter.properties.title);
  const keyStart = lines.findIndex((line) => CHAPTER.exec(stripHeading(line))?.[2]?.trim() === keyTitle);
  if (keyStart < 0) throw new Error(`${seedMarkdown}: cannot find the heading of “${keyTitle}”`);
  let keyIntroEnd = keyStart + 1;
  while (keyIntroEnd < lines.length && !SECTION.test(stripHeading(lines[keyIntroEnd] ?? '')))
    keyIntroEnd += 1;
  let keyEnd = keyIntroEnd;
  while (keyEnd < lines.length && !CHAPTER.test(stripHeading(lines[keyEnd] ?? ''))) keyEnd += 1;

  const annotation = loadSeedAnnotation(seedAnnotation);
  const cityZh = /^(.{2,6}?)市/.exec(annotation.plan.title)?.[1] ?? null;
  const cityEn = /^(\S+) Municipal/.exec(annotation.plan.issuerEn ?? '')?.[1] ?? null;
  return { lines, keyStart, keyIntroEnd, keyEnd, domains, tasks, annotation, cityZh, cityEn };
}

/** Parsed through the importer's own schema, so defaults (empty lists) are filled in as it sees them. */
function loadSeedAnnotation(file: string): Annotation {
  const result = loadAnnotation(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  return result.loaded.annotation;
}

interface PlanIdentity {
  index: number;
  id: string;
  cityZh: string;
  cityEn: string;
  period: (typeof PERIODS)[number];
}

function identities(count: number, random: Random): PlanIdentity[] {
  const cities = random.shuffle(CITY_FIRST.flatMap((a) => CITY_SECOND.map((b) => `${a}${b}`)));
  const out: PlanIdentity[] = [];
  for (let index = 0; index < count; index += 1) {
    const cityZh = cities[index % cities.length] ?? '新城';
    const period = PERIODS[(Math.floor(index / cities.length) + 2) % PERIODS.length] ?? PERIODS[2];
    if (!period) throw new Error('no period');
    const syllables = pinyin(cityZh, { toneType: 'none', type: 'array' }).join('');
    out.push({
      index,
      id: `bench-${String(index + 1).padStart(4, '0')}`,
      cityZh,
      cityEn: syllables.charAt(0).toUpperCase() + syllables.slice(1),
      period,
    });
  }
  return out;
}

/** Swaps city, five-year period and years the same way in the plan and its annotation, so quotes still match. */
function substitution(seed: SeedMaterial, who: PlanIdentity): (text: string) => string {
  const shift = who.period.start - 2016;
  return (text) => {
    let out = text;
    if (seed.cityZh) out = out.split(seed.cityZh).join(who.cityZh);
    if (seed.cityEn) out = out.split(seed.cityEn).join(who.cityEn);
    out = out
      .split(SEED_PERIOD.previous)
      .map((part) => part.split(SEED_PERIOD.name).join(who.period.name))
      .join('\u0000');
    out = out.split('\u0000').join(who.period.previous);
    if (shift !== 0)
      out = out.replace(/(?<!\d)(20[0-2]\d)(?=\s*年)/g, (year) => String(Number(year) + shift));
    return out;
  };
}

interface GeneratedTask {
  ref: string;
  seed: SeedTask;
  paragraph: string;
}

function keyChapter(
  seed: SeedMaterial,
  random: Random,
  scale: number,
  sub: (s: string) => string,
): { lines: string[]; tasks: GeneratedTask[]; domains: Array<{ number: number; seedNumber: number }> } {
  const domainCount = Math.max(3, Math.round(seed.domains.length * Math.sqrt(scale)));
  const order = random.shuffle(seed.domains);
  const pool = seed.tasks.flatMap((t) => t.measures);
  const lines: string[] = [];
  const tasks: GeneratedTask[] = [];
  const domains: Array<{ number: number; seedNumber: number }> = [];
  for (let d = 1; d <= domainCount; d += 1) {
    const domain = order[(d - 1) % order.length];
    if (!domain) continue;
    domains.push({ number: d, seedNumber: domain.number });
    lines.push(`#### **第${chineseNumber(d)}节 ${sub(domain.title)}**`, '');
    const own = seed.tasks.filter((t) => t.domain === domain.number);
    const taskCount = Math.max(1, Math.round(own.length * Math.sqrt(scale) * (0.8 + 0.4 * random.next())));
    const drawn = [...random.shuffle(own), ...random.shuffle(seed.tasks)].slice(0, taskCount);
    drawn.forEach((task, t) => {
      const keep = random.shuffle(task.measures).slice(0, Math.max(1, Math.ceil(task.measures.length * 0.7)));
      const wanted = Math.max(1, Math.round(task.measures.length * (0.6 + 0.8 * random.next())));
      const measures = [...keep];
      while (measures.length < wanted) measures.push(random.pick(pool));
      const paragraph = sub(`**${task.title}。**${random.shuffle(measures).join('')}`);
      lines.push(paragraph, '');
      tasks.push({ ref: `${d}.${t + 1}`, seed: task, paragraph });
    });
  }
  return { lines, tasks, domains };
}

function firstQuote(paragraph: string): string {
  const body = paragraph.replace(/^\*\*[^*]+\*\*/, '');
  const clause = body.split(/[。；，：]/).find((c) => c.length >= 6) ?? body;
  return clause.slice(0, 16);
}

function generatePlan(seed: SeedMaterial, who: PlanIdentity, random: Random, medianScale: number) {
  const sub = substitution(seed, who);
  const scale = Math.min(2.5, Math.max(0.4, random.logNormal(medianScale, 0.35)));
  const chapter = keyChapter(seed, random, scale, sub);
  const head = seed.lines.slice(0, seed.keyIntroEnd).map(sub);
  const tail = seed.lines.slice(seed.keyEnd).map(sub);
  const markdown = [...head, '', ...chapter.lines, ...tail].join('\n');
  const framework = [...head, ...tail].join('\n');
  const a = seed.annotation;
  const seedTitles = new Map(a.tasks.map((t) => [t.ref, t]));
  const domainEn = new Map(a.domains.map((d) => [d.number, d.nameEn]));
  const refsOfSeed = new Map<string, GeneratedTask[]>();
  for (const task of chapter.tasks)
    refsOfSeed.set(task.seed.ref, [...(refsOfSeed.get(task.seed.ref) ?? []), task]);
  const byRef = new Map(chapter.tasks.map((t) => [t.ref, t]));

  const pilots = a.pilots.flatMap((pilot) => {
    const name = sub(pilot.name);
    const aliases = pilot.aliases.map(sub);
    const evidence = sub(pilot.statusEvidence);
    if (framework.includes(evidence) || chapter.lines.some((l) => l.includes(evidence)))
      return [{ ...pilot, name, nameEn: sub(pilot.nameEn), aliases, statusEvidence: evidence }];
    const named = [name, ...aliases].find((n) => markdown.includes(n));
    return named ? [{ ...pilot, name, nameEn: sub(pilot.nameEn), aliases, statusEvidence: named }] : [];
  });

  const tasks = chapter.tasks.map((task) => {
    const seedTask = seedTitles.get(task.seed.ref);
    return {
      ref: task.ref,
      title: sub(task.seed.title),
      nameEn: sub(seedTask?.nameEn ?? task.seed.title),
      responsibilities: (seedTask?.responsibilities ?? []).map((r) => {
        const evidence = r.evidence ? sub(r.evidence) : undefined;
        return evidence && task.paragraph.includes(evidence)
          ? { ...r, evidence }
          : { agency: r.agency, role: r.role, basis: 'curated' as const, note: r.note };
      }),
    };
  });

  const dependencies: Annotation['dependencies'] = [];
  const seen = new Set<string>();
  const addDependency = (from: GeneratedTask, to: GeneratedTask, why: string, evidence: [string, string]) => {
    const key = `${from.ref}>${to.ref}`;
    if (from === to || seen.has(key) || seen.has(`${to.ref}>${from.ref}`)) return;
    seen.add(key);
    dependencies.push({ from: from.ref, to: to.ref, why, evidence });
  };
  for (const dep of a.dependencies) {
    const to = refsOfSeed.get(dep.to)?.[0];
    for (const from of refsOfSeed.get(dep.from) ?? []) {
      if (!to) continue;
      const [e0, e1] = dep.evidence.map(sub) as [string, string];
      const evidence: [string, string] = [
        from.paragraph.includes(e0) ? e0 : firstQuote(from.paragraph),
        to.paragraph.includes(e1) ? e1 : firstQuote(to.paragraph),
      ];
      addDependency(from, to, sub(dep.why), evidence);
    }
  }
  const wantedDependencies = Math.round((chapter.tasks.length * a.dependencies.length) / seed.tasks.length);
  for (
    let tries = 0;
    dependencies.length < wantedDependencies && tries < wantedDependencies * 4;
    tries += 1
  ) {
    const from = random.pick(chapter.tasks);
    const to = random.pick(chapter.tasks);
    addDependency(from, to, 'Synthetic dependency drawn for the benchmark corpus.', [
      firstQuote(from.paragraph),
      firstQuote(to.paragraph),
    ]);
  }

  const relink = (links: Annotation['advances']) =>
    links.flatMap((link) => {
      const item = sub(link.item);
      if (!framework.includes(item)) return [];
      const targets = refsOfSeed.get(link.task) ?? [random.pick(chapter.tasks)];
      return targets.map((task) => {
        const evidence = link.evidence ? sub(link.evidence) : undefined;
        return evidence && byRef.get(task.ref)?.paragraph.includes(evidence)
          ? { task: task.ref, item, basis: link.basis, evidence }
          : { task: task.ref, item, basis: 'curated' as const };
      });
    });
  const unique = <T extends { task: string; item: string }>(links: T[]) =>
    links.filter((l, i) => links.findIndex((m) => m.task === l.task && m.item === l.item) === i);

  const translations: Record<string, string> = {};
  for (const [zh, en] of Object.entries(a.translations)) translations[sub(zh)] = sub(en);

  const annotation: Annotation = {
    plan: {
      ...a.plan,
      id: who.id,
      title: sub(a.plan.title),
      titleEn: a.plan.titleEn ? sub(a.plan.titleEn) : undefined,
      issuer: a.plan.issuer ? sub(a.plan.issuer) : undefined,
      issuerEn: a.plan.issuerEn ? sub(a.plan.issuerEn) : undefined,
      periodStart: who.period.start,
      periodEnd: who.period.start + 4,
    },
    agencies: a.agencies.map((agency) => ({
      ...agency,
      name: sub(agency.name),
      nameEn: sub(agency.nameEn),
      aliases: [...new Set(agency.aliases.map(sub))],
      note: agency.note ? sub(agency.note) : undefined,
    })),
    pilots,
    domains: chapter.domains.map((d) => {
      const title = seed.domains.find((s) => s.number === d.seedNumber)?.title ?? '';
      return { number: d.number, title: sub(title), nameEn: sub(domainEn.get(d.seedNumber) ?? title) };
    }),
    tasks,
    dependencies,
    advances: unique(relink(a.advances)),
    addresses: unique(relink(a.addresses)),
    rejected: [],
    translations,
    curation: [],
  };
  return { markdown, annotation };
}

function fingerprint(options: CorpusOptions): string {
  return createHash('sha256')
    .update(readFileSync(options.seedMarkdown))
    .update(readFileSync(options.seedAnnotation))
    .update(readFileSync(new URL(import.meta.url)))
    .update(JSON.stringify([options.seed ?? 1, options.medianScale ?? 1.3]))
    .digest('hex');
}

/** Writes (or reuses, when seed files, generator and options are unchanged) the first `plans` plans. */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusPlan[]> {
  const manifestPath = path.join(options.outDir, 'manifest.json');
  const print = fingerprint(options);
  const plansOf = (count: number): CorpusPlan[] =>
    Array.from({ length: count }, (_, i) => {
      const id = `bench-${String(i + 1).padStart(4, '0')}`;
      return {
        id,
        markdownPath: path.join(options.outDir, `${id}.md`),
        annotationsPath: path.join(options.outDir, `${id}.yaml`),
      };
    });
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { fingerprint: string; plans: number };
    if (manifest.fingerprint === print && manifest.plans >= options.plans) return plansOf(options.plans);
  }
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });
  const seed = await readSeed(options.seedMarkdown, options.seedAnnotation);
  const random = new Random(options.seed ?? 1);
  const plans = plansOf(options.plans);
  identities(options.plans, random).forEach((who, i) => {
    // One generator per plan, so plan k is the same whether 10 or 1,500 plans are generated.
    const { markdown, annotation } = generatePlan(
      seed,
      who,
      new Random((options.seed ?? 1) * 7919 + i),
      options.medianScale ?? 1.3,
    );
    const plan = plans[i];
    if (!plan) return;
    writeFileSync(plan.markdownPath, markdown);
    writeFileSync(
      plan.annotationsPath,
      `# Synthetic bench plan generated from ${path.basename(options.seedMarkdown)}; not a real document.\n${stringify(annotation, { lineWidth: 0 })}`,
    );
  });
  writeFileSync(manifestPath, JSON.stringify({ fingerprint: print, plans: options.plans }));
  return plans;
}
