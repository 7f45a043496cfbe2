// The first stage of the import pipeline: any supported file's bytes → the canonical lightweight markup the
// normaliser reads (markup.ts), whatever the format. Refuses only what holds no readable document.
import { ImportInputError } from '../errors.ts';
import { decodeText, UndecodableError } from './decode-text.ts';
import { docxToMarkup } from './docx-reader.ts';
import { htmlToMarkup } from './html-reader.ts';
import { canonicalize } from './markup.ts';
import { binaryKind, DocumentFormat, isZip, notWordReason, textFormat } from './sniff.ts';

export { DocumentFormat } from './sniff.ts';

export interface ReadDocument {
  /** Canonical markup: blocks separated by one blank line, `**bold**`, `*italic*`, `#` headings, pipe tables. */
  text: string;
  /** What the content was read as (decided by content; the extension only breaks ties). */
  format: DocumentFormat;
  /** The text encoding of .md/.txt/.html input (`utf-8`, `utf-16le`, `gb18030` …); null for .docx. */
  encoding: string | null;
  /**
   * For .md/.txt input, the 1-based source line of each line of `text` (index 0 = line 1), so that messages
   * can name the line a user sees in the file; null for HTML and Word input, whose lines are the markup's own.
   */
  sourceLines: number[] | null;
  /** Things the reader could not carry over (e.g. an image in a Word document), for the import summary. */
  warnings: string[];
}

function refuse(fileName: string, reason: string): ImportInputError {
  return new ImportInputError([{ file: fileName, line: null, message: reason }]);
}

async function readDocx(bytes: Uint8Array, fileName: string): Promise<ReadDocument> {
  const notWord = notWordReason(bytes);
  if (notWord) throw refuse(fileName, notWord);
  const converted = await docxToMarkup(bytes).catch((error: unknown) => {
    throw refuse(fileName, `not a Word document: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (converted.markup === '') throw refuse(fileName, 'empty file (the Word document holds no text)');
  return {
    text: converted.markup,
    format: DocumentFormat.docx,
    encoding: null,
    sourceLines: null,
    warnings: converted.warnings,
  };
}

/**
 * Reads a document's bytes. `fileName` names the file in errors and breaks format ties by its extension.
 * Throws ImportInputError (one problem, line null) for empty input, binary input ("binary content (looks
 * like PNG)"), undecodable text, and a zip that is not a readable Word document ("not a Word document: …").
 */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<ReadDocument> {
  if (bytes.length === 0) throw refuse(fileName, 'empty file');
  if (isZip(bytes)) return readDocx(bytes, fileName);
  const binary = binaryKind(bytes);
  if (binary) throw refuse(fileName, `binary content (looks like ${binary})`);
  let decoded: ReturnType<typeof decodeText>;
  try {
    decoded = decodeText(bytes);
  } catch (error) {
    if (error instanceof UndecodableError) throw refuse(fileName, error.message);
    throw error;
  }
  const format = textFormat(decoded.text, fileName);
  const canonical =
    format === DocumentFormat.html
      ? { text: htmlToMarkup(decoded.text), sourceLines: null }
      : canonicalize(decoded.text);
  if (canonical.text === '') throw refuse(fileName, 'empty file (no text)');
  const warnings = decoded.warning ? [decoded.warning] : [];
  return { ...canonical, format, encoding: decoded.encoding, warnings };
}
