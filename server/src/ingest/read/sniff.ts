// Decides what a file is from its bytes: a Word document (a zip holding word/document.xml), an HTML page,
// or text/Markdown; and recognises binary files (images, PDF, old .doc, other archives) to refuse them by name.
// The file's extension only breaks ties, since users rename files and sites serve .htm pages as .doc.
import { unzipSync } from 'fflate';

export const DocumentFormat = {
  markdown: 'markdown',
  text: 'text',
  html: 'html',
  docx: 'docx',
} as const;
export type DocumentFormat = (typeof DocumentFormat)[keyof typeof DocumentFormat];

/** Magic numbers of binary formats users mistake for documents, with the name a user recognises. */
const MAGIC: Array<{ bytes: number[]; name: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'PNG' },
  { bytes: [0xff, 0xd8, 0xff], name: 'JPEG' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'GIF' },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'PDF' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Word .doc or Excel .xls; save it as .docx' },
  { bytes: [0x1f, 0x8b], name: 'gzip' },
  { bytes: [0x52, 0x61, 0x72, 0x21], name: 'RAR' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], name: '7z' },
];

/** The name of the binary format the bytes start with, or null. */
export function binaryKind(bytes: Uint8Array): string | null {
  return MAGIC.find(({ bytes: magic }) => magic.every((byte, i) => bytes[i] === byte))?.name ?? null;
}

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6)
  );
}

/**
 * Why a zip is not a Word document, or null when it is one (it holds word/document.xml).
 * Lists the entries without inflating them.
 */
export function notWordReason(bytes: Uint8Array): string | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch (error) {
    return `not a Word document: unreadable zip (${error instanceof Error ? error.message : String(error)})`;
  }
  if (names.includes('word/document.xml')) return null;
  if (names.some((name) => name.startsWith('xl/')))
    return 'not a Word document: looks like an Excel workbook';
  if (names.includes('content.xml'))
    return 'not a Word document: looks like an OpenDocument file; save it as .docx';
  const shown = names.slice(0, 3).join(', ') || 'nothing';
  return `not a Word document: the zip holds no word/document.xml (it holds ${shown}${names.length > 3 ? ', …' : ''})`;
}

const PAGE = /<!doctype\s+html|<html[\s>]|<body[\s>]/i;
const BLOCK_TAG = /<(?:p|div|table|tr|td|th|strong|b|em|span|font|br|h[1-6])(?:\s[^>]*)?\/?>/gi;

/** HTML or text, for bytes already decoded: content first, the extension only when the content is mixed. */
export function textFormat(decoded: string, fileName: string): DocumentFormat {
  const text = decoded.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const plain = extension === 'txt' ? DocumentFormat.text : DocumentFormat.markdown;
  if (PAGE.test(text)) return DocumentFormat.html;
  const tags = text.match(BLOCK_TAG)?.length ?? 0;
  if (tags === 0) return plain;
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return DocumentFormat.html;
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const markupLines = lines.filter((line) => /^\s*</.test(line)).length;
  const textExtension = ['md', 'markdown', 'txt', 'text'].includes(extension);
  return markupLines * 2 >= lines.length || !textExtension ? DocumentFormat.html : plain;
}
