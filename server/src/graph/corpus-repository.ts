// What the corpus views read from the database (implemented in server/src/neo4j/corpus-queries.ts): rows keyed
// by our ids, integers as numbers, shaped into answers by corpus-service.ts. A fake can implement it for tests.
import type { CorpusEntity } from '../domain/corpus.ts';
import type { Properties } from '../domain/types.ts';

/** A Plan node's listing properties. */
export interface CorpusPlanRow {
  id: string;
  title: string;
  docNumber: string | null;
  kind: string | null;
  issuer: string | null;
  issuedOn: string | null;
  periodStart: number | null;
}

/** One plan's Agency node of a corpus body: its LED_BY / INVOLVES tasks and its count of mentions. */
export interface AgencyProfileRow {
  plan: CorpusPlanRow;
  agencyId: string;
  name: string;
  roles: Array<{ type: string; taskId: string; taskTitle: string; props: Properties }>;
  mentions: number;
}

/** One plan's Pilot node of a corpus pilot, with each MENTIONS and a window of the plan text around it. */
export interface ZoneTraceRow {
  plan: CorpusPlanRow;
  pilotId: string;
  name: string;
  mentions: Array<{
    sourceId: string;
    sourceLabel: string;
    quote: string;
    start: number;
    end: number;
    /** Plan.text.slice(windowStart, windowStart + window.length) === window; the mention lies inside. */
    window: string;
    windowStart: number;
  }>;
}

/** A plan's agencies, pilots and tasks, for comparing two plans. */
export interface PlanContentsRow {
  plan: CorpusPlanRow;
  entities: Array<{ id: string; name: string; label: 'Agency' | 'Pilot'; corpusId: string | null }>;
  tasks: Array<{ id: string; title: string; text: string; start: number | null; end: number | null }>;
}

export type CorpusKind = 'agency' | 'pilot';

export interface CorpusRepository {
  /** The corpus node with this id, with its count of plans; null when there is none. */
  entity(kind: CorpusKind, id: string): Promise<CorpusEntity | null>;
  /** The corpusId of a plan's Agency or Pilot node; null when the node has none or does not exist. */
  corpusIdOf(nodeId: string): Promise<string | null>;
  /** Corpus nodes of a kind, most plans first, then by name; at most `limit`. */
  entities(kind: CorpusKind, limit: number): Promise<CorpusEntity[]>;
  agencyProfile(corpusId: string): Promise<AgencyProfileRow[]>;
  /** `windowChars`: characters of plan text fetched on each side of a mention. */
  zoneTrace(corpusId: string, windowChars: number): Promise<ZoneTraceRow[]>;
  planContents(planId: string): Promise<PlanContentsRow | null>;
}
