// Follows one pilot through the plan: the tasks that pilot it or whose measures name it, their domains,
// agencies and targets, and every passage that mentions it, in document order.
import { AppError } from '../domain/errors.ts';
import { NodeLabel, RelType } from '../domain/model.ts';
import type { GraphNode, PilotTrace, TracePassage } from '../domain/types.ts';
import { contextAround, evidenceQuotes, locateQuote } from './passages.ts';
import { byDocumentOrder, type PlanIndex } from './plan-index.ts';

function nodesOf(index: PlanIndex, ids: Iterable<string>): GraphNode[] {
  return [...new Set(ids)].flatMap((id) => index.byId.get(id) ?? []).sort(byDocumentOrder);
}

export function pilotTrace(index: PlanIndex, pilotId: string, planText: string): PilotTrace {
  const pilot = index.byId.get(pilotId);
  if (!pilot?.labels.includes(NodeLabel.Pilot)) {
    throw new AppError('NOT_FOUND', `No pilot with id "${pilotId}".`, { details: { id: pilotId } });
  }
  const mentions = index.incoming(pilotId, [RelType.MENTIONS]);
  const taskIds = new Set(index.incoming(pilotId, [RelType.PILOTED_IN]).map((edge) => edge.start));
  for (const edge of mentions) {
    if (index.hasLabel(edge.start, NodeLabel.Task)) taskIds.add(edge.start);
    for (const parent of index.incoming(edge.start, [RelType.HAS_MEASURE])) taskIds.add(parent.start);
  }
  const tasks = nodesOf(index, taskIds);
  const related = (types: RelType[], direction: 'in' | 'out', label: NodeLabel) =>
    nodesOf(
      index,
      tasks.flatMap((task) =>
        (direction === 'out' ? index.outgoing(task.id, types) : index.incoming(task.id, types))
          .map((edge) => (direction === 'out' ? edge.end : edge.start))
          .filter((id) => index.hasLabel(id, label)),
      ),
    );

  const passages: TracePassage[] = [];
  const seen = new Set<string>();
  // The pilot's own evidence (its status) and every quote on the relationships that reach it.
  const sources = [
    { holder: pilot, props: pilot.properties },
    ...[...mentions, ...index.incoming(pilotId, [RelType.PILOTED_IN])].flatMap((edge) => {
      const holder = index.byId.get(edge.start);
      return holder ? [{ holder, props: edge.properties }] : [];
    }),
  ];
  for (const { holder, props } of sources) {
    for (const raw of evidenceQuotes(props)) {
      const at = locateQuote(planText, raw.quote, raw.start, raw.end);
      if (!at || seen.has(`${at.start}|${at.end}`)) continue;
      seen.add(`${at.start}|${at.end}`);
      passages.push({
        node: holder.id,
        label: holder.labels[0] ?? NodeLabel.Measure,
        quote: raw.quote,
        ...at,
        ...contextAround(planText, at.start, at.end),
      });
    }
  }
  passages.sort((a, b) => a.start - b.start || a.node.localeCompare(b.node));
  return {
    pilot,
    tasks,
    domains: nodesOf(
      index,
      tasks.flatMap((task) => index.incoming(task.id, [RelType.HAS_TASK]).map((edge) => edge.start)),
    ),
    agencies: related([RelType.LED_BY, RelType.INVOLVES], 'out', NodeLabel.Agency),
    targets: related([RelType.SETS_TARGET], 'out', NodeLabel.Target),
    passages,
  };
}
