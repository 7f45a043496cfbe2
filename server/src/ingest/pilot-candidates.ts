// Pilot-like names the annotation's dictionary lacks, listed in the import summary so a curator can add them to the
// plan's YAML, until the extract stage is wired (extract/index.ts). The names come from the one naming grammar of
// zones and pilots (extract/pilots-names.ts); here they never become nodes.
import type { Match } from './dictionary.ts';
import { findPilotNames } from './extract/pilots-names.ts';
import type { TextPiece } from './sentences.ts';

export interface PilotCandidate {
  phrase: string;
  count: number;
  /** Offset of the first occurrence in the plan text. */
  firstAt: number;
}

export function findPilotCandidates(pieces: TextPiece[], known: Match[]): PilotCandidate[] {
  const isKnown = (start: number, end: number) => known.some((m) => start < m.end && m.start < end);
  const found = new Map<string, PilotCandidate>();
  for (const piece of pieces) {
    for (const name of findPilotNames(piece.text)) {
      const start = piece.start + name.start;
      if (name.modifier === '' || isKnown(start, piece.start + name.end)) continue;
      const entry = found.get(name.name);
      if (entry) entry.count += 1;
      else found.set(name.name, { phrase: name.name, count: 1, firstAt: start });
    }
  }
  return [...found.values()].sort((a, b) => a.firstAt - b.firstAt);
}
