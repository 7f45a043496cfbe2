// The import pipeline without the database: plan markdown (+ optional annotation) → the graph of DESIGN.md,
// every derived fact carrying its quote and offsets into the normalised text. Pure, so the dry run, the
// tests and the writer all see the same graph.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { type ListLabel, NodeLabel, nodeId, RelType } from '../domain/model.ts';
import type { PlanGraph } from '../domain/types.ts';
import type { LoadedAnnotation, YamlPath } from './annotation.ts';
import type { Annotation } from './annotation-schema.ts';
import {
  sharedMeasureDependencies,
  sharedPilotDependencies,
  similarTaskDependencies,
} from './dependencies.ts';
import { Dictionary, type Match } from './dictionary.ts';
import { ImportInputError, type InputProblem } from './errors.ts';
import { GraphBuilder, pinyinProps } from './graph-builder.ts';
import { normalise, type Span } from './normalise.ts';
import { type OutlineNode, type Paragraph, type ParsedTask, parseOutline } from './outline.ts';
import { findPilotCandidates, type PilotCandidate } from './pilot-candidates.ts';
import { extractPlanLists, type ListItem } from './plan-lists.ts';
import { splitSentences, type TextPiece } from './sentences.ts';
import { extractTargets, type TargetFact } from './targets.ts';

export interface BuildInput {
  markdown: string;
  /** Shown in error messages and stored as Plan.source (its base name). */
  markdownFile: string;
  annotation?: LoadedAnnotation | null;
  /** The annotation file's bytes, for the plan's digest; re-importing after an annotation edit must happen. */
  annotationSource?: string | null;
  planId?: string;
}

export interface ImportSummary {
  planId: string;
  counts: { labels: Record<string, number>; relationships: Record<string, number> };
  candidates: PilotCandidate[];
  warnings: string[];
}

export interface BuildResult {
  graph: PlanGraph;
  summary: ImportSummary;
  text: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function planIdFromFile(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `plan-${sha256(base).slice(0, 8)}`;
}

function periodFromText(text: string): { start: number; end: number } | null {
  const match = /((?:19|20)\d{2})\s*年?\s*(?:至|到|-|—|–|~|～)\s*((?:19|20)\d{2})\s*年/.exec(text);
  return match ? { start: Number(match[1]), end: Number(match[2]) } : null;
}

function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

function ownText(paragraphs: Paragraph[], text: string): { text: string; start: number; end: number } | null {
  const first = paragraphs[0];
  const last = paragraphs.at(-1);
  if (!first || !last) return null;
  return { text: text.slice(first.start, last.end), start: first.start, end: last.end };
}

/** Locates annotation quotes in the plan text, preferring an occurrence inside a given span. */
class QuoteFinder {
  readonly problems: InputProblem[] = [];
  constructor(
    private readonly text: string,
    private readonly loaded: LoadedAnnotation,
  ) {}

  find(quote: string, path: YamlPath, within?: Span): Span | null {
    const wanted = quote.normalize('NFC');
    if (within) {
      const inside = this.text.slice(within.start, within.end).indexOf(wanted);
      if (inside >= 0) return { start: within.start + inside, end: within.start + inside + wanted.length };
    }
    const at = this.text.indexOf(wanted);
    if (at < 0) {
      this.fail(path, `quote not found in the plan text: “${quote}”`);
      return null;
    }
    return { start: at, end: at + wanted.length };
  }

