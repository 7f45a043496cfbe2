import { describe, expect, it } from 'vitest';
import { normalise } from '../../../server/src/ingest/normalise.ts';
import { parseOutline } from '../../../server/src/ingest/outline.ts';

function meta(markdown: string) {
  const result = parseOutline(normalise(markdown), 'doc.md');
  if (!result.ok) throw new Error('refused');
  return result.outline;
}

describe('title block and sign-off', () => {
  const notice = [
    '**国务院办公厅关于开展**',
    '**某项治理工作的通知**',
    '',
    '*国办发〔2019〕3号*',
    '',
    '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
    '',
    '**一、工作任务**',
    '',
    '*1.摸底排查。*各地开展排查。',
    '',
    '*2.全面整改。*逐一整改。',
    '',
    '国务院办公厅',
    '',
    '二〇一九年一月九日',
    '',
    '（此件公开发布）',
  ].join('\n');

  it('reads a title over two lines, the document number, addressees, issuer, date and kind', () => {
    const { meta: m } = meta(notice);
    expect(m).toMatchObject({
      title: '国务院办公厅关于开展某项治理工作的通知',
      docNumber: '国办发〔2019〕3号',
      addressees: ['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构'],
      issuer: '国务院办公厅',
      issuedOn: '2019-01-09',
      kind: '通知',
      notes: ['（此件公开发布）'],
    });
  });

  it('never makes the sign-off a measure of the last task', () => {
    const outline = meta(notice);
    const last = outline.tasks.at(-1);
    expect(last?.title).toBe('全面整改');
    expect(last?.measures.map((m) => m.text)).toEqual(['逐一整改。']);
  });

  it('reads an order (令): its number as 国令第N号 and the act it promulgates as the title', () => {
    const order = [
      '**中华人民共和国国务院令**',
      '*第706号*',
      '《某某条例》已经通过，现予公布。',
      '总理 某某某',
      '2018年11月6日',
      '**某某条例**',
      '**第一章 总 则**',
      '**第一条** 为了规范某事，制定本条例。',
      '**第二条** 本条例适用于某事。',
    ].join('\n\n');
    const outline = meta(order);
    expect(outline.meta).toMatchObject({
      title: '某某条例',
      docNumber: '国令第706号',
      issuer: '国务院',
      issuedOn: '2018-11-06',
      kind: '条例',
    });
    expect(outline.tasks.map((t) => t.title)).toEqual(['第一条 为了规范某事', '第二条 本条例适用于某事']);
  });
});
