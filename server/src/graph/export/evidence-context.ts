// Exports carry the text around every evidence quote, so a file opened in Gephi, yEd or Cytoscape desktop
// cites the plan's own contiguous text (the quote's sentence and its neighbours), not a bare fragment.
import type { GraphEdge, GraphNode, Properties, Subgraph } from '../../domain/types.ts';
import { contextAround, evidenceQuotes, locateQuote } from '../passages.ts';

/** The plan text the export holds (a `Plan` node's `text`, read with `withPlanText`), or null. */
function planTextOf(graph: Subgraph): string | null {
  const plan = graph.nodes.find((node) => node.labels.includes('Plan'));
  const text = plan?.properties.text;
  return typeof text === 'string' ? text : null;
}

function withContexts(props: Properties, planText: string): Properties {
  const quotes = evidenceQuotes(props);
  if (quotes.length === 0) return props;
  const texts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const raw of quotes) {
    const at = locateQuote(planText, raw.quote, raw.start, raw.end);
    const { context } = at ? contextAround(planText, at.start, at.end) : { context: null };
    texts.push(context?.text ?? '');
    starts.push(context?.start ?? -1);
    ends.push(context?.end ?? -1);
  }
  return { ...props, evidenceContext: texts, evidenceContextStart: starts, evidenceContextEnd: ends };
}

/**
 * Adds to every node and relationship that carries evidence (see `evidenceQuotes`) three lists in the order of
 * its quotes: `evidenceContext` (the contiguous plan text around each quote), `evidenceContextStart` and
 * `evidenceContextEnd` (its UTF-16 offsets in `Plan.text`; -1 where a quote is not in the text). A graph
 * without its plan's text is returned unchanged.
 */
export function withEvidenceContexts(graph: Subgraph): Subgraph {
  const planText = planTextOf(graph);
  if (planText === null) return graph;
  return {
    nodes: graph.nodes.map(
      (node): GraphNode => ({ ...node, properties: withContexts(node.properties, planText) }),
    ),
    edges: graph.edges.map(
      (edge): GraphEdge => ({ ...edge, properties: withContexts(edge.properties, planText) }),
    ),
  };
}
