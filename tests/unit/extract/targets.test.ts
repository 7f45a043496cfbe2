import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../../server/src/ingest/extract/targets.ts';
import type { TargetFact } from '../../../server/src/ingest/extract/types.ts';
import { CASES, inputOf, readText } from '../../fixtures/extract/pilots-input.ts';

/** What a reader checks of a target: the figure, its unit, its year and how it compares. */
const essentials = (t: TargetFact) => ({
  value: t.value,
  unit: t.unit,
  year: t.year,
  comparator: t.comparator,
});

describe('targets stated before the first part (targets-before-first-part.md)', () => {
  const text = readText(`${CASES}/targets-before-first-part.md`);
  const input = inputOf(text);
  const targets = extractTargets(input);

  it('gives the two goals of the front matter: 10 所 and at least 95%, both due 2025', () => {
    expect(targets.map(essentials)).toEqual([
      { value: 10, unit: '所', year: 2025, comparator: 'equals' },
      { value: 95, unit: '%', year: 2025, comparator: 'at-least' },
    ]);
    expect(targets[0]?.indicator).toBe('高水平职业学校');
    expect(targets[1]?.indicator).toBe('职业院校毕业生就业率');
  });

  it('gives the goals to the plan, since no task holds them', () => {
    for (const target of targets) expect(target.owner).toBe('plan');
  });

  it('takes no list count (方面5项), number of places (10个区县) or subsidy headcount (补贴100人) for a target', () => {
    const quotes = targets.map((t) => t.quote).join(' ');
    expect(quotes).not.toMatch(/5项|10个|100人/);
  });

  it('quotes each target as it stands in the text', () => {
    for (const t of targets) expect(text.slice(t.start, t.end)).toBe(t.quote);
  });
});

describe('targets of variants-base.md', () => {
  const text = readText(`${CASES}/variants-base.md`);
  const input = inputOf(text);
  const targets = extractTargets(input);

  it('reads 30% (at least, 2025), at most 3 working days and 20 户 (2025)', () => {
    expect(targets.map(essentials)).toEqual([
      { value: 30, unit: '%', year: 2025, comparator: 'at-least' },
      { value: 3, unit: '个工作日', year: null, comparator: 'at-most' },
      { value: 20, unit: '户', year: 2025, comparator: 'equals' },
    ]);
    expect(targets[1]?.indicator).toBe('企业开办时间');
  });

  it('gives each target to the task that states it', () => {
    expect(targets.map((t) => t.owner)).toEqual(input.tasks.map((t) => t.id));
  });
});

describe('normalised digits and reported figures', () => {
  it('reads the same targets once full-width digits are normalised (２０２５ → 2025)', () => {
    const fullWidth = '**推进简政放权。**到２０２５年，市级行政审批事项压减３０％以上。';
    const normalised = fullWidth.normalize('NFKC');
    const [target] = extractTargets(inputOf(normalised));
    expect(target && essentials(target)).toEqual({
      value: 30,
      unit: '%',
      year: 2025,
      comparator: 'at-least',
    });
  });

  it('marks a figure of a review of the past as reported, not as a target', () => {
    const text =
      '## 第一章 规划基础\n\n#### 一、进展成效\n\n**财税改革取得新突破。**取消24项收费，减轻企业负担16.8亿元。\n\n' +
      '## 第二章 重点任务\n\n**降低企业成本。**到2020年，企业负担再减轻10亿元。\n';
    const targets = extractTargets(inputOf(text, { year: 2016 }));
    const reported = targets.find((t) => t.value === 16.8);
    const goal = targets.find((t) => t.value === 10);
    expect(reported?.kind).toBe('reported');
    expect(goal?.kind).toBe('target');
    expect(goal?.year).toBe(2020);
  });

  it('reads a range with its upper bound', () => {
    const [target] = extractTargets(inputOf('**设立基金。**到2020年，引导设立15-20支创业投资基金。'));
    expect(target && { ...essentials(target), valueMax: target.valueMax }).toEqual({
      value: 15,
      valueMax: 20,
      unit: '支',
      year: 2020,
      comparator: 'range',
    });
  });
});

describe('calendar dates', () => {
  // A holiday notice and a sign-off: 2月4日至10日 and 2019年1月27日 are days of the calendar, not amounts of days.
  const text =
    '春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月 3日（星期日）上班。\n到2025年，建设10所学校。\n国务院\n2019年1月27日';
  const targets = extractTargets(inputOf(text));

  it('are not targets, and a goal beside them still is', () => {
    expect(targets.map(essentials)).toEqual([{ value: 10, unit: '所', year: 2025, comparator: 'equals' }]);
  });
});
