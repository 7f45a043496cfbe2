// Downloads of what the view shows: the drawn nodes and edges with every property (the overview holds slim
// elements, so the full ones are fetched first) as Cytoscape JSON or GraphML. Drawn-only elements, such as the
// overview's aggregated links between domains, are not data and are left out.
import { fetchFullGraph } from '../api/graph-api.ts';
import { toCytoscapeJson, toGraphml } from '../model/graphml.ts';
import { OVERVIEW_LABELS } from '../model/vocabulary.ts';
import type { CyEdgeData, CyNodeData } from '../types.ts';
import { download } from './dom.ts';

/** Fetches the full elements and downloads `nodes` and `edges` in `format`; rejects when the API fails. */
export async function downloadViewData(
  format: 'json' | 'graphml',
  nodes: readonly CyNodeData[],
  edges: readonly CyEdgeData[],
): Promise<void> {
  const complete = await fetchFullGraph({ labels: OVERVIEW_LABELS });
  const fullNodes = new Map(complete.nodes.map(({ data }) => [data.id, data]));
  const fullEdges = new Map(complete.edges.map(({ data }) => [data.id, data]));
  const outNodes: CyNodeData[] = nodes.map((node) => fullNodes.get(node.id) ?? node);
  const outEdges: CyEdgeData[] = edges.map((edge) => fullEdges.get(edge.id) ?? edge);
  if (format === 'json') {
    const text = JSON.stringify(toCytoscapeJson(outNodes, outEdges), null, 2);
    download(new Blob([text], { type: 'application/json' }), 'reform-graph-view.json');
  } else {
    download(
      new Blob([toGraphml(outNodes, outEdges)], { type: 'application/graphml+xml' }),
      'reform-graph-view.graphml',
    );
  }
}
