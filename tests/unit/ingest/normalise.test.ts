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
