// Bounds what an uploaded XLSX may cost before any spreadsheet library parses it. An XLSX is a zip: a 2.4 MB
// upload can inflate to 90k rows and ~1 GB of parser memory. The zip's central directory is read first (no
// inflation), declared sizes and the entry count are checked against the limits below, then the parts are
// inflated by fflate into buffers of exactly their declared sizes (a zip that lies about a size cannot make
// it allocate more) and rows are counted in the XML. The parser then reads a copy rebuilt from those bytes.
import { unzipSync, zipSync } from 'fflate';

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

/**
 * Checks an XLSX upload against MAX_XLSX_UNCOMPRESSED_BYTES, MAX_XLSX_ENTRIES and MAX_SHEET_ROWS, and returns
 * the workbook re-zipped from the bounded parts (stored, not compressed) for the spreadsheet parser.
 * @throws XlsxLimitError naming the limit and the part that broke it; Error when the bytes are not a zip.
 */
export function boundedXlsx(upload: Uint8Array): Uint8Array {
  let entries = 0;
  let declared = 0;
  unzipSync(upload, {
    filter: (file) => {
      entries += 1;
      declared += file.originalSize;
      return false;
    },
  });
  if (entries > MAX_XLSX_ENTRIES)
    throw new XlsxLimitError(
      `The workbook holds ${entries} parts; at most ${MAX_XLSX_ENTRIES} are read. Save it again as a plain XLSX.`,
    );
  if (declared > MAX_XLSX_UNCOMPRESSED_BYTES)
    throw new XlsxLimitError(
      `The workbook unpacks to ${(declared / MB).toFixed(1)} MB; at most ${MAX_XLSX_UNCOMPRESSED_BYTES / MB} MB are read. Import one plan's ledger sheet, without other sheets or pictures.`,
    );
  const parts = unzipSync(upload);
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
