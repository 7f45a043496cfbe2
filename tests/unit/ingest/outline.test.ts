import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../../server/src/ingest/normalise.ts';
import { parseOutline } from '../../../server/src/ingest/outline.ts';
import { SEED_MD } from './_plans.ts';

const seed = readFileSync(SEED_MD, 'utf8');

/** An independent reading of the seed's key-tasks chapter: section titles and their `**…。**` paragraphs. */
function scanKeyTasks(markdown: string): Array<{ section: string; tasks: string[] }> {
  const lines = markdown.split('\n').filter((line) => !/\.{3,}/.test(line));
  const begin = lines.findIndex((line) => line.includes('第三章') && line.includes('重点改革任务'));
  const end = lines.findIndex((line, i) => i > begin && line.includes('第四章'));
  const sections: Array<{ section: string; tasks: string[] }> = [];
  for (const line of lines.slice(begin + 1, end)) {
    const heading = /第[一二三四五六七八九十]+节\s*([^*]+)/.exec(line);
    if (heading?.[1]) sections.push({ section: heading[1].trim(), tasks: [] });
    const task = /^\*\*([^*]+?)。\*\*\S/.exec(line);
    if (task?.[1]) sections.at(-1)?.tasks.push(task[1]);
  }
  return sections;
}

function parseSeed() {
  const result = parseOutline(normalise(seed), 'seed.md');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.outline;
}

describe('outline of the seed plan', () => {
  const outline = parseSeed();
  const expected = scanKeyTasks(seed);

  it('finds the 4 chapters of the body, whatever heading level each carries', () => {
    expect(outline.chapters.map((c) => c.title)).toEqual([
      '规划基础',
      '指导思想和推进原则',
      '重点改革任务',
      '保障措施',
    ]);
  });

  it('finds 8 domains, including the section the table of contents omits', () => {
    expect(expected).toHaveLength(8);
    expect(outline.domains.map((d) => d.title)).toEqual(expected.map((s) => s.section));
    expect(outline.domains.map((d) => d.title)).toContain('全面推进老工业基地提质增效');
  });

  it('reads every bold-led task of the key-tasks chapter, in its domain and order', () => {
    const parsed = outline.domains.map((d) => ({ section: d.title, tasks: d.tasks.map((t) => t.title) }));
    expect(parsed).toEqual(expected);
  });

  it('gives every task at least one measure, and measures slice back out of the text', () => {
    const { text } = normalise(seed);
    for (const task of outline.tasks) {
      expect(task.measures.length, task.title).toBeGreaterThan(0);
      expect(text.slice(task.span.start, task.span.end)).toBe(task.text);
      for (const m of task.measures) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('keeps a task whole across a page break: the continuation line belongs to its task', () => {
    const task = outline.tasks.find((t) => t.title === '深化养老服务综合改革');
    expect(task?.text).toContain('发挥公办养老机构标准化、规范化示范作用');
  });

  it('reads the parts of the safeguards chapter as its sections', () => {
    const safeguards = outline.chapters[3];
    expect(safeguards?.children.map((c) => c.title)).toEqual([
      '加强组织领导',
      '明确责任分工',
      '提高改革效能',
      '强化督查落实',
    ]);
  });
});

describe('outline errors', () => {
  it('imports a document without numbered parts as its paragraphs, with a warning', () => {
    const result = parseOutline(normalise('\n\n这只是一段话。\n\n又一段话。'), 'notes.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.outline.front.map((p) => p.text)).toEqual(['这只是一段话。', '又一段话。']);
    expect(result.outline.tasks).toEqual([]);
    expect(result.outline.warnings.join('\n')).toMatch(/no numbered parts/);
  });

  it('refuses only a document without text, naming the file', () => {
    const result = parseOutline(normalise('\n  \n<!-- only a comment -->\n'), 'empty.md');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: 'empty.md' });
  });

  it('reads chapters whose headings carry no markdown at all', () => {
    const md = '第一章 总则\n\n正文。\n\n第二章 主要任务\n\n第一节 改革\n\n**任务甲。**措施一。措施二。';
    const result = parseOutline(normalise(md), 'plain.md');
    expect(result.ok && result.outline.tasks.map((t) => [t.title, t.measures.length])).toEqual([
      ['任务甲', 2],
    ]);
  });
});

describe('outline of plans written with other conventions', () => {
  it('reads a plan without chapters whose top-level parts are 一、 二、 and tasks are bold-led', () => {
    const md = [
      '# 某市改革方案',
      '一、总体要求',
      '坚持改革创新。',
      '二、重点任务',
      '（一）深化放管服改革',
      '**推进审批改革。**取消一批事项。压缩时限50%。',
      '**优化营商环境。**建立投诉机制。',
      '（二）完善要素市场',
      '**健全土地市场。**扩大有偿使用。',
    ].join('\n\n');
    const result = parseOutline(normalise(md), 'parts.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.outline.chapters.map((c) => c.title)).toEqual(['总体要求', '重点任务']);
    expect(result.outline.domains.map((d) => [d.title, d.tasks.map((t) => t.title)])).toEqual([
      ['深化放管服改革', ['推进审批改革', '优化营商环境']],
      ['完善要素市场', ['健全土地市场']],
    ]);
  });

  it('reads enumerated task paragraphs （一）标题。正文 as tasks when a domain has no bold leads', () => {
    const md = [
      '第一章 主要任务',
      '第一节 政府改革',
      '（一）推进审批改革。取消一批事项。压缩审批时限。',
      '（二）优化营商环境。建立投诉机制。',
    ].join('\n\n');
    const result = parseOutline(normalise(md), 'enumerated.md');
    expect(result.ok && result.outline.tasks.map((t) => [t.title, t.measures.map((m) => m.text)])).toEqual([
      ['推进审批改革', ['取消一批事项。', '压缩审批时限。']],
      ['优化营商环境', ['建立投诉机制。']],
    ]);
  });
});
