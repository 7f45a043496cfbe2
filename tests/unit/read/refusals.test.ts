// Only input that holds no readable document is refused, and the message names the file and says why, so a
// user importing a folder knows which file to fix and how.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportInputError } from '../../../server/src/ingest/errors.ts';
import { readDocument } from '../../../server/src/ingest/read/read-document.ts';
import { markdownToDocx } from './_from-markdown.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function refusal(bytes: Uint8Array, file: string): Promise<string> {
  const error = await readDocument(bytes, file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportInputError);
  return (error as ImportInputError).message;
}

describe('refused input', () => {
  it('an empty file', async () => {
    expect(await refusal(new Uint8Array(), 'plans/empty.md')).toBe('plans/empty.md: empty file');
  });

  it('a file of blank lines only', async () => {
    expect(await refusal(Buffer.from('\n \n\u3000\n'), 'blank.txt')).toMatch(/^blank\.txt: empty file/);
  });

  it('a PNG renamed .md', async () => {
    expect(await refusal(PNG, 'scan.md')).toBe('scan.md: binary content (looks like PNG)');
  });

  it('a 0-byte .docx', async () => {
    expect(await refusal(new Uint8Array(), 'plan.docx')).toBe('plan.docx: empty file');
  });

  it('a zip that is not a Word document', async () => {
    const zip = zipSync({ 'notes.txt': Buffer.from('你好'), 'data/a.csv': Buffer.from('1,2') });
    expect(await refusal(zip, 'plan.docx')).toMatch(
      /^plan\.docx: not a Word document: the zip holds no word\/document\.xml \(it holds notes\.txt, data\/a\.csv\)$/,
    );
  });

  it('a Word file cut short in transfer', async () => {
    const docx = await markdownToDocx('# 标题\n\n正文。\n');
    expect(await refusal(docx.subarray(0, docx.length / 2), 'cut.docx')).toMatch(
      /^cut\.docx: not a Word document: /,
    );
  });

  it('bytes with NUL characters and no UTF-16 byte-order mark', async () => {
    expect(await refusal(Buffer.from([0x41, 0x00, 0x42, 0x00, 0x0a, 0x00]), 'odd.txt')).toMatch(
      /^odd\.txt: binary content/,
    );
  });
});

describe('the format follows the content, not the name', () => {
  it('reads a Word file named .md as Word', async () => {
    const docx = await markdownToDocx('**一、总体要求**\n\n*坚持问题导向。*针对突出问题开展抽查。\n');
    const read = await readDocument(docx, 'renamed.md');
    expect(read.format).toBe('docx');
    expect(read.text).toBe('**一、总体要求**\n\n*坚持问题导向。*针对突出问题开展抽查。\n');
  });

  it('reads a web page saved as .txt as HTML', async () => {
    const read = await readDocument(Buffer.from('<p><b>一、总体要求</b></p>\n<p>正文。</p>\n'), 'page.txt');
    expect(read.format).toBe('html');
    expect(read.text).toBe('**一、总体要求**\n\n正文。\n');
  });

  it('reads Markdown that mentions a tag as Markdown', async () => {
    const markdown = '# 说明\n\n网页正文放在 <p> 元素中。\n\n**一、要求**\n\n正文。\n';
    const read = await readDocument(Buffer.from(markdown), 'notes.md');
    expect(read.format).toBe('markdown');
    expect(read.text).toBe(markdown);
  });
});

describe('Markdown with an HTML comment', () => {
  it('stays Markdown when only its comment holds tags, and the comment is dropped', async () => {
    const markdown = '<!-- converted: <p> → paragraph,\n<strong> → ** -->\n\n**一、要求**\n\n正文。\n';
    const read = await readDocument(Buffer.from(markdown), 'converted.md');
    expect(read.format).toBe('markdown');
    expect(read.text).toBe('**一、要求**\n\n正文。\n');
  });
});
