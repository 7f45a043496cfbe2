// The corpus API's shapes (DTOs in server/src/domain/corpus.ts), for validation and the OpenAPI document.
import { z } from 'zod';

const quoteShape = {
  quote: z.string(),
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
};

export const corpusIdSchema = z
  .string()
  .min(1)
  .max(300)
  .describe(
    'A corpus id (corpus:agency:ndrc, corpus:pilot:<name>) or the id of a plan’s Agency / Pilot node',
  );

const corpusPlanSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    docNumber: z.string().nullable(),
    kind: z.string().nullable(),
    issuer: z.string().nullable(),
    issuedOn: z.string().nullable(),
    periodStart: z.number().int().nullable(),
    date: z.string().nullable().describe('issuedOn, or the first year of the plan’s period'),
  })
  .meta({ id: 'CorpusPlan' });

const corpusEntitySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    lexiconId: z.string().nullable(),
    kind: z.string().nullable(),
    plans: z.number().int(),
  })
  .meta({ id: 'CorpusEntity' });

export const corpusEntitiesSchema = z
  .object({ entities: z.array(corpusEntitySchema) })
  .meta({ id: 'CorpusEntities' });

export const agencyProfileSchema = z
  .object({
    agency: corpusEntitySchema,
    plans: z.array(
      z.object({
        plan: corpusPlanSchema,
        agencyId: z.string(),
        name: z.string(),
        mentions: z.number().int(),
        roles: z.array(
          z.object({
            ...quoteShape,
            role: z.enum(['leads', 'joins']),
            taskId: z.string(),
            taskTitle: z.string(),
            basis: z.string().nullable(),
            confidence: z.number().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'AgencyProfile' });

export const zoneTraceSchema = z
  .object({
    pilot: corpusEntitySchema,
    plans: z.array(
      z.object({
        plan: corpusPlanSchema,
        pilotId: z.string(),
        name: z.string(),
        passages: z.array(
          z.object({
            ...quoteShape,
            sourceId: z.string(),
            sourceLabel: z.string(),
            sentence: z.string(),
            sentenceStart: z.number().int(),
            sentenceEnd: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'ZoneTrace' });

const comparedEntitySchema = z.object({
  key: z.string(),
  name: z.string(),
  a: z.array(z.string()),
  b: z.array(z.string()),
});
const comparedSidesSchema = z.object({
  shared: z.array(comparedEntitySchema),
  onlyA: z.array(comparedEntitySchema),
  onlyB: z.array(comparedEntitySchema),
});
const comparedTaskSchema = z.object({ ...quoteShape, id: z.string(), title: z.string() });

export const comparisonSchema = z
  .object({
    a: corpusPlanSchema,
    b: corpusPlanSchema,
    agencies: comparedSidesSchema,
    pilots: comparedSidesSchema,
    similarTasks: z.array(
      z.object({ a: comparedTaskSchema, b: comparedTaskSchema, similarity: z.number().min(0).max(1) }),
    ),
  })
  .meta({ id: 'PlanComparison' });
