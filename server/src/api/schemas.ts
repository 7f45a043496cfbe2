// Zod schemas for the API: request pieces shared by several routes, the response shapes documented in the
// OpenAPI document, and the error body every route may answer with.
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { Basis, DependencyKind, NODE_LABELS, NodeLabel, REL_TYPES, RelType } from '../domain/model.ts';

/**
 * Our ids (`harbin-2016:task:3.1.2`): printable, no whitespace, quotes or brackets. The pattern has no flag:
 * OpenAPI copies it verbatim, and a `/u` would end up inside the pattern text and reject every id.
 */
export const nodeIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s"'`\\<>{}()[\]]+$/, 'a node id has no spaces, quotes, backslashes or brackets')
  .meta({ description: 'A node id such as `harbin-2016:task:3.1.2`.', example: 'harbin-2016:task:1.1' });

export const planIdSchema = z
  .string()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a plan id is lower-case ASCII letters, digits and dashes')
  .meta({ description: 'Plan id; defaults to the only imported plan.', example: 'harbin-2016' });

/** A comma-separated list (`labels=Task,Agency`), also accepted as a repeated parameter. */
function listOf<T extends z.ZodType<unknown, string>>(item: T, max: number, description: string) {
  return z
    .union([z.string().max(4000), z.array(z.string().max(400)).max(max)])
    .meta({ description: `${description} Comma-separated, or the parameter repeated.` })
    .transform((value) =>
      (Array.isArray(value) ? value : value.split(','))
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    )
    .pipe(z.array(item).min(1).max(max));
}

export const labelsParam = listOf(z.enum(NodeLabel), NODE_LABELS.length, 'Node labels.');
export const typesParam = listOf(z.enum(RelType), REL_TYPES.length, 'Relationship types.');
export const basisParam = listOf(z.enum(Basis), 3, 'Evidence bases to keep.');
export const domainsParam = listOf(nodeIdSchema, 100, 'Domain ids.');

export function intParam(min: number, max: number, fallback: number, description: string) {
  return z.coerce
    .number()
    .int()
    .min(min)
    .max(max)
    .default(fallback)
    .meta({ description: `${description} (${min}–${max}, default ${fallback})` });
}

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        'INVALID_REQUEST',
        'NOT_FOUND',
        'DB_UNAVAILABLE',
        'QUERY_REFUSED',
        'QUERY_TIMEOUT',
        'RATE_LIMITED',
        'PAYLOAD_TOO_LARGE',
        'UNAUTHORIZED',
        'CONFLICT',
        'UNREADABLE_DOCUMENT',
        'INTERNAL',
      ]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ApiError' });

export function errorResponse(description: string): ResponseConfig {
  return { description, content: { 'application/json': { schema: apiErrorSchema } } };
}

export const errorResponses: Record<number, ResponseConfig> = {
  400: errorResponse('The request is invalid: `details` lists each problem with its path.'),
  404: errorResponse('No such plan, node or route.'),
  429: errorResponse('Too many requests; retry later.'),
  503: errorResponse('The graph database is unavailable.'),
};

export function jsonResponse(description: string, schema: z.ZodType): Record<number, ResponseConfig> {
  return { 200: { description, content: { 'application/json': { schema } } } };
}

// ---- Response shapes (documentation of the DTOs in server/src/domain/types.ts) ----
const properties = z.record(z.string(), z.unknown()).meta({
  id: 'Properties',
  description:
    'Property values: strings, numbers, booleans, null or lists of them. Exact (docs/security.md): an integer beyond ±(2^53 − 1) as a string of its digits, ±Infinity/NaN as "Infinity"/"-Infinity"/"NaN", durations and temporal values in ISO 8601 ("P3D", "2024-01-02"), points as point({srid: 4326, x: …, y: …}).',
});

export const graphNodeSchema = z
  .object({ id: z.string(), labels: z.array(z.string()), properties })
  .meta({ id: 'GraphNode' });
