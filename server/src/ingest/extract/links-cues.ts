// Links a task's own words make to another task (issue 13, item 6): a cue (在…基础上, 与…相衔接, 配合…改革, 结合…,
// 依托…) whose object names another task's title or its key phrase. The cue words are data of the genre, not of a plan.
import type { LinkFact, Quote, TaskInput } from './types.ts';

/** Cue patterns; group 1 is the object the cue points at. */
const CUES: RegExp[] = [
  /在([^，。；]{2,40}?)(?:的)?基础上/g,
  /与([^，。；]{2,40}?)相(?:衔接|结合|配套|协调|适应|统筹)/g,
  /配合([^，。；]{2,40}?改革)/g,
  /(?:结合|依托|衔接|对接)([^，。；、]{2,30})/g,
];
/** Leading verbs of a task title: 推进简政放权 → 简政放权 is the key phrase another task would name. */
const TITLE_VERBS =
  /^(?:全面|深入|加快|积极|大力|稳步|进一步)?(?:推进|推动|深化|加快|完善|健全|建立|建设|构建|实施|加强|强化|优化|创新|促进|提升|提高|扩大|开展|落实|改革|发展|培育|规范|探索)+/;
const MIN_PHRASE = 4;

function keyPhrase(title: string): string {
  const bare = title.replace(/[。.：:；;！!]+$/, '').trim();
  const stripped = bare.replace(TITLE_VERBS, '');
  return stripped.length >= MIN_PHRASE ? stripped : bare;
}

/** Length of the longest common substring of a and b. */
function commonRun(a: string, b: string): number {
  let best = 0;
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] ?? 0;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : 0;
      best = Math.max(best, row[j] ?? 0);
      diagonal = above;
    }
  }
  return best;
}

/**
 * DEPENDS_ON links read from cues: `from` is the task whose text holds the cue, `to` the task it names.
 * kind `explicit` (confidence 0.9) when the cue's object holds the other task's whole key phrase, `cue`
 * (confidence 0.6) when they share a run of at least 6 characters. Evidence: the cue's words and the other title.
 */
export function cueLinks(text: string, tasks: TaskInput[]): LinkFact[] {
  const keys = tasks.map((task) => ({ task, key: keyPhrase(task.title.text) }));
  const links = new Map<string, LinkFact>();
  for (const task of tasks) {
    const body = text.slice(task.span.start, task.span.end);
    for (const pattern of CUES) {
      for (const match of body.matchAll(pattern)) {
        const object = match[1] ?? '';
        const start = task.span.start + (match.index ?? 0);
        const cue: Quote = { start, end: start + match[0].length, quote: match[0] };
        for (const { task: other, key } of keys) {
          if (other.id === task.id || key.length < MIN_PHRASE) continue;
          const explicit = object.includes(key);
          if (!explicit && commonRun(object, key) < 6) continue;
          const id = `${task.id}|${other.id}`;
          if (links.has(id) && !explicit) continue;
          const title: Quote = { start: other.title.start, end: other.title.end, quote: other.title.text };
          links.set(id, {
            from: task.id,
            to: other.id,
            kind: explicit ? 'explicit' : 'cue',
            weight: 1,
            basis: 'extracted',
            confidence: explicit ? 0.9 : 0.6,
            evidence: [{ from: cue, to: title }],
            via: [],
          });
        }
      }
    }
  }
  return [...links.values()];
}
