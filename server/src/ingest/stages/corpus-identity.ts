// Gives each plan's national bodies and named pilots the id of their corpus-level node, so that the same body or
// zone named in two plans is one (issue 18): a body by its id in the lexicon of central bodies (not the local
// departments, which are one per locality), a pilot by its full name. Ids of the plan's own nodes never change.
import { CORPUS_AGENCY_PREFIX, CORPUS_ID, CORPUS_PILOT_PREFIX } from '../../domain/corpus.ts';
import { NodeLabel } from '../../domain/model.ts';
import type { PlanGraph } from '../../domain/types.ts';

type PlanNode = PlanGraph['nodes'][number];

/** Lexicon ids of local departments start with this (agency-names.ts); they name a kind, not one body. */
const LOCAL_LEXICON_PREFIX = 'local:';

/**
 * A pilot's name as the corpus compares it: NFC, without spaces and quotation marks (“综合保税区” and
 * 综合保税区 are the same name). A city's zone and the national programme differ in their names
 * (某市综合保税区 ≠ 综合保税区), so they stay apart.
 */
export function corpusPilotName(name: string): string {
  return name.normalize('NFC').replace(/[\s“”"'‘’「」『』《》]/g, '');
}

/** The corpus id of an Agency or Pilot node, or null for a body the lexicon does not know as national. */
export function corpusIdOf(node: Pick<PlanNode, 'labels' | 'properties'>): string | null {
  const label = node.labels[0];
  if (label === NodeLabel.Agency) {
    const lexiconId = node.properties.lexiconId;
    return typeof lexiconId === 'string' && lexiconId !== '' && !lexiconId.startsWith(LOCAL_LEXICON_PREFIX)
      ? `${CORPUS_AGENCY_PREFIX}${lexiconId}`
      : null;
  }
  if (label === NodeLabel.Pilot) {
    const name = typeof node.properties.name === 'string' ? corpusPilotName(node.properties.name) : '';
    return name.length >= 2 ? `${CORPUS_PILOT_PREFIX}${name}` : null;
  }
  return null;
}

/** Sets `corpusId` on every Agency and Pilot node that has one (in place); returns how many were set. */
export function addCorpusIdentity(nodes: Array<Pick<PlanNode, 'labels' | 'properties'>>): number {
  let set = 0;
  for (const node of nodes) {
    const id = corpusIdOf(node);
    if (id === null) continue;
    node.properties[CORPUS_ID] = id;
    set += 1;
  }
  return set;
}
