// Bytes a user downloads: the client's first-load JavaScript, gzip-compressed (built fresh into the bench's
// own folder so dist/client is left alone), and a plan's graph payload as the API serves it with brotli.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gzipSync } from 'node:zlib';

export interface BundleSize {
  firstLoadGzipKb: number;
  allJsGzipKb: number;
  files: Array<{ file: string; gzipKb: number; firstLoad: boolean }>;
}

export function buildClient(outDir: string): void {
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (result.status !== 0 || !existsSync(path.join(outDir, 'index.html')))
    throw new Error(
      `vite build failed: ${result.stderr.toString().trim().split('\n').slice(-5).join(' | ')}`,
    );
}

export function bundleSize(outDir: string): BundleSize {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const referenced = new Set(
    [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => path.normalize(m[1] ?? '')),
  );
  const assets = path.join(outDir, 'assets');
  const files = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const relative = path.normalize(path.join('assets', f));
      return {
        file: relative,
        gzipKb: gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length / 1024,
        firstLoad: referenced.has(relative),
      };
    });
  const sum = (list: typeof files) => list.reduce((total, f) => total + f.gzipKb, 0);
  return { firstLoadGzipKb: sum(files.filter((f) => f.firstLoad)), allJsGzipKb: sum(files), files };
}

function getRaw(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            encoding: String(res.headers['content-encoding'] ?? ''),
          }),
        );
      })
      .on('error', reject);
  });
}

/** Brotli bytes per Cytoscape element of GET /api/graph, over the given plans. */
export async function graphPayload(
  apiUrl: string,
  plans: string[],
): Promise<{ bytesPerElement: number; encoding: string; elements: number; bytes: number }> {
  let bytes = 0;
  let elements = 0;
  let encoding = '';
  for (const plan of plans) {
    const response = await getRaw(`${apiUrl}/api/graph?plan=${encodeURIComponent(plan)}`, {
      'accept-encoding': 'br',
    });
    if (response.status !== 200) throw new Error(`GET /api/graph?plan=${plan}: ${response.status}`);
    encoding = response.encoding;
    const json = encoding === 'br' ? brotliDecompressSync(response.body) : response.body;
    const graph = JSON.parse(json.toString('utf8')) as { nodes: unknown[]; edges: unknown[] };
    bytes += response.body.length;
    elements += graph.nodes.length + graph.edges.length;
  }
  return { bytesPerElement: bytes / elements, encoding, elements, bytes };
}
