// Agency × agency co-involvement: which departments share tasks and must coordinate on them. An agency is
// involved in a task when it leads or joins it (LED_BY / INVOLVES, filtered by basis) or when the task or one
// of its measures names it (MENTIONS, which is always basis "text").
import { type Basis, NodeLabel, RelType } from '../domain/model.ts';
import type { AgencyMatrix, MatrixCell, NodeId } from '../domain/types.ts';
import { type PlanIndex, str } from './plan-index.ts';

export interface MatrixFilter {
  basis: Basis[] | null;
  domains: string[] | null;
}

export function taskAgencies(index: PlanIndex, filter: MatrixFilter): Map<NodeId, Set<NodeId>> {
  const wanted = (basis: unknown) => !filter.basis || filter.basis.some((b) => b === (str(basis) ?? 'text'));
  const involvement = new Map<NodeId, Set<NodeId>>();
  for (const task of index.withLabel(NodeLabel.Task)) {
    if (filter.domains) {
      const domains = index.incoming(task.id, [RelType.HAS_TASK]).map((edge) => edge.start);
      if (!domains.some((domain) => filter.domains?.includes(domain))) continue;
    }
    const agencies = new Set<NodeId>();
    for (const edge of index.outgoing(task.id, [RelType.LED_BY, RelType.INVOLVES])) {
      if (wanted(edge.properties.basis)) agencies.add(edge.end);
    }
    if (wanted('text')) {
      const sources = [task.id, ...index.outgoing(task.id, [RelType.HAS_MEASURE]).map((edge) => edge.end)];
      for (const source of sources) {
        for (const edge of index.outgoing(source, [RelType.MENTIONS])) {
          if (index.hasLabel(edge.end, NodeLabel.Agency)) agencies.add(edge.end);
        }
      }
    }
    if (agencies.size > 0) involvement.set(task.id, agencies);
  }
  return involvement;
}

export function agencyMatrix(index: PlanIndex, filter: MatrixFilter): AgencyMatrix {
  const involvement = taskAgencies(index, filter);
  const taskCount = new Map<NodeId, number>();
  const cells = new Map<string, MatrixCell>();
  for (const [task, agencySet] of involvement) {
    const agencies = [...agencySet].sort();
    for (const agency of agencies) taskCount.set(agency, (taskCount.get(agency) ?? 0) + 1);
    for (let i = 0; i < agencies.length; i++) {
      for (let j = i + 1; j < agencies.length; j++) {
        const a = agencies[i] as NodeId;
        const b = agencies[j] as NodeId;
        const key = `${a}|${b}`;
        const cell = cells.get(key) ?? { a, b, count: 0, tasks: [] };
        cell.count++;
        cell.tasks.push(task);
        cells.set(key, cell);
      }
    }
  }
  const agencies = [...taskCount.entries()]
    .map(([id, count]) => {
      const node = index.byId.get(id);
      return {
        id,
        name: str(node?.properties.name) ?? id,
        nameEn: str(node?.properties.nameEn),
        taskCount: count,
      };
    })
    .sort((x, y) => y.taskCount - x.taskCount || x.id.localeCompare(y.id));
  const sortedCells = [...cells.values()]
    .map((cell) => ({
      ...cell,
      tasks: cell.tasks.sort((x, y) => x.localeCompare(y, 'en', { numeric: true })),
    }))
    .sort((x, y) => y.count - x.count || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  return { agencies, cells: sortedCells };
}
