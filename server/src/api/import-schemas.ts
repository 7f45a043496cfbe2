// The zod shapes of POST /api/plans/import: its query, its raw body, and its two answers (preview, commit),
// mirroring server/src/domain/import-types.ts for validation and the OpenAPI document.
import { z } from 'zod';
import type { OutlineItem } from '../domain/import-types.ts';
import { planIdSchema } from './schemas.ts';

const flag = (description: string) => z.enum(['true', 'false']).default('false').meta({ description });

export const importQuerySchema = z.object({
  name: z.string().min(1).max(255).meta({
    description:
      "The file's own name (e.g. plan.docx): names it in messages, becomes Plan.source and, without planId, the plan id.",
    example: 'guofa-2019-005.md',
  }),
  dryRun: flag('true: build and preview the plan, write nothing (editors and admins).'),
  replace: flag('true: a commit may replace the stored plan of the same id (admins).'),
  planId: planIdSchema.optional(),
});

/** The document's bytes (.md, .txt, .html or .docx, at most 5 MB), sent as the raw request body. */
export const documentBodySchema = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), {
    message: "send the document's bytes as the request body (Content-Type: application/octet-stream)",
  })
  .meta({ type: 'string', format: 'binary', description: 'The document: .md, .txt, .html or .docx bytes.' });

const outlineItem: z.ZodType<OutlineItem> = z
  .object({
    id: z.string(),
    label: z.string(),
    number: z.string().nullable(),
    title: z.string(),
    get children() {
      return z.array(outlineItem);
    },
  })
  .meta({ id: 'OutlineItem' });

const counts = z
  .object({
    labels: z.record(z.string(), z.number()),
    relationships: z.record(z.string(), z.number()),
    nodes: z.number(),
    links: z.number(),
  })
  .meta({ id: 'ImportCounts' });

const diffNode = z.object({ id: z.string(), label: z.string(), name: z.string() });

export const importPreviewSchema = z
  .object({
    planId: z.string(),
    title: z.string(),
    fileName: z.string(),
    format: z.enum(['markdown', 'text', 'html', 'docx']),
    sizeBytes: z.number(),
    counts,
    outline: z.array(outlineItem).meta({ description: 'Chapter → Section → Domain → Task, in order.' }),
    warnings: z.array(z.string()),
    leastConfident: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        name: z.string(),
        confidence: z.number(),
        basis: z.string().nullable(),
        quote: z.string().nullable(),
      }),
    ),
    existing: z
      .object({
        title: z.string(),
        source: z.string(),
        diff: z.object({
          added: z.array(diffNode),
          removed: z.array(diffNode),
          changed: z.array(diffNode.extend({ properties: z.array(z.string()) })),
          unchanged: z.number(),
          truncated: z.boolean(),
          totals: z.object({ added: z.number(), removed: z.number(), changed: z.number() }),
        }),
      })
      .nullable()
      .meta({ description: 'The stored plan of this id and what a replace would change; null when new.' }),
    parseMs: z.number(),
  })
  .meta({ id: 'ImportPreview' });

export const importCommitSchema = z
  .object({
    planId: z.string(),
    title: z.string(),
    replaced: z.boolean(),
    counts,
    parseMs: z.number(),
    writeMs: z.number(),
  })
  .meta({ id: 'ImportCommitResult' });
