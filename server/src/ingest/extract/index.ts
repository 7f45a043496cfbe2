// The extract stage (DESIGN.md: outline → extract → overlay): runs every recogniser on the plan text and the spans
// the outline found, and returns one Extraction. Agencies and roles are read here; pilots, targets and links come
// from their own recognisers (extract/pilots.ts, extract/targets.ts, extract/links.ts).
import { AgencyRegistry, findAgencyMentions } from './agencies.ts';
import { findListedBodies } from './agencies-listed.ts';
import { lexicon } from './lexicon.ts';
import { planLocality } from './lexicon-locality.ts';
import { extractLinks } from './links.ts';
import { extractPilots } from './pilots.ts';
import { findResponsibilityNotes, findRoles } from './roles.ts';
import type { ResponsibilityNote } from './roles-notes.ts';
import { extractTargets } from './targets.ts';
import type { Extraction, ExtractionInput, TextSpan } from './types.ts';

/**
 * Extracts agencies (with their mentions) and the roles the text states (LED_BY / INVOLVES with evidence).
 * Pure: the same input gives the same Extraction. Throws only when the lexicon's data files are invalid.
 */
export function extractAgenciesAndRoles(
  input: ExtractionInput,
): Pick<Extraction, 'agencies' | 'roles' | 'warnings'> {
  const ctx = { lexicon: lexicon(), locality: planLocality(input.title, input.issuer) };
  const registry = new AgencyRegistry();
  for (const piece of distinctPieces(input)) {
    for (const mention of findAgencyMentions(piece, ctx)) registry.add(mention.agency, mention.quote);
    for (const mention of findListedBodies(piece, ctx)) registry.add(mention.agency, mention.quote);
  }
  const { roles, items, warnings } = findRoles(input, ctx);
  for (const item of items) registry.add(item.agency, item.quote);
  const agencies = registry.entities();
  // A body the plan names after it was renamed or merged (a 2019 plan naming 银监会): say so to the curator.
  for (const agency of agencies) {
    const next = agency.lexiconId ? ctx.lexicon.successor(agency.lexiconId) : null;
    if (next && input.year !== null && input.year > next.year) {
      warnings.push(`${agency.name} became ${next.to.name} in ${next.year}, before the plan (${input.year})`);
    }
  }
  return { agencies, roles, warnings };
}

/** Every responsibility note and role sentence of a plan, tasks aside (for measuring the recogniser). */
export function readResponsibilityNotes(
  input: Pick<ExtractionInput, 'text' | 'title' | 'issuer'>,
): ResponsibilityNote[] {
  const ctx = { lexicon: lexicon(), locality: planLocality(input.title, input.issuer) };
  return findResponsibilityNotes(input.text, ctx);
}

/**
 * The whole extract stage: agencies and roles (here), pilots (extract/pilots.ts), targets (extract/targets.ts) and
 * links between tasks (extract/links.ts, which reads the pilots and the roles). Pure.
 */
export function extractFacts(input: ExtractionInput): Extraction {
  const { agencies, roles, warnings } = extractAgenciesAndRoles(input);
  const { pilots, links: pilotLinks } = extractPilots(input);
  const targets = extractTargets(input);
  const links = extractLinks(input, { pilots, pilotLinks, roles });
  return { agencies, pilots, roles, pilotLinks, targets, links, warnings };
}

/** Every piece of text once (units overlap: a task's title, its measures, a section's paragraphs). */
function distinctPieces(input: ExtractionInput): TextSpan[] {
  const seen = new Set<string>();
  const pieces: TextSpan[] = [];
  for (const unit of input.units) {
    for (const piece of unit.pieces) {
      const key = `${piece.start}:${piece.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pieces.push(piece);
    }
  }
  return pieces;
}
