// Stage 2, lists: the plan's named lists (legal bases, principles, goals, problems, achievements, safeguards,
// priorities, key fields) as nodes, read from the parts whose titles say what they are.
import { type ListLabel, NodeLabel, RelType } from '../../domain/model.ts';
import { extractPlanLists, type ListItem } from '../plan-lists.ts';
import { type BuildContext, englishName, idOf } from './context.ts';

export interface ListNode {
  item: ListItem;
  id: string;
}

export function addLists(ctx: BuildContext): ListNode[] {
  const counters = new Map<ListLabel, number>();
  const nodes: ListNode[] = [];
  for (const item of extractPlanLists(ctx.outline, ctx.text)) {
    const n = (counters.get(item.label) ?? 0) + 1;
    counters.set(item.label, n);
    const itemId = idOf(ctx, item.label.toLowerCase(), n);
    ctx.g.addNode(item.label, itemId, item.title, englishName(ctx, item.title), {
      order: n,
      title: item.title,
      text: item.text,
      start: item.span.start,
      end: item.span.end,
      titleStart: item.titleSpan.start,
      titleEnd: item.titleSpan.end,
    });
    if (item.label === NodeLabel.LegalBasis) ctx.g.addRel(RelType.BASED_ON, ctx.planId, itemId, { order: n });
    nodes.push({ item, id: itemId });
  }
  return nodes;
}
