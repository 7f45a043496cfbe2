import { describe, expect, it } from 'vitest';
import { normalise } from '../../../server/src/ingest/normalise.ts';
import { readMarker } from '../../../server/src/ingest/outline/heading-grammar.ts';
import { parseOutline } from '../../../server/src/ingest/outline.ts';

function outlineOf(lines: string[]) {
  const result = parseOutline(normalise(lines.join('\n\n')), 'doc.md');
  if (!result.ok) throw new Error('refused');
  return result.outline;
}

describe('the heading grammar', () => {
  it.each([
    ['第三编 总则', 'part', 3],
    ['第十二章 附则', 'chapter', 12],
    ['第2节 改革', 'section', 2],
    ['第二十一条 本条例自公布之日起施行。', 'article', 21],
    ['四、保障措施', 'cn', 4],
    ['（十一）加强领导', 'paren-cn', 11],
    ['(三)加强领导', 'paren-cn', 3],
    ['3. 推进改革', 'arabic', 3],
    ['3．推进改革', 'arabic', 3],
    ['3、推进改革', 'arabic', 3],
    ['1.2.3 国家级响应', 'decimal-3', 3],
    ['（2）科学监测', 'paren-arabic', 2],
    ['③建立机制', 'circled', 3],
  ])('reads %s as series %s numbered %i', (text, series, numeral) => {
    expect(readMarker(text)).toMatchObject({ series, numeral });
  });

  it.each([
    '2019年1月1日起施行',
    '1.5亿元用于补贴',
    '一是加强领导',
    '第一条件是',
    '（此件公开发布）',
    '（2018—2035年）',
  ])('reads no marker in %s', (text) => {
    expect(readMarker(text, false)).toBeNull();
  });

  it('learns the nesting from the document, not from Markdown heading levels', () => {
    const outline = outlineOf([
      '# 某方案',
      '###### 一、重点任务',
      '# （一）简政放权',
      '1.取消审批事项。全面清理。',
      '2.压缩办理时限。压缩一半。',
      '## （二）优化服务',
      '1.推行一网通办。建设平台。',
      '#### 二、保障措施',
      '（一）加强组织领导。建立机制。',
    ]);
    expect(outline.chapters.map((c) => c.title)).toEqual(['重点任务', '保障措施']);
    expect(outline.domains.map((d) => [d.title, d.tasks.map((t) => t.title)])).toEqual([
      ['简政放权', ['取消审批事项', '压缩办理时限']],
      ['优化服务', ['推行一网通办']],
    ]);
  });

  it('lets each document choose which series nests in which (1. over （1） or （1） over 1.)', () => {
    const a = outlineOf([
      '一、任务',
      '1.甲项',
      '（1）甲一。内容。',
      '（2）甲二。内容。',
      '2.乙项',
      '（1）乙一。内容。',
    ]);
    const b = outlineOf([
      '一、任务',
      '（1）甲项',
      '1.甲一。内容。',
      '2.甲二。内容。',
      '（2）乙项',
      '1.乙一。内容。',
    ]);
    for (const outline of [a, b]) {
      expect(outline.domains.map((d) => [d.title, d.tasks.length])).toEqual([
        ['甲项', 2],
        ['乙项', 1],
      ]);
    }
  });

  it('reads items in bold, italic or plain text, whatever the length of the first clause', () => {
    const long =
      '对在综合保税区内从事保税维修、检测、研发业务的企业实行简化手续和分类监管并逐步将适用范围扩大到全市其他海关特殊监管区域';
    const outline = outlineOf([
      '一、重点任务',
      '**（一）加强统筹。**建立机制。',
      '*（二）优化服务。*推行网办。',
      `（三）${long}。按规定办理。`,
    ]);
    expect(outline.tasks.map((t) => t.title)).toEqual(['加强统筹', '优化服务', long]);
    expect(outline.tasks.map((t) => t.measures.map((m) => m.text))).toEqual([
      ['建立机制。'],
      ['推行网办。'],
      ['按规定办理。'],
    ]);
  });

  it('learns nesting pair by pair: （1） seen under 1.4 still nests under a later 2.1.1', () => {
    const outline = outlineOf([
      '**1 总则**',
      '*1.4 工作原则*',
      '（1）统一领导。内容。',
      '**2 组织机构**',
      '*2.1 指挥部*',
      '2.1.1 指挥部职责',
      '（1）掌握形势。内容。',
      '（2）开展督查。内容。',
      '2.1.2 办公室职责',
      '（1）汇总情况。内容。',
    ]);
    const second = outline.domains.find((d) => d.title === '指挥部');
    expect(second?.tasks.map((t) => [t.title, t.measures.map((m) => m.text)])).toEqual([
      ['指挥部职责', ['（1）掌握形势。', '内容。', '（2）开展督查。', '内容。']],
      ['办公室职责', ['（1）汇总情况。', '内容。']],
    ]);
  });
});
