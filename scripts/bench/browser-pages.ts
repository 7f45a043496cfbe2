// The two pages the browser bench loads from its own small server: Cytoscape.js (the version the client
// bundles) drawing stored positions, on the canvas or the WebGL renderer, and neovis.js (its default vis-network
// physics) querying the same Neo4j over Bolt. Both record `window.__bench.firstGraphMs` (time since
// navigation) once the graph's first complete frame is painted. With `lod=1` the Cytoscape page draws what the
// explorer opens with: the domain overview (client/src/model/overview.ts, served as /vendor/overview.js),
// computed in the page from all the elements it fetched.

/** Drives pan and zoom for `ms`, counting frames and the longest main-thread task meanwhile. */
export const PAN_SCRIPT = `
window.__pan = (ms) => new Promise((resolve) => {
  const tasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  let frames = 0;
  let worst = 0;
  let last = started;
  const step = (now) => {
    frames += 1;
    worst = Math.max(worst, now - last);
    last = now;
    window.__panStep(frames);
    if (now - started < ms) requestAnimationFrame(step);
    else {
      observer.disconnect();
      const elapsed = performance.now() - started;
      resolve({ fps: (frames * 1000) / elapsed, longestTaskMs: Math.max(0, ...tasks), worstFrameMs: worst });
    }
  };
  requestAnimationFrame(step);
});
`;

export function cytoscapePage(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench cytoscape</title>
<style>html,body,#cy{margin:0;width:100%;height:100%}</style></head><body><div id="cy"></div>
<script src="/vendor/cytoscape.js"></script>
<script src="/vendor/overview.js"></script>
<script>
${PAN_SCRIPT}
(async () => {
  const params = new URLSearchParams(location.search);
  const webgl = params.get('renderer') === 'webgl';
  const response = await fetch('/elements/' + params.get('n') + '.json');
  let elements = await response.json();
  if (params.get('lod') === '1') {
    // The first view of the explorer: one node per domain and the aggregated links between domains.
    const nodes = new Map();
    const edges = new Map();
    for (const { data } of elements) (data.source ? edges : nodes).set(data.id, data);
    const visible = { nodes: new Set(nodes.keys()), edges: new Set(edges.keys()) };
    const level = Overview.domainLevel({ nodes, edges, visible, open: new Set() });
    const side = Math.ceil(Math.sqrt(level.nodes.length));
    elements = level.nodes.map((data, i) => ({
      data: { id: data.id, name: data.name, label: data.label, tasks: data.tasks },
      position: { x: (i % side) * 320, y: Math.floor(i / side) * 220 },
    }));
    for (const link of level.links) elements.push({ data: { id: link.id, source: link.source, target: link.target, total: link.total } });
  }
  const cy = cytoscape({
    container: document.getElementById('cy'),
    elements,
    layout: { name: 'preset', fit: true },
    style: [
      { selector: 'node', style: { width: 14, height: 14, 'background-color': '#3b6ea8', label: 'data(name)', 'font-size': 8, 'min-zoomed-font-size': 10 } },
      { selector: 'edge', style: { width: 1, 'line-color': '#9aa7b4', 'curve-style': 'haystack' } },
      { selector: 'node[label = "Domain"]', style: { shape: 'round-rectangle', width: 220, height: 130, 'font-size': 18, 'text-valign': 'center', 'text-wrap': 'wrap', 'text-max-width': 200 } },
      { selector: 'edge[total]', style: { width: 'mapData(total, 1, 40, 2, 14)' } },
    ],
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  });
  window.__cy = cy;
  window.__panStep = (i) => { cy.panBy({ x: 4, y: 2 }); if (i % 10 === 0) cy.zoom({ level: cy.zoom() * (i % 20 === 0 ? 1.05 : 0.96), renderedPosition: { x: 400, y: 300 } }); };
  // Cytoscape draws in its own animation frame; two frames later that first drawing is on screen. The WebGL
  // renderer raises no 'render' event, so both renderers are timed the same way.
  cy.ready(() => requestAnimationFrame(() => requestAnimationFrame(() => {
    window.__bench = { firstGraphMs: performance.now(), elements: cy.elements().length };
  })));
})().catch((error) => { window.__bench = { error: String(error) }; });
</script></body></html>`;
}

export function neovisPage(boltUrl: string, plans: string[]): string {
  // Plan ids are the bench corpus's own (bench-0001…), written into the page as a JSON literal.
  const query = `MATCH (n)-[r]->(m) WHERE n.plan IN ${JSON.stringify(plans)} RETURN n, r, m`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench neovis</title>
<style>html,body,#viz{margin:0;width:100%;height:100%}</style></head><body><div id="viz"></div>
<script src="/vendor/neovis.js"></script>
<script>
${PAN_SCRIPT}
try {
  const NeoVis = window.NeoVis;
  const Viz = NeoVis.default ?? NeoVis;
  const viz = new Viz({
    containerId: 'viz',
    neo4j: { serverUrl: ${JSON.stringify(boltUrl)}, serverUser: 'neo4j', serverPassword: '', driverConfig: { encrypted: 'ENCRYPTION_OFF' } },
    labels: { [NeoVis.NEOVIS_DEFAULT_CONFIG]: { label: 'name' } },
    relationships: { [NeoVis.NEOVIS_DEFAULT_CONFIG]: {} },
    initialCypher: ${JSON.stringify(query)},
  });
  viz.registerOnEvent('completed', () => {
    const network = viz.network;
    const done = () => requestAnimationFrame(() => {
      window.__bench = { firstGraphMs: performance.now(), elements: (viz.nodes?.length ?? 0) + (viz.edges?.length ?? 0) };
    });
    if (network) network.once('afterDrawing', done); else done();
  });
  viz.registerOnEvent('error', (e) => { window.__bench = { error: String(e?.error ?? e) }; });
  window.__panStep = () => {};
  viz.render();
} catch (error) { window.__bench = { error: String(error) }; }
</script></body></html>`;
}
