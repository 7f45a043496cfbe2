// Every interface string in both languages, and the names of labels, relationship types and bases.
// Keys come from the Chinese table, so a string missing in English fails to compile.
import type { DependencyKind } from '../../../server/src/domain/model.ts';
import type { Basis, Lang, LayoutName, NodeLabel, RelType } from '../types.ts';

const zh = {
  appTitle: '改革图谱浏览器',
  search: '搜索',
  searchPlaceholder: '搜索节点（中文、English、拼音）…',
  noHits: '没有匹配的节点',
  layout: '布局',
  undo: '撤销',
  redo: '重做',
  fit: '适应窗口',
  zoomIn: '放大',
  zoomOut: '缩小',
  export: '导出',
  exportPng: '图片 PNG（高清）',
  exportSvg: '矢量图 SVG',
  exportJson: '当前视图数据 JSON',
  exportGraphml: '当前视图数据 GraphML',
  exportPlanGraphml: '整个规划 GraphML',
  exportPlanJson: '整个规划 JSON',
  filters: '筛选',
  nodeLabels: '节点类型',
  relTypes: '关系类型',
  domains: '改革领域',
  basis: '依据',
  minWeight: '最小依赖权重',
  showIsolated: '显示无连接的节点',
  legend: '图例',
  details: '详情',
  closePanel: '关闭',
  properties: '属性',
  englishName: '英文名称',
  evidence: '原文依据',
  neighbours: '相邻节点',
  expand: '展开邻居',
  collapse: '折叠',
  hide: '隐藏',
  hideSelected: '隐藏所选',
  showHidden: '显示隐藏',
  pathFrom: '设为路径起点',
  pathTo: '设为路径终点',
  pathFinder: '路径查找',
  pathStart: '起点',
  pathEnd: '终点',
  findPaths: '查找路径',
  clearPaths: '清除路径',
  noPaths: '两点之间没有路径',
  pathNone: '（未选择）',
  pathHint: '在详情面板中选择起点和终点。',
  loading: '正在加载图谱…',
  empty: '图谱为空：尚未导入任何规划。',
  emptyFiltered: '当前筛选条件下没有可显示的节点。',
  errorDb: '无法连接图数据库（Neo4j）。',
  errorGeneric: '加载失败：',
  retry: '重试',
  dismiss: '关闭',
  nodesEdges: '{nodes} 个节点 · {edges} 条关系',
  hiddenCount: '已隐藏 {n} 个',
  copyLink: '复制链接',
  linkCopied: '链接已复制',
  selectHint: '点击节点查看详情；双击展开或折叠。',
  outgoing: '→',
  incoming: '←',
  resetFilters: '重置筛选',
  graph: '关系图',
  paths: '条路径',
  quoteSelf: '节点本身',
  showInDocument: '在原文中查看',
  chineseOriginal: '中文原文',
  planNotFound: '规划“{plan}”不存在：没有导入这个规划。',
  nodeNotFoundTitle: '找不到节点',
  responsibilities: '牵头与参与单位',
  noneStated: '原文未说明',
  nodesOnScreen: '图中节点',
  togglePanels: '筛选与图例',
  filteredCount: '筛选隐藏了 {n} 个节点',
  nodeNotFound: '节点“{id}”不存在：链接可能已过期或有误。',
  chineseName: '中文名称',
  sourceText: '规划原文',
  untranslatedName: '规划中的名称：尚无英文译名',
  weight: '权重',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appTitle: 'Reform Graph Explorer',
  search: 'Search',
  searchPlaceholder: 'Search nodes (Chinese, English or pinyin)…',
  noHits: 'No matching node',
  layout: 'Layout',
  undo: 'Undo',
  redo: 'Redo',
  fit: 'Fit to window',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  export: 'Export',
  exportPng: 'Image PNG (high-dpi)',
  exportSvg: 'Vector SVG',
  exportJson: 'Current view as JSON',
  exportGraphml: 'Current view as GraphML',
  exportPlanGraphml: 'Whole plan as GraphML',
  exportPlanJson: 'Whole plan as JSON',
  filters: 'Filters',
  nodeLabels: 'Node types',
  relTypes: 'Relationship types',
  domains: 'Reform domains',
  basis: 'Basis',
  minWeight: 'Minimum dependency weight',
  showIsolated: 'Show unconnected nodes',
  legend: 'Legend',
  details: 'Details',
  closePanel: 'Close',
  properties: 'Properties',
  englishName: 'English name',
  evidence: 'Evidence in the plan',
  neighbours: 'Neighbours',
  expand: 'Expand neighbours',
  collapse: 'Collapse',
  hide: 'Hide',
  hideSelected: 'Hide selected',
  showHidden: 'Show hidden',
  pathFrom: 'Path from here',
  pathTo: 'Path to here',
  pathFinder: 'Path finder',
  pathStart: 'From',
  pathEnd: 'To',
  findPaths: 'Find paths',
  clearPaths: 'Clear paths',
  noPaths: 'No path between these nodes',
  pathNone: '(none chosen)',
  pathHint: 'Choose the two ends in the details panel.',
  loading: 'Loading the graph…',
  empty: 'The graph is empty: no plan has been imported yet.',
  emptyFiltered: 'Nothing to show with the current filters.',
  errorDb: 'The graph database (Neo4j) cannot be reached.',
  errorGeneric: 'Loading failed: ',
  retry: 'Retry',
  dismiss: 'Dismiss',
  nodesEdges: '{nodes} nodes · {edges} relationships',
  hiddenCount: '{n} hidden',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  selectHint: 'Click a node for details; double-click to expand or collapse.',
  outgoing: '→',
  incoming: '←',
  resetFilters: 'Reset filters',
  graph: 'Graph',
  paths: 'paths',
  quoteSelf: 'the node itself',
  showInDocument: 'Show in document',
  chineseOriginal: 'Chinese original',
  planNotFound: 'The plan “{plan}” does not exist: no plan with this id is imported.',
  nodeNotFoundTitle: 'Node not found',
  responsibilities: 'Who leads, who joins',
  noneStated: 'not stated',
  nodesOnScreen: 'Nodes on screen',
  togglePanels: 'Filters & legend',
  filteredCount: '{n} nodes hidden by filters',
  nodeNotFound: 'The node “{id}” does not exist: the link may be old or mistyped.',
  chineseName: 'Chinese name',
  sourceText: 'As written in the plan (Chinese)',
  untranslatedName: 'Name as written in the plan: no English form is known',
  weight: 'weight',
};

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** Fills `{name}` placeholders; an unknown name stays visible rather than vanishing. */
export function fillTemplate(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function t(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[lang][key], values);
}

