// Reads a .docx through mammoth into HTML, with bold and italic runs kept, so that Word documents take the
// same path as web pages (html-reader.ts). Runs set in 楷体 or 黑体 count as italic or bold, as in HTML.
import mammoth from 'mammoth';
import { htmlToMarkup } from './html-reader.ts';

/** The part of mammoth's document model this reader looks at (mammoth does not export these types). */
interface DocxElement {
  type: string;
  children?: DocxElement[];
  font?: string | null;
  isBold?: boolean;
  isItalic?: boolean;
}

const ITALIC_FONT = /楷体|楷书|kaiti/i;
const BOLD_FONT = /黑体|heiti|simhei/i;

function emphasiseFonts(element: DocxElement): DocxElement {
  const children = element.children?.map(emphasiseFonts);
  const font = element.type === 'run' ? (element.font ?? '') : '';
  return {
    ...element,
    ...(children ? { children } : {}),
    ...(ITALIC_FONT.test(font) ? { isItalic: true } : {}),
    ...(BOLD_FONT.test(font) ? { isBold: true } : {}),
  };
}

/** Style warnings say mammoth met a Word style it has no mapping for; the text is read all the same. */
const STYLE_NOISE = /^Unrecognised (paragraph|run|table) style/;

/** Word's automatic numbering is not text: mammoth keeps the list, not its numbers (一、 （一） 1. …). */
const AUTO_NUMBERING =
  "some paragraphs are numbered by Word's automatic numbering, whose numbers (一、 （一） 1. …) are not in the text: " +
  'the outline may miss those parts; type the numbers in, or save the document as HTML from Word and import that';

export interface DocxMarkup {
  markup: string;
  /** Mammoth's messages about content it could not convert (images, fields …). */
  warnings: string[];
}

/** Converts a Word document; rejects with mammoth's error when the zip's word/document.xml is unreadable. */
export async function docxToMarkup(bytes: Uint8Array): Promise<DocxMarkup> {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    { transformDocument: emphasiseFonts, ignoreEmptyParagraphs: true },
  );
  const warnings = [
    ...new Set(result.messages.map((m) => m.message).filter((message) => !STYLE_NOISE.test(message))),
  ];
  if (/<li[\s>]/.test(result.value)) warnings.push(AUTO_NUMBERING);
  return { markup: htmlToMarkup(result.value), warnings };
}
