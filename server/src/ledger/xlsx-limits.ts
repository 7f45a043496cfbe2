// Bounds what an uploaded XLSX may cost before any spreadsheet library parses it. An XLSX is a zip: a 2.4 MB
// upload can inflate to 90k rows and ~1 GB of parser memory. The zip's central directory is read first (no
// inflation), declared sizes and the entry count are checked against the limits below, then the parts are
// inflated in small steps and stopped as soon as one grows past its declared size (a zip that lies about a
// size costs no more than an honest one), and rows are counted in the XML. The parser then reads a copy
// rebuilt from exactly those bytes.
import { Unzip, UnzipInflate, unzipSync, zipSync } from 'fflate';

/** Most uncompressed bytes of all parts together (the sheet XML, shared strings, styles …). */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024;
/** Most parts (files) in the zip; a ledger workbook has about a dozen. */
export const MAX_XLSX_ENTRIES = 500;
/** Most `<row>` elements in any one worksheet: a ledger has one row per task, plans have hundreds. */
export const MAX_SHEET_ROWS = 10_000;

export class XlsxLimitError extends Error {
  override name = 'XlsxLimitError';
}

const MB = 1024 * 1024;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** `<row` or a namespace-prefixed `<x:row`, followed by a space, `>` or `/`. */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s/>]/g;

function countRows(xml: Uint8Array): number {
  const text = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString('latin1');
  let rows = 0;
  ROW_TAG.lastIndex = 0;
  while (ROW_TAG.exec(text) !== null) rows += 1;
  return rows;
}

/** Compressed bytes handed to the inflater at a time: one step inflates to at most ~16 MB. */
const STEP = 16 * 1024;

function damaged(name: string): XlsxLimitError {
  return new XlsxLimitError(
    `The workbook is damaged: its part ${name} does not match the zip's directory. Save it again from a spreadsheet program.`,
  );
}

function joined(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Inflates the parts the directory lists, each stopped (and refused) once it outgrows its declared size. */
function inflateDeclared(upload: Uint8Array, declared: Map<string, number>): Record<string, Uint8Array> {
  const parts: Record<string, Uint8Array> = {};
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    const limit = declared.get(file.name);
    if (limit === undefined) return; // a part the directory does not list is never read, here or by exceljs
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      size += chunk.length;
      if (error || size > limit) {
        failure = error ?? damaged(file.name);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) parts[file.name] = joined(chunks, size);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < upload.length && !failure; at += STEP)
    unzip.push(upload.subarray(at, at + STEP), at + STEP >= upload.length);
  if (failure) throw failure;
  for (const [name, size] of declared) if (!parts[name] && size > 0) throw damaged(name);
  return parts;
}

/**
 * Checks an XLSX upload against MAX_XLSX_UNCOMPRESSED_BYTES, MAX_XLSX_ENTRIES and MAX_SHEET_ROWS, and returns
 * the workbook re-zipped from the bounded parts (stored, not compressed) for the spreadsheet parser.
 * @throws XlsxLimitError naming the limit and the part that broke it; Error when the bytes are not a zip.
 */
export function boundedXlsx(upload: Uint8Array): Uint8Array {
  const declared = new Map<string, number>();
  let total = 0;
  unzipSync(upload, {
    filter: (file) => {
      declared.set(file.name, file.originalSize);
      total += file.originalSize;
      return false;
    },
  });
  if (declared.size > MAX_XLSX_ENTRIES)
    throw new XlsxLimitError(
      `The workbook holds ${declared.size} parts; at most ${MAX_XLSX_ENTRIES} are read. Save it again as a plain XLSX.`,
    );
  if (total > MAX_XLSX_UNCOMPRESSED_BYTES)
    throw new XlsxLimitError(
      `The workbook unpacks to ${(total / MB).toFixed(1)} MB; at most ${MAX_XLSX_UNCOMPRESSED_BYTES / MB} MB are read. Import one plan's ledger sheet, without other sheets or pictures.`,
    );
  const parts = inflateDeclared(upload, declared);
  for (const [name, data] of Object.entries(parts)) {
    if (!WORKSHEET.test(name)) continue;
    const rows = countRows(data);
    if (rows > MAX_SHEET_ROWS)
      throw new XlsxLimitError(
        `The worksheet ${name} has ${rows} rows; at most ${MAX_SHEET_ROWS} are read. Delete the rows below the ledger.`,
      );
  }
  return zipSync(parts, { level: 0 });
}
