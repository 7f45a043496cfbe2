// Draws the dry run's answer: counts per label, the outline as a tree of disclosures, warnings, the least confident
// extractions and, when the plan is already imported, the node-by-node diff a replace would apply.
import type {
  DiffNode,
  ImportPreview,
  OutlineItem,
  PlanDiff,
} from '../../../../server/src/domain/import-types.ts';
import { basisName, labelName, relName } from '../../model/i18n.ts';
import { isBasis, isNodeLabel, isRelType, LABEL_LOOK, LABEL_ORDER } from '../../model/vocabulary.ts';
import type { Lang } from '../../types.ts';
import type { ViewsContext } from '../context.ts';
import { h } from '../view-kit.ts';

function kindName(kind: string, lang: Lang): string {
  if (isNodeLabel(kind)) return labelName(kind, lang);
  if (isRelType(kind)) return relName(kind, lang);
  return kind;
}

/** A file size a person reads: "812 KB", "1.4 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function countsPanel(ctx: ViewsContext, preview: ImportPreview): HTMLElement {
  const labels = LABEL_ORDER.filter((label) => (preview.counts.labels[label] ?? 0) > 0);
  const rows = labels.map((label) => {
    const swatch = h('span', { class: 'import-swatch', 'aria-hidden': 'true' });
    swatch.style.background = LABEL_LOOK[label].colour;
    return h(
      'tr',
      { 'data-label': label },
      h('th', { scope: 'row' }, swatch, labelName(label, ctx.lang)),
      h('td', { class: 'import-count' }, String(preview.counts.labels[label] ?? 0)),
    );
  });
  return h(
    'section',
    { class: 'views-panel import-counts', 'aria-labelledby': 'import-counts-title' },
    h('h2', { id: 'import-counts-title' }, ctx.t('importCounts')),
    h('table', { class: 'import-count-table' }, h('tbody', {}, rows)),
    h(
      'p',
      { class: 'views-hint' },
      ctx.t('importCountsTotal', { nodes: preview.counts.nodes, links: preview.counts.links }),
    ),
  );
}

function outlineNode(ctx: ViewsContext, item: OutlineItem): HTMLElement {
  const head = h(
    'span',
    { class: 'import-outline-head' },
    h('span', { class: 'import-outline-label' }, kindName(item.label, ctx.lang)),
    item.number ? h('span', { class: 'import-outline-number' }, item.number) : null,
    h('span', { class: 'import-outline-title' }, item.title),
  );
  if (item.children.length === 0) return h('li', { 'data-id': item.id }, head);
  return h(
    'li',
    { 'data-id': item.id },
    h(
      'details',
      { open: item.label !== 'Domain' },
      h('summary', {}, head),
      h(
        'ul',
        {},
        item.children.map((child) => outlineNode(ctx, child)),
      ),
    ),
  );
}

function outlinePanel(ctx: ViewsContext, preview: ImportPreview): HTMLElement {
  return h(
    'section',
    { class: 'views-panel import-outline', 'aria-labelledby': 'import-outline-title' },
    h('h2', { id: 'import-outline-title' }, ctx.t('importOutline')),
    preview.outline.length === 0
      ? h('p', { class: 'views-empty' }, ctx.t('importOutlineEmpty'))
      : h(
          'ul',
          { class: 'import-tree' },
          preview.outline.map((item) => outlineNode(ctx, item)),
        ),
  );
}

function findingsPanel(ctx: ViewsContext, preview: ImportPreview): HTMLElement {
  const uncertain = preview.leastConfident.map((fact) =>
    h(
      'li',
      { 'data-id': fact.id },
      h(
        'span',
        { class: 'import-fact-head' },
        h('span', { class: 'import-outline-label' }, kindName(fact.kind, ctx.lang)),
        h('span', { class: 'import-fact-name' }, fact.name),
        h(
          'span',
          { class: 'import-confidence' },
          ctx.t('importConfidence', { value: fact.confidence.toFixed(2) }),
          fact.basis && isBasis(fact.basis) ? ` · ${basisName(fact.basis, ctx.lang)}` : '',
        ),
      ),
      fact.quote ? h('q', { class: 'import-quote' }, fact.quote) : null,
    ),
  );
  return h(
    'section',
    { class: 'views-panel import-findings', 'aria-labelledby': 'import-uncertain-title' },
    h('h2', { id: 'import-uncertain-title' }, ctx.t('importLeastConfident')),
    uncertain.length === 0
      ? h('p', { class: 'views-empty' }, ctx.t('importNoUncertain'))
      : h('ol', { class: 'import-uncertain' }, uncertain),
    h('h2', {}, ctx.t('importWarnings', { n: preview.warnings.length })),
    preview.warnings.length === 0
      ? h('p', { class: 'views-empty' }, ctx.t('importNoWarnings'))
      : h(
          'ul',
          { class: 'import-warnings' },
          preview.warnings.map((warning) => h('li', {}, warning)),
        ),
  );
}

function diffList(ctx: ViewsContext, title: string, nodes: Array<DiffNode & { properties?: string[] }>) {
  return h(
    'details',
    { class: 'import-diff-list' },
    h('summary', {}, title),
    h(
      'ul',
      {},
      nodes.map((node) =>
        h(
          'li',
          { 'data-id': node.id },
          h('span', { class: 'import-outline-label' }, kindName(node.label, ctx.lang)),
          ` ${node.name} `,
          h('code', {}, node.id),
          node.properties
            ? h('span', { class: 'import-diff-props' }, ` (${node.properties.join(', ')})`)
            : null,
        ),
      ),
    ),
  );
}

/** The diff against the stored plan, for the confirm step. */
export function diffPanel(
  ctx: ViewsContext,
  existing: NonNullable<ImportPreview['existing']>,
  planId: string,
) {
  const diff: PlanDiff = existing.diff;
  return h(
    'section',
    { class: 'views-panel import-diff', 'aria-labelledby': 'import-diff-title' },
    h(
      'h2',
      { id: 'import-diff-title' },
      ctx.t('importExists', { title: existing.title, plan: planId, source: existing.source }),
    ),
    h(
      'p',
      { class: 'import-diff-totals', role: 'status' },
      ctx.t('importDiffTotals', { ...diff.totals, unchanged: diff.unchanged }),
    ),
    diffList(ctx, ctx.t('importDiffAdded', { n: diff.totals.added }), diff.added),
    diffList(ctx, ctx.t('importDiffRemoved', { n: diff.totals.removed }), diff.removed),
    diffList(ctx, ctx.t('importDiffChanged', { n: diff.totals.changed }), diff.changed),
    diff.truncated ? h('p', { class: 'views-hint' }, ctx.t('importDiffTruncated')) : null,
  );
}

/** The preview's header line and its three panels (counts · outline · findings). */
export function previewPanels(ctx: ViewsContext, preview: ImportPreview): HTMLElement {
  return h(
    'div',
    { class: 'import-preview' },
    h('h2', { class: 'import-preview-title' }, ctx.t('importPreviewTitle', { title: preview.title })),
    h(
      'p',
      { class: 'views-hint import-preview-meta' },
      ctx.t('importPreviewMeta', {
        plan: preview.planId,
        format: preview.format,
        size: sizeText(preview.sizeBytes),
        ms: preview.parseMs,
      }),
    ),
    h(
      'div',
      { class: 'import-grid' },
      countsPanel(ctx, preview),
      outlinePanel(ctx, preview),
      findingsPanel(ctx, preview),
    ),
  );
}
