// Older government files come in GBK/GB18030 or UTF-16; a user importing one must get the same document as
// from its UTF-8 copy, not mojibake or a refusal.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../server/src/ingest/read/read-document.ts';
import { fixture } from './_paths.ts';

const UTF8 = readFileSync(fixture('guofa-1981-088.md'));
const TEXT = UTF8.toString('utf8');
const withBom = (bom: number[], body: Buffer) => Buffer.concat([Buffer.from(bom), body]);

describe('decoding a 1981 State Council notice saved in other encodings', () => {
  const encodings: Array<[string, Buffer, string]> = [
    ['GBK', iconv.encode(TEXT, 'gbk'), 'gb18030'],
    ['GB18030', iconv.encode(TEXT, 'gb18030'), 'gb18030'],
    ['UTF-8 with BOM', withBom([0xef, 0xbb, 0xbf], UTF8), 'utf-8'],
    ['UTF-16 LE with BOM', withBom([0xff, 0xfe], iconv.encode(TEXT, 'utf-16le')), 'utf-16le'],
    ['UTF-16 BE with BOM', withBom([0xfe, 0xff], iconv.encode(TEXT, 'utf-16be')), 'utf-16be'],
  ];

  it.each(encodings)('%s gives the same text as UTF-8', async (_name, bytes, encoding) => {
    const expected = await readDocument(UTF8, 'guofa-1981-088.md');
    const read = await readDocument(bytes, 'guofa-1981-088.md');
    expect(read.encoding).toBe(encoding);
    expect(read.text).toBe(expected.text);
    expect(read.text).toContain('*国发〔1981〕88号*\n\n各省、市、自治区人民政府，国务院有关部委、直属机构：');
  });

  it('reads a GB2312 web page by its declared charset', async () => {
    const page =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>' +
      '<body><p><strong>一、总体要求</strong></p><p>各地区要抓紧落实。</p></body></html>';
    const read = await readDocument(iconv.encode(page, 'gb2312'), 'page.htm');
    expect(read.format).toBe('html');
    expect(read.text).toBe('**一、总体要求**\n\n各地区要抓紧落实。\n');
  });

  it('counts the lines of a .md file as the user sees them, through comments and blank lines', async () => {
    const read = await readDocument(Buffer.from('\n\n<!-- a\nb -->\n\n# 标题\n\n\n\n正文。\n'), 'x.md');
    expect(read.text).toBe('# 标题\n\n正文。\n');
    expect(read.sourceLines).toEqual([6, 7, 10]);
  });

  it('reads a UTF-8 file cut in the middle of its last character as UTF-8, with a warning', async () => {
    const cut = UTF8.subarray(0, UTF8.length - 2);
    const read = await readDocument(cut, 'guofa-1981-088.md');
    expect(read.encoding).toBe('utf-8');
    expect(read.text).toContain('*国发〔1981〕88号*');
    expect(read.warnings).toEqual(['1 invalid UTF-8 byte sequence read as �']);
  });
});
