// The naming grammar of zones and pilots, read once from its data files (data/glossary) and checked with zod, so
// that a bad edit of the data fails at load with the file and field named, not as a silent miss at extraction.
import { z } from 'zod';
import grammarJson from '../data/glossary/pilot-grammar.json' with { type: 'json' };
import zoneTypesJson from '../data/glossary/zone-types.json' with { type: 'json' };

const PilotKindSchema = z.enum(['zone', 'programme', 'platform', 'demonstration']);
const PilotLevelSchema = z.enum(['national', 'provincial', 'municipal']);

const ZoneTypeSchema = z.object({
  suffix: z.string().min(1),
  canonical: z.string().min(1),
  kind: PilotKindSchema,
  level: PilotLevelSchema.nullable(),
  en: z.string().min(1),
  standalone: z.boolean(),
  needsCue: z.boolean().optional(),
  quotedOnly: z.boolean().optional(),
});

const ZoneTypesSchema = z.object({
  sources: z.array(z.string()).min(1),
  types: z.array(ZoneTypeSchema).min(1),
  prefixed: z.array(
    z.object({
      prefix: z.string(),
      kind: PilotKindSchema,
      heads: z.array(z.object({ zh: z.string(), en: z.string() })),
    }),
  ),
  fixed: z.array(
    z.object({
      name: z.string(),
      aliases: z.array(z.string()),
      kind: PilotKindSchema,
      level: PilotLevelSchema.nullable(),
      en: z.string(),
      source: z.string(),
    }),
  ),
});

const GrammarSchema = z.object({
  sources: z.array(z.string()).min(1),
  clauseVerbs: z.array(z.string()),
  nameVerbs: z.array(z.string()),
  scopePrefixes: z.array(z.string()),
  trailers: z.array(z.string()),
  notPilots: z.array(z.string()),
  status: z.array(
    z.object({ status: z.enum(['approved', 'applying', 'ongoing', 'planned']), cues: z.array(z.string()) }),
  ),
  establishCues: z.array(z.string()),
  sentenceApproval: z.array(z.string()),
  levels: z.array(z.object({ level: PilotLevelSchema, cues: z.array(z.string()) })),
});

/** One type of zone or pilot, recognised by the last words of a name (`综合保税区`). */
export type ZoneType = z.infer<typeof ZoneTypeSchema>;
export type ZoneTypes = z.infer<typeof ZoneTypesSchema>;
export type PilotGrammar = z.infer<typeof GrammarSchema>;

function parse<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Glossary data ${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Zone types, longest suffix first (so `综合保税区` wins over `保税区`). Source: data/glossary/zone-types.json. */
export const ZONE_TYPES: ZoneTypes = (() => {
  const data = parse(ZoneTypesSchema, zoneTypesJson, 'data/glossary/zone-types.json');
  return { ...data, types: [...data.types].sort((a, b) => b.suffix.length - a.suffix.length) };
})();

/** Cue words of the grammar. Source: data/glossary/pilot-grammar.json. */
export const PILOT_GRAMMAR: PilotGrammar = parse(
  GrammarSchema,
  grammarJson,
  'data/glossary/pilot-grammar.json',
);

/** The zone type a name ends with, or null. */
export function zoneTypeOf(name: string): ZoneType | null {
  return ZONE_TYPES.types.find((type) => name.endsWith(type.suffix)) ?? null;
}

/** A regex alternation of the words, longest first, with regex characters escaped. */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}