  fail(path: YamlPath, message: string): void {
    this.problems.push({
      file: this.loaded.file,
      line: this.loaded.lineOf(path),
      message: `${path.join('.')}: ${message}`,
    });
  }
}

function stripEndPunctuation(title: string): string {
  return title.trim().replace(/[。：:；;，,.！!？?\s]+$/, '');
}

export function buildPlanGraph(input: BuildInput): BuildResult {
  const normalised = normalise(input.markdown);
  const { text } = normalised;
  const parsed = parseOutline(normalised, input.markdownFile);
  if (!parsed.ok) throw new ImportInputError(parsed.problems);
  const outline = parsed.outline;
  const loaded = input.annotation ?? null;
  const annotation: Annotation | null = loaded?.annotation ?? null;
  const planId = input.planId ?? annotation?.plan.id ?? planIdFromFile(input.markdownFile);
  const translations = annotation?.translations ?? {};
  const en = (title: string): string | null => translations[title] ?? null;
  const g = new GraphBuilder(planId);
  const warnings = [...outline.warnings.map((w) => `${input.markdownFile} ${w}`)];
  const id = (kind: string, key: string | number) => nodeId(planId, kind, key);

  // ---- plan and structure ----
  const period = periodFromText(outline.front.map((p) => p.text).join('\n')) ?? periodFromText(outline.title);
  g.addNode(NodeLabel.Plan, planId, outline.title, annotation?.plan.titleEn ?? null, {
    title: outline.title,
    titleEn: annotation?.plan.titleEn ?? null,
    issuer: annotation?.plan.issuer ?? outline.issuer,
    issuerEn: annotation?.plan.issuerEn ?? null,
    periodStart: annotation?.plan.periodStart ?? period?.start ?? null,
    periodEnd: annotation?.plan.periodEnd ?? period?.end ?? null,
    source: path.basename(input.markdownFile),
    sha256: sha256(input.markdown),
    annotationSha256: input.annotationSource ? sha256(input.annotationSource) : null,
    text,
  });

  /** Units whose text is scanned for mentions and targets: [node id, paragraphs or measures]. */
  const units: Array<{ owner: string; pieces: TextPiece[]; sentences: boolean }> = [];
  const keyChapterNumber = outline.keyChapter;

  const addSections = (parentId: string, parentPath: string, chapterNumber: number, nodes: OutlineNode[]) => {
    for (const node of nodes) {
      const sectionPath = `${parentPath}.${node.order}`;
      const sectionId = id('section', sectionPath);
      const own = ownText(node.paragraphs, text);
      g.addNode(NodeLabel.Section, sectionId, node.title, en(node.title), {
        number: node.order,
        title: node.title,
        chapter: chapterNumber,
        path: sectionPath,
        text: own?.text ?? '',
        start: own?.start,
        end: own?.end,
        titleStart: node.titleSpan.start,
        titleEnd: node.titleSpan.end,
      });
      g.addRel(RelType.HAS_SECTION, parentId, sectionId, { order: node.order });
      units.push({ owner: sectionId, pieces: node.paragraphs.map(asPiece), sentences: true });
      addSections(sectionId, sectionPath, chapterNumber, node.children);
    }
  };

  outline.chapters.forEach((chapter) => {
    const chapterId = id('chapter', chapter.order);
    const own = ownText(chapter.paragraphs, text);
    g.addNode(NodeLabel.Chapter, chapterId, chapter.title, en(chapter.title), {
      number: chapter.order,
      title: chapter.title,
      keyTasks: chapter.order === keyChapterNumber,
      text: own?.text ?? '',
      start: own?.start,
      end: own?.end,
      titleStart: chapter.titleSpan.start,
      titleEnd: chapter.titleSpan.end,
    });
    g.addRel(RelType.HAS_CHAPTER, planId, chapterId, { order: chapter.order });
    units.push({ owner: chapterId, pieces: chapter.paragraphs.map(asPiece), sentences: true });
    if (chapter.order !== keyChapterNumber)
      addSections(chapterId, String(chapter.order), chapter.order, chapter.children);
  });

  const domainAnnotations = new Map((annotation?.domains ?? []).map((d, index) => [d.number, { d, index }]));
  const taskAnnotations = new Map((annotation?.tasks ?? []).map((t, index) => [t.ref, { t, index }]));
  const taskId = (task: ParsedTask) => id('task', `${keyChapterNumber}.${task.domain}.${task.order}`);
  const taskByRef = new Map(outline.tasks.map((task) => [`${task.domain}.${task.order}`, task]));
  const keyChapterId = id('chapter', keyChapterNumber);

  for (const domain of outline.domains) {
    const domainId = id('domain', domain.number);
    const note = domainAnnotations.get(domain.number)?.d;
    const own = ownText(domain.intro, text);
    g.addNode(NodeLabel.Domain, domainId, domain.title, note?.nameEn ?? en(domain.title), {
      number: domain.number,
      title: domain.title,
      text: own?.text ?? '',
      start: own?.start,
      end: own?.end,
      titleStart: domain.titleSpan.start,
      titleEnd: domain.titleSpan.end,
      ...pinyinProps(domain.title),
    });
    g.addRel(RelType.HAS_DOMAIN, keyChapterId, domainId, { order: domain.number });
    units.push({ owner: domainId, pieces: domain.intro.map(asPiece), sentences: true });
    for (const task of domain.tasks) {
      const tid = taskId(task);
      const note = taskAnnotations.get(`${task.domain}.${task.order}`)?.t;
      g.addNode(NodeLabel.Task, tid, task.title, note?.nameEn ?? en(task.title), {
        domain: domain.number,
        order: task.order,
        ref: `${task.domain}.${task.order}`,
        title: task.title,
        text: task.text,
        start: task.span.start,
        end: task.span.end,
        titleStart: task.titleSpan.start,
        titleEnd: task.titleSpan.end,
        ...pinyinProps(task.title),
      });
      g.addRel(RelType.HAS_TASK, domainId, tid, { order: task.order });
      units.push({
        owner: tid,
        pieces: [{ text: task.title, start: task.titleSpan.start, end: task.titleSpan.end }],
        sentences: false,
      });
      task.measures.forEach((measure, index) => {
        const mid = id('measure', `${keyChapterNumber}.${task.domain}.${task.order}.${index + 1}`);
        g.addNode(NodeLabel.Measure, mid, measure.text, null, {
          order: index + 1,
          text: measure.text,
          start: measure.start,
          end: measure.end,
        });
        g.addRel(RelType.HAS_MEASURE, tid, mid, { order: index + 1 });
        units.push({ owner: mid, pieces: [measure], sentences: false });
      });
    }
  }

  // ---- plan-level lists ----
  const listItems = extractPlanLists(outline, text);
  const listCounters = new Map<ListLabel, number>();
  const listIds: Array<{ item: ListItem; id: string }> = [];
  for (const item of listItems) {
    const n = (listCounters.get(item.label) ?? 0) + 1;
    listCounters.set(item.label, n);
    const itemId = id(item.label.toLowerCase(), n);
    g.addNode(item.label, itemId, item.title, en(item.title), {
      order: n,
      title: item.title,
      text: item.text,
      start: item.span.start,
      end: item.span.end,
      titleStart: item.titleSpan.start,
      titleEnd: item.titleSpan.end,
    });
    if (item.label === NodeLabel.LegalBasis) g.addRel(RelType.BASED_ON, planId, itemId, { order: n });
    listIds.push({ item, id: itemId });
  }

  // ---- annotation checks that need the parsed plan ----
  const finder = loaded ? new QuoteFinder(text, loaded) : null;
  if (annotation && finder) {
    annotation.domains.forEach((d, index) => {
      const domain = outline.domains.find((x) => x.number === d.number);
      if (!domain) finder.fail(['domains', index, 'number'], `the plan has no domain ${d.number}`);
      else if (stripEndPunctuation(d.title) !== domain.title) {
        finder.fail(
          ['domains', index, 'title'],
          `domain ${d.number} is “${domain.title}” in the plan, not “${d.title}”`,
        );
      }
    });
    annotation.tasks.forEach((t, index) => {
      const task = taskByRef.get(t.ref);
      if (!task) finder.fail(['tasks', index, 'ref'], `the plan has no task ${t.ref} (domain.task)`);
      else if (stripEndPunctuation(t.title) !== task.title) {
        finder.fail(
          ['tasks', index, 'title'],
          `task ${t.ref} is “${task.title}” in the plan, not “${t.title}”`,
        );
      }
    });
  }

  // ---- agencies and pilots ----
  const entityIds = new Map<string, string>();
  const terms: Array<{ text: string; entity: string }> = [];
  const seenTerms = new Map<string, string>();
  const addTerms = (entity: string, names: string[], kind: 'agencies' | 'pilots', index: number) => {
    for (const name of names) {
      const term = name.normalize('NFC').trim();
      const owner = seenTerms.get(term);
      if (owner && owner !== entity) {
        finder?.fail([kind, index], `the name or alias “${term}” is also used by ${owner}`);
        continue;
      }
      seenTerms.set(term, entity);
      terms.push({ text: term, entity });
    }
  };
  annotation?.agencies.forEach((agency, index) => {
    const agencyId = id('agency', agency.key);
    if (entityIds.has(agency.key)) finder?.fail(['agencies', index, 'key'], `duplicate key “${agency.key}”`);
    entityIds.set(agency.key, agencyId);
    g.addNode(NodeLabel.Agency, agencyId, agency.name, agency.nameEn, {
      key: agency.key,
      kind: agency.kind,
      aliases: agency.aliases,
      aliasText: agency.aliases.join(' '),
      note: agency.note,
      ...pinyinProps(agency.name),
    });
    addTerms(agencyId, [agency.name, ...agency.aliases], 'agencies', index);
  });
  const pilotIds = new Set<string>();
  annotation?.pilots.forEach((pilot, index) => {
    const pilotId = id('pilot', pilot.key);
    if (entityIds.has(`pilot:${pilot.key}`))
      finder?.fail(['pilots', index, 'key'], `duplicate key “${pilot.key}”`);
    entityIds.set(`pilot:${pilot.key}`, pilotId);
    pilotIds.add(pilotId);
    const status = finder?.find(pilot.statusEvidence, ['pilots', index, 'statusEvidence']);
    g.addNode(NodeLabel.Pilot, pilotId, pilot.name, pilot.nameEn, {
      key: pilot.key,
      kind: pilot.kind,
      level: pilot.level,
      status: pilot.status,
      statusEvidence: status ? slice(text, status) : pilot.statusEvidence,
      statusStart: status?.start,
      statusEnd: status?.end,
      aliases: pilot.aliases,
      aliasText: pilot.aliases.join(' '),
      ...pinyinProps(pilot.name),
    });
    addTerms(pilotId, [pilot.name, ...pilot.aliases], 'pilots', index);
  });

  // ---- mentions and targets, from the smallest unit ----
  const dictionary = new Dictionary(terms);
  const allMatches: Match[] = [];
  const targets: Array<{ owner: string; fact: TargetFact }> = [];
  for (const unit of units) {
    const perEntity = new Map<string, Match[]>();
    for (const piece of unit.pieces) {
      for (const match of dictionary.find(piece.text, piece.start)) {
        allMatches.push(match);
        perEntity.set(match.entity, [...(perEntity.get(match.entity) ?? []), match]);
      }
    }
    for (const [entity, matches] of perEntity) {
      const first = matches[0];
      if (!first) continue;
      g.addRel(RelType.MENTIONS, unit.owner, entity, {
        quote: first.quote,
        start: first.start,
        end: first.end,
        count: matches.length,
        quotes: matches.map((m) => m.quote),
        starts: matches.map((m) => m.start),
        ends: matches.map((m) => m.end),
      });
    }
    const sentences = unit.sentences
      ? unit.pieces.flatMap((p) => splitSentences(p.text, p.start))
      : unit.pieces;
    for (const fact of extractTargets(sentences)) targets.push({ owner: unit.owner, fact });
  }
  targets.sort((a, b) => a.fact.start - b.fact.start);
  // Targets stated in a measure are set by its task (DESIGN: Task / Section → Target).
  const measureTask = new Map(
    g.relationships.filter((r) => r.type === RelType.HAS_MEASURE).map((r) => [r.end, r.start] as const),
  );
  targets.forEach(({ owner, fact }, index) => {
    const targetId = id('target', index + 1);
    const value = fact.valueMax === null ? `${fact.value}` : `${fact.value}-${fact.valueMax}`;
    g.addNode(NodeLabel.Target, targetId, `${fact.indicator} ${value}${fact.unit}`, null, {
      indicator: fact.indicator,
      value: fact.value,
      valueMax: fact.valueMax,
      unit: fact.unit,
      year: fact.year,
      comparator: fact.comparator,
      quote: fact.quote,
      start: fact.start,
      end: fact.end,
    });
    const setter = measureTask.get(owner) ?? owner;
    g.addRel(RelType.SETS_TARGET, setter, targetId, {});
  });

  // ---- task facts: pilots, responsibilities, dependencies ----
  const taskPilots = outline.tasks.map((task) => ({
    id: taskId(task),
    pilots: allMatches.filter(
      (m) => pilotIds.has(m.entity) && m.start >= task.span.start && m.end <= task.span.end,
    ),
  }));
  for (const { id: tid, pilots } of taskPilots) {
    const byPilot = new Map<string, Match[]>();
    for (const m of pilots) byPilot.set(m.entity, [...(byPilot.get(m.entity) ?? []), m]);
    for (const [pilot, matches] of byPilot) {
      g.addRel(RelType.PILOTED_IN, tid, pilot, {
        basis: 'text',
        evidence: matches.map((m) => m.quote),
        starts: matches.map((m) => m.start),
        ends: matches.map((m) => m.end),
      });
    }
  }

  if (annotation && finder) {
    annotation.tasks.forEach((t, taskIndex) => {
      const task = taskByRef.get(t.ref);
      if (!task) return;
      t.responsibilities.forEach((r, index) => {
        const where: YamlPath = ['tasks', taskIndex, 'responsibilities', index];
        const agencyId = entityIds.get(r.agency);
        if (!agencyId) {
          finder.fail([...where, 'agency'], `unknown agency key “${r.agency}” (declare it under agencies)`);
          return;
        }
        if (r.basis === 'text' && !r.evidence) {
          finder.fail(where, 'a responsibility with basis text needs the evidence quote that states it');
          return;
        }
        const span = r.evidence ? finder.find(r.evidence, [...where, 'evidence'], task.span) : null;
        if (r.evidence && !span) return;
        g.addRel(r.role === 'lead' ? RelType.LED_BY : RelType.INVOLVES, taskId(task), agencyId, {
          basis: r.basis,
          evidence: span ? slice(text, span) : null,
          start: span?.start,
          end: span?.end,
          note: r.note,
        });
      });
    });
  }

  const taskTexts = outline.tasks.map((task) => ({ id: taskId(task), measures: task.measures }));
  const textFacts = [...sharedMeasureDependencies(taskTexts), ...sharedPilotDependencies(taskPilots)];
  const linked = new Set(textFacts.map((fact) => `${fact.from}|${fact.to}`));
  const dependencyFacts = [...textFacts, ...similarTaskDependencies(taskTexts, linked)];
  for (const fact of dependencyFacts) {
    g.addRel(
      RelType.DEPENDS_ON,
      fact.from,
      fact.to,
      {
        kind: fact.kind,
        weight: fact.weight,
        // Both quotes of a shared mechanism or pilot are in the text; a likeness of wording is only inferred.
        basis: fact.kind === 'similar' ? 'inferred' : 'text',
        evidence: fact.evidence.flatMap((pair) => [pair.from.text, pair.to.text]),
        starts: fact.evidence.flatMap((pair) => [pair.from.start, pair.to.start]),
        ends: fact.evidence.flatMap((pair) => [pair.from.end, pair.to.end]),
        via: fact.via.length > 0 ? fact.via : undefined,
      },
      fact.kind,
    );
  }

  if (annotation && finder) {
    annotation.dependencies.forEach((dep, index) => {
      const where: YamlPath = ['dependencies', index];
      const from = taskByRef.get(dep.from);
      const to = taskByRef.get(dep.to);
      if (!from) finder.fail([...where, 'from'], `the plan has no task ${dep.from}`);
      if (!to) finder.fail([...where, 'to'], `the plan has no task ${dep.to}`);
      if (!from || !to) return;
      if (from === to) {
        finder.fail(where, `a task cannot depend on itself (${dep.from})`);
        return;
      }
      const a = finder.find(dep.evidence[0], [...where, 'evidence', 0], from.span);
      const b = finder.find(dep.evidence[1], [...where, 'evidence', 1], to.span);
      if (!a || !b) return;
      const added = g.addRel(
        RelType.DEPENDS_ON,
        taskId(from),
        taskId(to),
        {
          kind: 'explicit',
          weight: 1,
          basis: 'curated',
          why: dep.why,
          evidence: [slice(text, a), slice(text, b)],
          starts: [a.start, b.start],
          ends: [a.end, b.end],
        },
        'explicit',
      );
      if (!added) finder.fail(where, `duplicate dependency ${dep.from} → ${dep.to}`);
    });

    const linkLists = (key: 'advances' | 'addresses', type: RelType, labels: ListLabel[]) => {
      annotation[key].forEach((link, index) => {
        const where: YamlPath = [key, index];
        const task = taskByRef.get(link.task);
        if (!task) {
          finder.fail([...where, 'task'], `the plan has no task ${link.task}`);
          return;
        }
        const itemSpan = finder.find(link.item, [...where, 'item']);
        if (!itemSpan) return;
        const target = listIds.find(
          ({ item }) =>
            labels.includes(item.label) &&
            text.slice(item.span.start, item.span.end).includes(link.item.normalize('NFC')),
        );
        if (!target) {
          finder.fail(
            [...where, 'item'],
            `no ${labels.join(' or ')} item of the plan contains “${link.item}”`,
          );
          return;
        }
        const evidence = link.evidence ? finder.find(link.evidence, [...where, 'evidence'], task.span) : null;
        if (link.evidence && !evidence) return;
        g.addRel(type, taskId(task), target.id, {
          basis: link.basis,
          evidence: evidence ? slice(text, evidence) : null,
          start: evidence?.start,
          end: evidence?.end,
        });
      });
    };
    linkLists('advances', RelType.ADVANCES, [NodeLabel.Priority, NodeLabel.KeyField]);
    linkLists('addresses', RelType.ADDRESSES, [NodeLabel.Problem]);
    if (finder.problems.length > 0) throw new ImportInputError(finder.problems);
  }

  const seenStarts = new Set<number>();
  const scanned = units
    .flatMap((unit) => unit.pieces)
    .filter((piece) => !seenStarts.has(piece.start) && seenStarts.add(piece.start));
  const candidates = findPilotCandidates(scanned, allMatches);
  const planNode = g.node(planId);
  return {
    graph: {
      plan: { ...(planNode?.properties ?? {}), id: planId, title: outline.title },
      nodes: g.nodes,
      relationships: g.relationships,
    },
    summary: { planId, counts: g.counts(), candidates, warnings },
    text,
  };
}

function asPiece(paragraph: Paragraph): TextPiece {
  return { text: paragraph.text, start: paragraph.start, end: paragraph.end };
}
