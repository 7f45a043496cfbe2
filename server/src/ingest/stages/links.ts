// Stage 5, links: DEPENDS_ON between tasks read from the text — a mechanism stated in both, a pilot both name —
// and, for the rest, a likeness of wording (basis inferred).
import { RelType } from '../../domain/model.ts';
import {
  sharedMeasureDependencies,
  sharedPilotDependencies,
  similarTaskDependencies,
} from '../dependencies.ts';
import type { Match } from '../dictionary.ts';
import { type BuildContext, taskIdOf } from './context.ts';

export function addTextDependencies(
  ctx: BuildContext,
  taskPilots: Array<{ id: string; pilots: Match[] }>,
): void {
  const taskTexts = ctx.outline.tasks.map((task) => ({ id: taskIdOf(ctx, task), measures: task.measures }));
  const textFacts = [...sharedMeasureDependencies(taskTexts), ...sharedPilotDependencies(taskPilots)];
  const linked = new Set(textFacts.map((fact) => `${fact.from}|${fact.to}`));
  for (const fact of [...textFacts, ...similarTaskDependencies(taskTexts, linked)]) {
    ctx.g.addRel(
      RelType.DEPENDS_ON,
      fact.from,
      fact.to,
      {
        kind: fact.kind,
        weight: fact.weight,
        // Both quotes of a shared mechanism or pilot are in the text; a likeness of wording is only inferred.
        basis: fact.kind === 'similar' ? 'inferred' : 'text',
        evidence: fact.evidence.flatMap((pair) => [pair.from.text, pair.to.text]),
        starts: fact.evidence.flatMap((pair) => [pair.from.start, pair.to.start]),
        ends: fact.evidence.flatMap((pair) => [pair.from.end, pair.to.end]),
        via: fact.via.length > 0 ? fact.via : undefined,
      },
      fact.kind,
    );
  }
}