const LABEL_NAMES: Record<NodeLabel, [string, string]> = {
  Plan: ['规划', 'Plan'],
  Chapter: ['章', 'Chapter'],
  Section: ['节', 'Section'],
  Domain: ['改革领域', 'Domain'],
  Task: ['改革任务', 'Task'],
  Measure: ['措施', 'Measure'],
  Agency: ['机构', 'Agency'],
  Pilot: ['试点', 'Pilot'],
  Target: ['目标', 'Target'],
  Priority: ['重点', 'Priority'],
  KeyField: ['重点领域', 'Key field'],
  Principle: ['原则', 'Principle'],
  Safeguard: ['保障措施', 'Safeguard'],
  Problem: ['问题', 'Problem'],
  Achievement: ['成效', 'Achievement'],
  LegalBasis: ['依据文件', 'Legal basis'],
};

const REL_NAMES: Record<RelType, [string, string]> = {
  HAS_CHAPTER: ['包含章', 'has chapter'],
  HAS_SECTION: ['包含节', 'has section'],
  HAS_DOMAIN: ['包含领域', 'has domain'],
  HAS_TASK: ['包含任务', 'has task'],
  HAS_MEASURE: ['包含措施', 'has measure'],
  MENTIONS: ['提及', 'mentions'],
  LED_BY: ['牵头', 'led by'],
  INVOLVES: ['参与', 'involves'],
  PILOTED_IN: ['试点于', 'piloted in'],
  SETS_TARGET: ['设定目标', 'sets target'],
  DEPENDS_ON: ['依赖', 'depends on'],
  ADVANCES: ['推进', 'advances'],
  ADDRESSES: ['针对', 'addresses'],
  BASED_ON: ['依据', 'based on'],
};

const BASIS_NAMES: Record<Basis, [string, string]> = {
  text: ['原文明确', 'stated in the text'],
  extracted: ['机器抽取', 'extracted by the importer'],
  curated: ['人工整理', 'curated'],
  inferred: ['推断', 'inferred'],
};

const LAYOUT_TITLES: Record<LayoutName, [string, string]> = {
  grouped: ['分组（fcose）', 'Grouped (fcose)'],
  hierarchy: ['层次（dagre）', 'Hierarchical (dagre)'],
  concentric: ['同心圆（中心度）', 'Concentric by centrality'],
  circle: ['圆形', 'Circle'],
};

/** Kinds of DEPENDS_ON (DESIGN.md): why one task depends on another. */
const DEPENDENCY_KINDS: Record<DependencyKind, [string, string]> = {
  'shared-measure': ['共同措施', 'shared measure'],
  explicit: ['原文明确', 'stated in the text'],
  'shared-pilot': ['共同试点', 'shared pilot'],
  similar: ['内容相近', 'similar wording'],
};

const pick = (pair: [string, string], lang: Lang) => (lang === 'zh' ? pair[0] : pair[1]);

export const labelName = (label: NodeLabel, lang: Lang) => pick(LABEL_NAMES[label], lang);
export const relName = (type: RelType, lang: Lang) => pick(REL_NAMES[type], lang);
export const basisName = (basis: Basis, lang: Lang) => pick(BASIS_NAMES[basis], lang);
export const layoutTitle = (layout: LayoutName, lang: Lang) => pick(LAYOUT_TITLES[layout], lang);

/** A DEPENDS_ON kind for people; an unknown kind is shown as stored. */
export function dependencyKindName(kind: string, lang: Lang): string {
  const known = Object.hasOwn(DEPENDENCY_KINDS, kind) ? DEPENDENCY_KINDS[kind as DependencyKind] : undefined;
  return known ? pick(known, lang) : kind;
}

/** Whether the node has an English name (from the plan's annotation, the lexicon or the glossary). */
export function hasEnglishName(data: { nameEn?: unknown }): boolean {
  return typeof data.nameEn === 'string' && data.nameEn.trim() !== '';
}

/** A node's display name: English where the plan's annotation gives one, else the Chinese name. */
export function displayName(data: { name?: unknown; nameEn?: unknown; id?: unknown }, lang: Lang): string {
  const en = typeof data.nameEn === 'string' && data.nameEn.trim() !== '' ? data.nameEn : null;
  const zhName = typeof data.name === 'string' && data.name !== '' ? data.name : String(data.id ?? '');
  return lang === 'en' && en ? en : zhName;
}
