// The lexicon of Chinese government bodies, read from data files (server/src/ingest/data/lexicon/*.json) and
// validated at load: central bodies with their official short forms, English names and renames; the standard
// names of local departments; the naming grammar and the cues of responsibility notes. Code holds no names.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AgencyKind } from '../../domain/model.ts';
import type { AdminLevel } from './types.ts';

const agencyKind = z.enum(Object.values(AgencyKind) as [AgencyKind, ...AgencyKind[]]);
const year = z.number().int().min(1949).max(2100);

const centralBodySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  short: z.array(z.string().min(2)),
  en: z.string().min(2),
  kind: agencyKind,
  category: z.string().min(1),
  since: year.optional(),
  until: year.optional(),
});

const centralFileSchema = z.strictObject({
  $comment: z.string(),
  sources: z.array(z.string()).min(1),
  bodies: z.array(centralBodySchema).min(1),
  renames: z.array(
    z.strictObject({ year, from: z.array(z.string()).min(1), to: z.string(), note: z.string().optional() }),
  ),
});

const localDepartmentSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  forms: z.array(z.string().min(1)).min(1),
  en: z.string().min(2),
  kind: agencyKind,
  sectors: z.array(z.string().min(2)).optional(),
  enProvincial: z.string().optional(),
  /** Official full-name pattern, `{place}` standing for the locality (国家税务总局{place}税务局). */
  canonical: z.string().includes('{place}').optional(),
  /** Named by place without a level character (青禾海关, 青禾银保监分局). */
  vertical: z.boolean().optional(),
});

const levelSchema = z.strictObject({
  prefix: z.string().min(1),
  level: z.enum(['national', 'provincial', 'municipal', 'county', 'other']),
  en: z.string().min(2),
});

const localFileSchema = z.strictObject({
  $comment: z.string(),
  sources: z.array(z.string()).min(1),
  levels: z.array(levelSchema).min(1),
  departments: z.array(localDepartmentSchema).min(1),
});

const cueList = z.array(z.string().min(1)).min(1);
const grammarFileSchema = z.strictObject({
  $comment: z.string(),
  sources: z.array(z.string()).min(1),
  suffixes: z
    .array(
      z.strictObject({
        suffix: z.string().min(1),
        kind: agencyKind,
        en: z.string().min(2),
        /** The suffix alone marks a body (…领导小组): no place or proper name needed before it. */
        standalone: z.boolean().optional(),
      }),
    )
    .min(1),
  /** Words no name contains (function words, collectives). */
  generic: z.array(z.string().min(1)),
  /** Words of a kind of body (企业集团, 商业银行, 试点 …): a name outside a note or list that holds one is generic. */
  kindWords: z.array(z.string().min(1)),
  listHeads: z.array(z.string().min(1)),
  /** Words that never open a name although jieba may tag them as nouns (委托, 建议, 领导 …). */
  notNameStart: z.array(z.string().min(1)),
  cues: z.strictObject({
    lead: cueList,
    involved: cueList,
    shared: cueList,
    with: cueList,
    by: cueList,
    labels: z.strictObject({ lead: cueList, involved: cueList }),
  }),
  conventions: z.array(z.string().min(1)),
});

/** The naming grammar of bodies and the cues of responsibility notes (data/lexicon/naming-grammar.json). */
export type NamingGrammar = z.infer<typeof grammarFileSchema>;
export type CentralBody = z.infer<typeof centralBodySchema>;
export type LocalDepartment = z.infer<typeof localDepartmentSchema>;
export interface LevelPrefix {
  prefix: string;
  level: AdminLevel;
  en: string;
}

/** The lexicon, indexed for lookups by surface form. */
export interface Lexicon {
  central: CentralBody[];
  /** Every official full name and short form of a central body → that body (the current one when forms clash). */
  centralByForm: Map<string, CentralBody>;
  local: LocalDepartment[];
  /** Every local form (财政局, 人社局 …), longest first, with its department. */
  localForms: Array<{ form: string; department: LocalDepartment }>;
  /** Sector words of lists (税务、市场监管等部门) → department. */
  sectors: Map<string, LocalDepartment>;
  levels: LevelPrefix[];
  /** Successor of a body renamed or merged, with the year: `successor('saic') → {to: samr, year: 2018}`. */
  successor(id: string): { to: CentralBody; year: number } | null;
  /** Suffixes longest first. */
  grammar: NamingGrammar;
  /** The conventions “the first listed body leads”, compiled. */
  conventions: RegExp[];
}

function readJson(name: string): unknown {
  const url = new URL(`../data/lexicon/${name}`, import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8'));
  } catch (error) {
    throw new Error(`Lexicon: cannot read ${url.pathname}: ${(error as Error).message}`);
  }
}

function parse<T>(schema: z.ZodType<T>, name: string): T {
  const result = schema.safeParse(readJson(name));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Lexicon: ${name} at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Builds the lexicon from its data files; throws `Lexicon: <file> at <path>: <problem>` on a bad file. */
export function loadLexicon(): Lexicon {
  const central = parse(centralFileSchema, 'central-bodies.json');
  const local = parse(localFileSchema, 'local-departments.json');
  const grammar = parse(grammarFileSchema, 'naming-grammar.json');
  grammar.suffixes.sort((a, b) => b.suffix.length - a.suffix.length);
  const byId = new Map(central.bodies.map((body) => [body.id, body]));
  const centralByForm = new Map<string, CentralBody>();
  // Current bodies win a clash of forms: list them last.
  const ordered = [...central.bodies].sort(
    (a, b) => Number(a.until !== undefined) - Number(b.until !== undefined),
  );
  for (const body of ordered.reverse()) {
    for (const form of [body.name, ...body.short]) centralByForm.set(form, body);
  }
  const successors = new Map<string, { to: CentralBody; year: number }>();
  for (const rename of central.renames) {
    const to = byId.get(rename.to);
    if (!to) throw new Error(`Lexicon: central-bodies.json renames to unknown body “${rename.to}”`);
    for (const from of rename.from) {
      if (!byId.has(from)) throw new Error(`Lexicon: central-bodies.json renames unknown body “${from}”`);
      successors.set(from, { to, year: rename.year });
    }
  }
  const localForms = local.departments
    .flatMap((department) => department.forms.map((form) => ({ form, department })))
    .sort((a, b) => b.form.length - a.form.length);
  const sectors = new Map<string, LocalDepartment>();
  for (const department of local.departments) {
    for (const sector of department.sectors ?? []) sectors.set(sector, department);
  }
  return {
    central: central.bodies,
    centralByForm,
    local: local.departments,
    localForms,
    sectors,
    levels: [...local.levels].sort((a, b) => b.prefix.length - a.prefix.length),
    successor: (id) => successors.get(id) ?? null,
    grammar,
    conventions: grammar.conventions.map((source) => new RegExp(source, 'u')),
  };
}

let cached: Lexicon | null = null;

/** The lexicon, loaded once per process. */
export function lexicon(): Lexicon {
  cached ??= loadLexicon();
  return cached;
}