export const graphEdgeSchema = z
  .object({ id: z.string(), type: z.string(), start: z.string(), end: z.string(), properties })
  .meta({ id: 'GraphEdge' });
const subgraphShape = { nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema) };

export const planSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    titleEn: z.string().nullable(),
    issuer: z.string().nullable(),
    docNumber: z.string().nullable().meta({ example: '国发〔2019〕5号' }),
    kind: z
      .string()
      .nullable()
      .meta({ description: 'Kind of document: 意见, 方案, 规划, 通知, 条例 …', example: '意见' }),
    issuedOn: z
      .string()
      .nullable()
      .meta({ description: 'Date of issue (ISO 8601) from the sign-off', example: '2019-01-27' }),
    seed: z
      .boolean()
      .meta({ description: 'The plan npm start imported from the seed file: the default plan' }),
    periodStart: z.number().nullable(),
    periodEnd: z.number().nullable(),
    source: z.string(),
    sha256: z.string(),
    counts: z.record(z.string(), z.number()),
  })
  .meta({ id: 'PlanSummary' });

export const cyElementsSchema = z
  .object({
    nodes: z.array(
      z.object({
        data: z.looseObject({
          id: z.string(),
          label: z.string(),
          labels: z.array(z.string()),
          name: z.string(),
          nameEn: z.string().nullable(),
          parent: z.string().nullable(),
        }),
      }),
    ),
    edges: z.array(
      z.object({
        data: z.looseObject({ id: z.string(), source: z.string(), target: z.string(), type: z.string() }),
      }),
    ),
  })
  .meta({
    id: 'CyElements',
    description: 'Cytoscape.js elements JSON with every property; tasks carry their domain as `parent`.',
  });

export const cyOverviewElementsSchema = z
  .object({
    nodes: z.array(
      z.object({
        data: z.object({
          id: z.string(),
          label: z.enum(NodeLabel),
          name: z.string().meta({
            description: "Display name; a measure's sentence or a long name is cut short and ends in '…'.",
          }),
          nameEn: z.string().optional(),
          parent: z.string().optional().meta({ description: "A task's domain." }),
        }),
      }),
    ),
    edges: z.array(
      z.object({
        data: z.object({
          id: z.string().optional().meta({
            description:
              'Only where it is not `source|type|target` (several edges of one type between a pair).',
          }),
          source: z.string(),
          target: z.string(),
          type: z.enum(RelType),
          basis: z.enum(Basis).optional(),
          weight: z.number().optional(),
          kind: z.enum(DependencyKind).optional(),
        }),
      }),
    ),
  })
  .meta({
    id: 'CyOverviewElements',
    description:
      'Cytoscape.js elements JSON trimmed to what drawing and filtering need: fields without a value are left ' +
      'out; texts, quotes and offsets are at GET /api/nodes/{id} (or ask for `detail=full`).',
  });

export const graphDetailParam = z
  .enum(['overview', 'full'])
  .meta({ description: '`overview` (default): the slim elements; `full`: every property of every element.' });

const evidenceShape = { quote: z.string(), start: z.number().int(), end: z.number().int() };
const passageContextSchema = z
  .object({ text: z.string(), start: z.number().int(), end: z.number().int() })
  .meta({
    id: 'PassageContext',
    description:
      "The plan's own contiguous text around a quote (its sentence and one sentence on each side): " +
      '`Plan.text.slice(start, end) === text`, and it holds the quote.',
  });
const contextShape = {
  context: passageContextSchema,
  before: z.string().meta({ description: '`context.text` before the quote.' }),
  after: z.string().meta({ description: '`context.text` after the quote.' }),
};

export const nodeDetailsSchema = z
  .object({
    node: graphNodeSchema,
    degree: z.record(z.string(), z.number()),
    provenance: z.array(z.object({ ...evidenceShape, via: z.string(), ...contextShape })),
    neighbors: z.array(
      z.object({ type: z.string(), direction: z.enum(['out', 'in']), node: graphNodeSchema, properties }),
    ),
  })
  .meta({ id: 'NodeDetails' });

