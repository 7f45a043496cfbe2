// What a government web page's markup means for the document: bold and 楷体 leads, line breaks, headings,
// tables and entities kept; scripts, styles and layout spacing dropped.
import { describe, expect, it } from 'vitest';
import { htmlToMarkup } from '../../../server/src/ingest/read/html-reader.ts';

describe('reading a government page body', () => {
  it('keeps bold from <strong>, <b> and font-weight, italics from <em>, <i> and 楷体 faces', () => {
    const html = [
      '<p><strong>一、总体要求</strong></p>',
      '<p><b>二、</b><span style="font-weight: bold">主要目标</span></p>',
      '<p><span style="font-family: 楷体_GB2312, 楷体">（一）统筹建设平台。</span>各省要建设平台。</p>',
      '<p><font face="楷体_GB2312">（二）实行清单管理。</font>制定清单。</p>',
      '<p><em>（三）</em><i>规范流程。</i>规范程序。</p>',
    ].join('\n');
    const paragraphs = [
      '**一、总体要求**',
      '**二、主要目标**',
      '*（一）统筹建设平台。*各省要建设平台。',
      '*（二）实行清单管理。*制定清单。',
      '*（三）规范流程。*规范程序。',
    ];
    expect(htmlToMarkup(html)).toBe(`${paragraphs.join('\n\n')}\n`);
  });

  it('turns <br> into a line break inside the paragraph and keeps emphasis on both sides', () => {
    expect(htmlToMarkup('<p align="center"><strong>国务院关于推行<br>联合监管的意见</strong></p>')).toBe(
      '**国务院关于推行**\n**联合监管的意见**\n',
    );
  });

  it('marks h1–h6 as # headings and decodes entities', () => {
    expect(
      htmlToMarkup('<h1>方案&nbsp;总则</h1><h3>第一节&ensp;要求</h3><p>&ldquo;双随机&rdquo;&amp;公开</p>'),
    ).toBe('# 方案 总则\n\n### 第一节\u2002要求\n\n“双随机”&公开\n');
  });

  it('drops scripts, styles, the head and the indentation of paragraphs', () => {
    const html =
      '<html><head><title>中国政府网</title><style>p{}</style></head><body>' +
      '<script>document.write("<p>广告</p>")</script><p>&nbsp;&nbsp;&nbsp;&nbsp;　　正文第一段。</p></body></html>';
    expect(htmlToMarkup(html)).toBe('正文第一段。\n');
  });

  it('joins source line breaks inside Chinese text without a space', () => {
    expect(htmlToMarkup('<p>各地区、各部门要\n      抓紧落实。</p>')).toBe('各地区、各部门要抓紧落实。\n');
  });

  it('reads a table as a pipe table, one line per row, with paragraphs and pipes inside cells kept on one line', () => {
    const html =
      '<table><tr><th>序号</th><th>任务</th><th>牵头单位</th></tr>' +
      '<tr><td>1</td><td><p>推进简政放权</p><p>（持续）</p></td><td>市发展改革委|市财政局</td></tr>' +
      '<tr><td>2</td><td>优化营商环境</td></tr></table><p>表后正文。</p>';
    expect(htmlToMarkup(html)).toBe(
      [
        '| 序号 | 任务 | 牵头单位 |',
        '|---|---|---|',
        '| 1 | 推进简政放权 （持续） | 市发展改革委\\|市财政局 |',
        '| 2 | 优化营商环境 | |',
        '',
        '表后正文。',
        '',
      ].join('\n'),
    );
  });
});

describe('pages that separate paragraphs with line breaks', () => {
  it('reads <br><br> as the end of a paragraph and a single <br> as a line break', () => {
    expect(htmlToMarkup('<div>一、总体要求<br/>坚持问题导向。<br/><br/>二、主要目标<br/></div>')).toBe(
      '一、总体要求\n坚持问题导向。\n\n二、主要目标\n',
    );
  });
});

describe('tables that lay out an old government page', () => {
  it('reads a page whose whole body sits in one table cell as paragraphs', () => {
    const html =
      '<table width="760"><tr><td class="p1"><p align="center"><b>国务院办公厅关于科技节水建议的复函</b></p>' +
      '<p>国办函〔2005〕21号</p><p>　　一、加强领导。</p><p>　　二、落实责任。</p></td></tr></table>';
    expect(htmlToMarkup(html)).toBe(
      '**国务院办公厅关于科技节水建议的复函**\n\n国办函〔2005〕21号\n\n一、加强领导。\n\n二、落实责任。\n',
    );
  });

  it('reads a navigation column beside a long body as paragraphs, not as one table row', () => {
    const body = Array.from({ length: 6 }, (_, i) => `<p>第${i + 1}段正文。</p>`).join('');
    const html = `<table><tr><td><a href="/">首页</a></td><td>${body}</td></tr></table>`;
    expect(htmlToMarkup(html)).toBe(
      `首页\n\n${Array.from({ length: 6 }, (_, i) => `第${i + 1}段正文。`).join('\n\n')}\n`,
    );
  });

  it('reads a layout table holding a data table as paragraphs, one per inner row', () => {
    const html =
      '<table><tr><td><p>附件：任务分工</p><table><tr><td>1</td><td>推进简政放权</td></tr>' +
      '<tr><td>2</td><td>优化营商环境</td></tr></table></td></tr></table>';
    expect(htmlToMarkup(html)).toBe('附件：任务分工\n\n1 推进简政放权\n\n2 优化营商环境\n');
  });
});

describe('pages with sloppy markup', () => {
  it('reads the text of a page that never closes its head', () => {
    expect(htmlToMarkup('<head><meta charset="utf-8"><title>标题栏</title><p>正文。</p>')).toBe('正文。\n');
  });

  it('closes paragraphs and cells the page left open', () => {
    expect(htmlToMarkup('<p>一<p>二<table><tr><td>a<td>b<tr><td>c<td>d</table><p>三')).toBe(
      '一\n\n二\n\n| a | b |\n|---|---|\n| c | d |\n\n三\n',
    );
  });
});
