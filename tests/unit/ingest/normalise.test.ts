import { describe, expect, it } from 'vitest';
import { normalise } from '../../../server/src/ingest/normalise.ts';

describe('normalise', () => {
  it('re-joins a paragraph that a page break split in the middle of a sentence', () => {
    const { text } = normalise('**标题。**初步建\n\n立了失信惩戒机制。\n\n下一段。');
    expect(text).toBe('标题。初步建立了失信惩戒机制。\n下一段。');
  });

  it('re-joins across page numbers and rules left by the page layout', () => {
    const { text, blocks } = normalise('第一段话还没有说\n\n- 4 -\n\n---------\n\n完。\n\n12\n\n另一段。');
    expect(text).toBe('第一段话还没有说完。\n另一段。');
    expect(blocks[0]?.pieces.map((p) => p.line)).toEqual([1, 7]);
  });

  it('keeps paragraphs apart when the first one ends its sentence', () => {
    const { text } = normalise('第一句。\n\n第二句。');
    expect(text).toBe('第一句。\n第二句。');
  });

  it('drops the table of contents, whatever its leaders look like', () => {
    const { text } = normalise(
      '# 标题\n\n## 目 录\n\n第一章 总则.....\t1\n第二章 任务……………3\n\n# 第一章 总则\n\n正文。',
    );
    expect(text).toBe('标题\n第一章 总则\n正文。');
  });

  it('does not join a paragraph into the next heading or bold-led paragraph', () => {
    const { text, blocks } = normalise('引言没有句号\n\n### 一、进展\n\n**甲。**乙');
    expect(text).toBe('引言没有句号\n一、进展\n甲。乙');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('strips markdown decoration and records where the bold lead sits in the text', () => {
    const { text, blocks } = normalise('**完善财政管理体制。**完善市对区财政体制。');
    const lead = blocks[0]?.lead;
    expect(lead && text.slice(lead.start, lead.end)).toBe('完善财政管理体制');
  });

  it('composes decomposed characters (NFC) so quotes typed either way match', () => {
    const { text } = normalise('Cafe\u0301 正文。');
    expect(text).toBe('Café 正文。');
  });
});

describe('normalise: variants, emphasis, comments, tables', () => {
  it('folds full-width digits, traditional heading words, zero-width characters and 〇 years, keeping lengths', () => {
    const { text } = normalise('第１章\u3000重點改革任務\n\n到二〇二五年完成３０％，二○二四年\u200b启动。');
    expect(text).toBe('第1章 重点改革任务\n到2025年完成30%，2024年启动。');
  });

  it('drops HTML comments but keeps source lines true', () => {
    const { text, blocks } = normalise('<!-- title: x\n     source: y -->\n\n**标题**\n\n正文。');
    expect(text).toBe('标题\n正文。');
    expect(blocks.map((b) => b.line)).toEqual([4, 6]);
  });

  it.each([
    ['**加强领导。**正文。', 'bold'],
    ['*加强领导。*正文。', 'italic'],
    ['__加强领导。__正文。', 'bold'],
    ['_加强领导。_正文。', 'italic'],
  ])('remembers a lead in %s and removes the markers', (line) => {
    const { text, blocks } = normalise(line);
    const lead = blocks[0]?.lead;
    expect(text).toBe('加强领导。正文。');
    expect(lead && text.slice(lead.start, lead.end)).toBe('加强领导');
  });

  it('marks a whole line in emphasis and leaves snake_case alone', () => {
    const { blocks } = normalise('*国发〔2019〕5号*\n\nsome_name_here 说明。');
    expect(blocks.map((b) => [b.text, b.emphasis])).toEqual([
      ['国发〔2019〕5号', 'italic'],
      ['some_name_here 说明。', null],
    ]);
  });

  it('keeps a pipe table as one table block with cell offsets into the text', () => {
    const { text, blocks } = normalise('| 序号 | 任务 |\n|---|---|\n| 1 | 推进改革 |');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.kind).toBe('table');
    const cells = (blocks[0]?.cells ?? []).map((row) => row.map((c) => text.slice(c.start, c.end)));
    expect(cells).toEqual([
      ['序号', '任务'],
      ['1', '推进改革'],
    ]);
  });

  it('keeps a sign-off apart from the paragraph before it: issuer, date and note are lines of their own', () => {
    const { blocks } = normalise('各地要抓好落实\n\n国务院\n\n2019年1月27日\n\n（此件公开发布）');
    expect(blocks.map((b) => b.text)).toEqual([
      '各地要抓好落实',
      '国务院',
      '2019年1月27日',
      '（此件公开发布）',
    ]);
  });
});
