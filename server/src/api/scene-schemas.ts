// Zod schemas of the scene routes: they validate the bodies and describe them in the OpenAPI document.
import { z } from 'zod';

const MAX_POSITIONS = 5_000;

const sceneIdSchema = z
  .string()
  .regex(/^scene:[0-9a-f-]{36}$/, 'a scene id looks like scene:<uuid>')
  .meta({
    description: 'A scene id, as the server gave it.',
    example: 'scene:2f1c7b0e-4a51-4c4e-9d0e-0d3a1c9e8b7a',
  });

const nodeRef = z.string().min(1).max(200);

export const sceneStateSchema = z
  .object({
    link: z
      .string()
      .max(20_000)
      .regex(/^(\?[^#\s]*)?$/, 'a link is the query part of an explorer URL, starting with ?')
      .meta({ description: "The explorer's URL query: view, filters, layout, selection and language." }),
    positions: z
      .record(nodeRef, z.object({ x: z.number(), y: z.number() }))
      .refine((positions) => Object.keys(positions).length <= MAX_POSITIONS, {
        message: `at most ${MAX_POSITIONS} positions`,
      })
      .meta({ description: 'Model positions of the drawn nodes, by node id.' }),
  })
  .meta({ id: 'SceneState', description: 'What the scene restores in the explorer.' });

const nameSchema = z.string().trim().min(1, 'a scene needs a name').max(120);
const captionSchema = z.string().max(2_000);

export const sceneInputSchema = z
  .object({ name: nameSchema, caption: captionSchema.default(''), state: sceneStateSchema })
  .meta({ id: 'SceneInput' });

export const sceneChangesSchema = z
  .object({
    name: nameSchema.optional(),
    caption: captionSchema.optional(),
    state: sceneStateSchema.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { message: 'name, caption or state must be given' })
  .meta({ id: 'SceneChanges' });

export const sceneSchema = z
  .object({
    id: z.string(),
    order: z.number().int(),
    name: z.string(),
    caption: z.string(),
    state: sceneStateSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Scene' });

export const scenesResponseSchema = z
  .object({ scenes: z.array(sceneSchema), writeAccess: z.enum(['open', 'token', 'disabled']) })
  .meta({ id: 'Scenes' });

export const scenesFileSchema = z
  .object({
    format: z.literal('reform-graph-scenes'),
    version: z.literal(1),
    exportedAt: z.string().max(40),
    scenes: z.array(sceneInputSchema).max(200),
  })
  .meta({ id: 'ScenesFile', description: 'The scenes export: scenes without ids, in presentation order.' });

export const sceneParams = z.object({ id: sceneIdSchema });
export const reorderSchema = z.object({ ids: z.array(sceneIdSchema).max(1_000) }).meta({ id: 'SceneOrder' });
export const importQuery = z.object({
  mode: z
    .enum(['append', 'replace'])
    .default('append')
    .meta({ description: 'append (default) adds after the existing scenes; replace deletes them first.' }),
});
