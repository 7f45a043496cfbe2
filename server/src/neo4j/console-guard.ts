// Decides, from the plan Neo4j reports for a console query (EXPLAIN), whether the query can only ever see plan
// data. It is the second wall: the console runs in a replica that holds plan data only (console-database.ts),
// and, without a replica, on the main database, where accounts, sessions, audit events and the ledger share the
// one user database of Neo4j Community. So the console may reach an entity only through operators that bind
// plan data: label scans and index seeks of plan labels, and expansions along plan relationship types (which
// the importer writes between plan nodes only). Everything else — all-node scans, id seeks, untyped
// expansions, procedures outside a short list, SHOW and administration commands — is refused. The query text
// is never inspected; only the plan's operators and the labels and relationship types their `Details` name.
import { NODE_LABELS, PLAN_DATA_LABEL, REL_TYPES } from '../domain/model.ts';

/** The part of neo4j-driver's `ResultSummary.plan` this module reads. */
export interface PlanTree {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanTree[];
}

/** Labels whose nodes hold plan data only: the Plan node and every node an import writes (PlanData). */
export const CONSOLE_LABELS: ReadonlySet<string> = new Set<string>([...NODE_LABELS, PLAN_DATA_LABEL]);
/** Relationship types the importer writes, always between two plan-data nodes. */
export const CONSOLE_REL_TYPES: ReadonlySet<string> = new Set<string>(REL_TYPES);

/**
 * Read procedures the console may call: they list the names of labels, relationship types and property keys
 * (the schema's vocabulary, which is public in docs/graph-model.md), never a stored value.
 */
export const CONSOLE_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
]);

/** Operators that bind a node by one label; their Details start with `var:Label`. */
const LABEL_SCANS = new Set(['NodeByLabelScan']);
/** Operators that bind a node by a label expression: `var:A|B`, `var:A&B`, `var:A&!B`. */
const LABEL_EXPRESSION_SCANS = new Set([
  'UnionNodeByLabelsScan',
  'IntersectionNodeByLabelsScan',
  'SubtractionNodeByLabelsScan',
]);
/** Index reads of nodes; their Details start with `UNIQUE var:Label(` or `RANGE INDEX var:Label(`. */
const NODE_INDEX_READS = new Set([
  'NodeIndexSeek',
  'NodeUniqueIndexSeek',
  'NodeIndexSeekByRange',
  'NodeUniqueIndexSeekByRange',
  'NodeIndexScan',
  'NodeIndexContainsScan',
  'NodeIndexEndsWithScan',
]);
/** Operators that bind relationships (and their end nodes): every pattern they print must name plan types. */
const TRAVERSALS = new Set([
  'Expand(All)',
  'Expand(Into)',
  'OptionalExpand(All)',
  'OptionalExpand(Into)',
  'VarLengthExpand(All)',
  'VarLengthExpand(Into)',
  'VarLengthExpand(Pruning)',
  'BFSPruningVarExpand',
  'ShortestPath',
  'ProjectEndpoints',
  'DirectedRelationshipTypeScan',
  'UndirectedRelationshipTypeScan',
  'RelationshipCountFromCountStore',
]);
/** Operators that only compute, filter, order or combine rows already bound. */
const PASS_THROUGH = new Set([
  'Repeat(Trail)',
  'ProduceResults',
  'Projection',
  'Filter',
  'Limit',
  'ExhaustiveLimit',
  'Skip',
  'Sort',
  'PartialSort',
  'Top',
  'Top1WithTies',
  'PartialTop',
  'Distinct',
  'OrderedDistinct',
  'EagerAggregation',
  'OrderedAggregation',
  'Apply',
  'Argument',
  'CartesianProduct',
  'NodeHashJoin',
  'NodeLeftOuterHashJoin',
  'NodeRightOuterHashJoin',
  'ValueHashJoin',
  'Union',
  'OrderedUnion',
  'Optional',
  'Anti',
  'SemiApply',
  'AntiSemiApply',
  'LetSemiApply',
  'LetAntiSemiApply',
  'SelectOrSemiApply',
  'SelectOrAntiSemiApply',
  'LetSelectOrSemiApply',
  'LetSelectOrAntiSemiApply',
  'RollUpApply',
  'ConditionalApply',
  'AntiConditionalApply',
  'Unwind',
  'PartitionedUnwind',
  'Eager',
  'CacheProperties',
  'EmptyResult',
  'EmptyRow',
  'TriadicSelection',
  'TriadicBuild',
  'TriadicFilter',
  'NullifyMetadata',
  'AssertSameNode',
]);

