// Whatever bytes a user points the importer at, reading either gives a document or refuses with an
// ImportInputError naming the file: never another exception, which would surface as a stack trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportInputError } from '../../../server/src/ingest/errors.ts';
import { readDocument } from '../../../server/src/ingest/read/read-document.ts';

const PREFIXES = [
  [],
  [0x50, 0x4b, 0x03, 0x04],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xef, 0xbb, 0xbf],
  [0x89, 0x50, 0x4e, 0x47],
].map((bytes) => new Uint8Array(bytes));

const pieces = fc.constantFrom(
  '<p>',
  '</p>',
  '<br>',
  '<table><tr><td>',
  '</td>',
  '<strong>',
  '**',
  '*',
  '|',
  '一、',
  '\n\n',
  '&nbsp;',
  '-->',
);
/** Free text without `<`: a stray `<!--` or `<?` hides the rest of a page, in a browser as here. */
const freeText = fc.string().map((text) => text.replace(/</g, '＜'));
const markupLike = fc.array(fc.oneof(pieces, freeText), { maxLength: 30 }).map((parts) => parts.join(''));

async function outcome(bytes: Uint8Array, file: string): Promise<'read' | 'refused'> {
  try {
    const read = await readDocument(bytes, file);
    expect(read.text.endsWith('\n')).toBe(true);
    return 'read';
  } catch (error) {
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as ImportInputError).message.startsWith(`${file}: `)).toBe(true);
    return 'refused';
  }
}

describe('reading arbitrary input', () => {
  it('reads or refuses arbitrary bytes behind any magic number', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PREFIXES),
        fc.uint8Array({ maxLength: 200 }),
        async (prefix, rest) => {
          const bytes = new Uint8Array([...prefix, ...rest]);
          await outcome(bytes, 'input.docx');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads any markup-like text that has a visible character', async () => {
    await fc.assert(
      fc.asyncProperty(markupLike, fc.constantFrom('a.md', 'a.html', 'a.txt'), async (text, file) => {
        const result = await outcome(new TextEncoder().encode(`${text}\n正文。`), file);
        expect(result).toBe('read');
      }),
      { numRuns: 300 },
    );
  });
});