export const neighborhoodSchema = z
  .object({ center: z.string(), depth: z.number().int(), truncated: z.boolean(), ...subgraphShape })
  .meta({ id: 'Neighborhood' });

export const pathsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    paths: z.array(
      z.object({ length: z.number().int(), nodes: z.array(z.string()), edges: z.array(z.string()) }),
    ),
    ...subgraphShape,
  })
  .meta({ id: 'Paths' });

export const searchSchema = z
  .object({
    query: z.string(),
    hits: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        name: z.string(),
        nameEn: z.string().nullable(),
        score: z.number(),
        snippet: z.string().meta({ description: 'The matched part is between « and ».' }),
        matchedOn: z.enum(['name', 'nameEn', 'alias', 'pinyin', 'text']),
      }),
    ),
  })
  .meta({ id: 'SearchResults' });

export const matrixSchema = z
  .object({
    agencies: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        nameEn: z.string().nullable(),
        taskCount: z.number().int(),
      }),
    ),
    cells: z.array(
      z.object({ a: z.string(), b: z.string(), count: z.number().int(), tasks: z.array(z.string()) }),
    ),
  })
  .meta({
    id: 'AgencyMatrix',
    description: 'Each unordered pair of agencies once (a < b), with their shared tasks.',
  });

export const traceSchema = z
  .object({
    pilot: graphNodeSchema,
    tasks: z.array(graphNodeSchema),
    domains: z.array(graphNodeSchema),
    agencies: z.array(graphNodeSchema),
    targets: z.array(graphNodeSchema),
    passages: z.array(
      z.object({
        ...evidenceShape,
        node: z.string(),
        label: z.string(),
        ...contextShape,
      }),
    ),
  })
  .meta({ id: 'PilotTrace' });

const rankingSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    domain: z.string().nullable(),
    value: z.number(),
  }),
);
export const statsSchema = z
  .object({
    plan: z.string(),
    nodes: z.record(z.string(), z.number()),
    relationships: z.record(z.string(), z.number()),
    rankingGraph: z.string(),
    byDegree: rankingSchema,
    byBetweenness: rankingSchema,
  })
  .meta({ id: 'PlanStats' });

const temporalValueSchema = z
  .object({
    type: z.enum(['Date', 'Time', 'LocalTime', 'DateTime', 'LocalDateTime']),
    value: z.string().meta({ description: 'ISO 8601, e.g. 2024-01-02T12:00:00+01:00[Europe/Paris]' }),
    timeZoneId: z.string().optional(),
  })
  .meta({ id: 'TemporalValue' });
const pointValueSchema = z
  .object({
    type: z.literal('Point'),
    srid: z.number().int(),
    crs: z.string().meta({ example: 'wgs-84' }),
    x: z.number(),
    y: z.number(),
    z: z.number().optional(),
  })
  .meta({ id: 'PointValue' });
const cypherValueSchema = z
  .union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    temporalValueSchema,
    pointValueSchema,
    z.array(z.unknown()),
    z.record(z.string(), z.unknown()),
  ])
  .meta({
    id: 'CypherValue',
    description:
      'A returned value, exact: integers beyond ±(2^53 − 1) as strings of their digits ("9007199254740993"), ±Infinity/NaN as "Infinity"/"-Infinity"/"NaN", durations as ISO 8601 strings ("P3D"), temporal values and points as typed objects; lists and maps hold the same; nodes as {id, labels, properties}, relationships as {id, type, start, end, properties}, paths as {nodes, relationships}.',
  });

export const cypherResponseSchema = z
  .object({
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), cypherValueSchema)),
    graph: z.object(subgraphShape).nullable(),
    truncated: z.boolean(),
    rowCap: z.number().int(),
    elapsedMs: z.number(),
  })
  .meta({ id: 'CypherResult' });

export const planTextSchema = z
  .object({
    plan: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    length: z.number().int(),
    text: z.string(),
  })
  .meta({ id: 'PlanText' });