/** A Cypher name as the plan prints it: plain, or in backticks with `` doubled. */
const NAME = '(?:[\\p{L}_][\\p{L}\\p{N}_]*|`(?:[^`]|``)*`)';
const LABEL_SCAN_DETAILS = new RegExp(`^${NAME}:(${NAME})(?:$|[ ,])`, 'u');
const LABEL_EXPRESSION_DETAILS = new RegExp(`^${NAME}:(!?${NAME}(?:[|&]!?${NAME})*)(?:$|[ ,])`, 'u');
const INDEX_DETAILS = new RegExp(`^(?:UNIQUE |(?:RANGE|TEXT|POINT) INDEX )${NAME}:(${NAME})\\(`, 'u');
const NODE_COUNT = /count\( \(([^)]*)\) \)/g;
const PROCEDURE_DETAILS = new RegExp(`^(${NAME}(?:\\.${NAME})*)\\(`, 'u');
const BACKTICKED = /`(?:[^`]|``)*`/g;
const RELATIONSHIP = new RegExp(`^\\[(${NAME})?(?::(${NAME}(?:\\|${NAME})*))?(?:$|[*\\] ])`, 'u');

function unquote(name: string): string {
  return name.startsWith('`') ? name.slice(1, -1).replaceAll('``', '`') : name;
}

function details(plan: PlanTree): string {
  const value = plan.arguments.Details;
  return typeof value === 'string' ? value : '';
}

function splitLabels(expression: string): Array<{ name: string; negated: boolean }> {
  const tokens = expression.match(new RegExp(`!?${NAME}`, 'gu')) ?? [];
  return tokens.map((token) => ({
    name: unquote(token.replace(/^!/, '')),
    negated: token.startsWith('!'),
  }));
}

/**
 * Every relationship pattern a Details string prints must name plan relationship types: in a traversal, all of
 * them; elsewhere, those without a variable — the ones an expression reads from the store, such as
 * `getDegree((t)-[:LED_BY]->())` — while `(a)-[anon_0*]-(b) AS p` only rebuilds a path from relationships a
 * traversal already bound. Backticked names are blanked first, so a variable named `` `)-[` `` cannot hide or
 * fake a pattern.
 */
function relationshipTypesOk(text: string, traversal: boolean): boolean {
  const plain = text.replace(BACKTICKED, (quoted) =>
    /^`[\p{L}_][\p{L}\p{N}_]*`$/u.test(quoted) ? quoted : 'q',
  );
  if (/\)<?--/.test(plain)) return false;
  for (const match of plain.matchAll(/\)<?-(?=\[)/g)) {
    const pattern = RELATIONSHIP.exec(plain.slice((match.index ?? 0) + match[0].length));
    if (!pattern) return false;
    const [, variable, types] = pattern;
    if (!types) {
      if (traversal || !variable) return false;
      continue;
    }
    for (const { name } of splitLabels(types)) if (!CONSOLE_REL_TYPES.has(name)) return false;
  }
  return true;
}

/** Why one operator is refused, or null when it only reaches plan data. */
function refusal(plan: PlanTree): string | null {
  const operator = plan.operatorType.split('@')[0] ?? '';
  const text = details(plan);
  if (!relationshipTypesOk(text, TRAVERSALS.has(operator))) {
    return `${operator} over relationships not named by plan relationship types`;
  }
  const labelOk = (name: string | undefined) => name !== undefined && CONSOLE_LABELS.has(unquote(name));
  if (LABEL_SCANS.has(operator)) {
    return labelOk(LABEL_SCAN_DETAILS.exec(text)?.[1])
      ? null
      : `${operator} of a label that is not plan data`;
  }
  if (NODE_INDEX_READS.has(operator)) {
    return labelOk(INDEX_DETAILS.exec(text)?.[1]) ? null : `${operator} of a label that is not plan data`;
  }
  if (LABEL_EXPRESSION_SCANS.has(operator)) {
    const expression = LABEL_EXPRESSION_DETAILS.exec(text)?.[1];
    const positive = splitLabels(expression ?? '').filter((label) => !label.negated);
    return positive.length > 0 && positive.every((label) => CONSOLE_LABELS.has(label.name))
      ? null
      : `${operator} of a label that is not plan data`;
  }
  if (operator === 'NodeCountFromCountStore') {
    const counted = [...text.matchAll(NODE_COUNT)].map((match) => match[1] ?? '');
    const ok =
      counted.length > 0 &&
      counted.every((pattern) => {
        const labels = splitLabels(pattern.replace(/^:/, '').replaceAll(':', '&'));
        return pattern.startsWith(':') && labels.every((label) => CONSOLE_LABELS.has(label.name));
      });
    return ok ? null : 'counting nodes that are not plan data';
  }
  if (operator === 'ProcedureCall') {
    const name = PROCEDURE_DETAILS.exec(text)?.[1];
    return name && CONSOLE_PROCEDURES.has(name)
      ? null
      : `the procedure ${name ?? '(unnamed)'} (allowed: ${[...CONSOLE_PROCEDURES].join(', ')})`;
  }
  if (TRAVERSALS.has(operator) || PASS_THROUGH.has(operator)) return null;
  return `the operator ${operator}`;
}

function walk(plan: PlanTree, into: string[]): void {
  const why = refusal(plan);
  if (why) into.push(why);
  for (const child of plan.children) walk(child, into);
}

/**
 * Reasons to refuse a console query, judged from its EXPLAIN plan: empty when every operator reaches plan data
 * only. Each reason names the operator and what it would reach, for the user to rewrite the query.
 */
export function consoleRefusals(plan: PlanTree | false | null | undefined): string[] {
  if (!plan) return ['a query without a plan'];
  const reasons: string[] = [];
  walk(plan, reasons);
  return [...new Set(reasons)];
}
