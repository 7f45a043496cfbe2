// What a Word file written as government offices write them means for the document: leads set in 楷体 or
// 黑体 rather than marked italic or bold, and parts numbered by Word rather than typed.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../server/src/ingest/read/read-document.ts';

async function docx(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('reading a Word file laid out by typeface', () => {
  it('reads runs set in 楷体 as italic and in 黑体 as bold', async () => {
    const file = await docx(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun({ text: '一、总体要求', font: '黑体' })] }),
              new Paragraph({
                children: [
                  new TextRun({ text: '（一）坚持问题导向。', font: '楷体_GB2312' }),
                  new TextRun({ text: '针对突出问题开展抽查。', font: '仿宋_GB2312' }),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const read = await readDocument(file, 'layout.docx');
    expect(read.text).toBe('**一、总体要求**\n\n*（一）坚持问题导向。*针对突出问题开展抽查。\n');
    expect(read.warnings).toEqual([]);
  });

  it("warns that Word's automatic numbers are not in the text", async () => {
    const file = await docx(
      new Document({
        numbering: {
          config: [
            {
              reference: 'parts',
              levels: [
                {
                  level: 0,
                  format: LevelFormat.CHINESE_COUNTING,
                  text: '%1、',
                  alignment: AlignmentType.LEFT,
                },
              ],
            },
          ],
        },
        sections: [
          {
            children: [
              new Paragraph({ text: '总体要求', numbering: { reference: 'parts', level: 0 } }),
              new Paragraph({ text: '主要目标', numbering: { reference: 'parts', level: 0 } }),
            ],
          },
        ],
      }),
    );
    const read = await readDocument(file, 'numbered.docx');
    expect(read.text).toBe('总体要求\n\n主要目标\n');
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toMatch(/automatic numbering/);
  });
});
