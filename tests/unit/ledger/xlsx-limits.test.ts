// A spreadsheet upload is bounded before it is parsed: a small XLSX that inflates to a huge sheet (declared
// honestly, or lying about its size) or to too many rows is refused quickly and cheaply, and a formula cell
// without a stored value is an error that names its sheet and cell.
import ExcelJS from 'exceljs';
import { Zip, ZipDeflate } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../../server/src/ledger/spreadsheet-import.ts';
import { MAX_SHEET_ROWS, MAX_XLSX_UNCOMPRESSED_BYTES } from '../../../server/src/ledger/xlsx-limits.ts';

const PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

const ROW = (n: number) =>
  `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>harbin-2016:task:${n}</t></is></c><c r="B${n}" t="inlineStr"><is><t>推进中</t></is></c><c r="C${n}"><v>40</v></c><c r="D${n}" t="inlineStr"><is><t>${'进展情况'.repeat(20)}</t></is></c></row>`;

/**
 * A real XLSX whose one sheet has `rows` rows, deflated as it is generated so that building it costs little
 * memory; the result is a few hundred kB however large the sheet.
 */
function xlsxBomb(rows: number, row: (n: number) => string = ROW): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const encoder = new TextEncoder();
  for (const [name, text] of Object.entries(PARTS)) {
    const part = new ZipDeflate(name, { level: 6 });
    zip.add(part);
    part.push(encoder.encode(text), true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(
    encoder.encode(
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
  );
  for (let start = 1; start <= rows; start += 1000) {
    const block: string[] = [];
    for (let n = start; n < Math.min(start + 1000, rows + 1); n += 1) block.push(row(n));
    sheet.push(encoder.encode(block.join('')));
  }
  sheet.push(encoder.encode('</sheetData></worksheet>'), true);
  zip.end();
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The same zip with every central-directory entry claiming `size` uncompressed bytes. */
function lyingAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i += 1)
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

/** Bytes allocated on the JS heap and in buffers (garbage included, as nothing forces a collection). */
const allocated = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

/**
 * Reads the upload, expecting a refusal: the error, the time taken, and the extra memory — the larger of
 * the growth of the process's peak RSS and of its heap and buffers.
 */
async function refusal(upload: Uint8Array) {
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const heapBefore = allocated();
  const started = performance.now();
  const error = await readXlsxRows(Buffer.from(upload)).then(
    () => null,
    (e: unknown) => e,
  );
  const ms = performance.now() - started;
  const extra = Math.max(process.resourceUsage().maxRSS * 1024 - rssBefore, allocated() - heapBefore);
  return { error: error as Error | null, ms, extraMb: extra / 1024 / 1024 };
}

describe('XLSX upload limits', () => {
  // 90,000 rows, as in the report: ~36 MB of sheet XML in a file of a few hundred kB.
  let bomb: Uint8Array;
  beforeAll(() => {
    bomb = xlsxBomb(90_000);
  }, 60_000);

  it('refuses a small file that inflates to a huge sheet within 2 s and 100 MB', async () => {
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const { error, ms, extraMb } = await refusal(bomb);
    expect(error?.name).toBe('SheetError');
    expect(error?.message).toMatch(
      new RegExp(`unpacks to \\d+\\.\\d MB; at most ${MAX_XLSX_UNCOMPRESSED_BYTES / 1024 / 1024} MB`),
    );
    expect(ms).toBeLessThan(2000);
    expect(extraMb).toBeLessThan(100);
    process.stderr.write(
      `XLSX bomb (${bomb.length} bytes): refused in ${ms.toFixed(0)} ms, +${extraMb.toFixed(1)} MB memory\n`,
    );
  });

  it('refuses the same sheet when the zip lies about its sizes, without inflating it', async () => {
    const { error, ms, extraMb } = await refusal(lyingAboutSizes(bomb, 1000));
    expect(error?.name).toBe('SheetError');
    expect(error?.message).toContain('does not match the zip');
    expect(ms).toBeLessThan(2000);
    expect(extraMb).toBeLessThan(100);
    process.stderr.write(
      `lying XLSX bomb: refused in ${ms.toFixed(0)} ms, +${extraMb.toFixed(1)} MB memory\n`,
    );
  });

  it('refuses a sheet with more rows than a ledger can have, naming the limit', async () => {
    const { error } = await refusal(xlsxBomb(MAX_SHEET_ROWS + 1, (n) => `<row r="${n}"/>`));
    expect(error?.message).toContain(`has ${MAX_SHEET_ROWS + 1} rows; at most ${MAX_SHEET_ROWS}`);
  });

  it('reads a workbook within the limits', async () => {
    const rows = await readXlsxRows(Buffer.from(xlsxBomb(300)));
    expect(rows).toHaveLength(300);
    expect(rows[299]?.slice(0, 3)).toEqual(['harbin-2016:task:300', '推进中', 40]);
  });
});

describe('formula cells', () => {
  async function workbookWith(cell: ExcelJS.CellValue): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['任务编号 Task ID', '状态 Status']);
    sheet.getCell('F12').value = cell;
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('names the sheet and cell of a formula without a stored value', async () => {
    const upload = await workbookWith({ formula: 'B2&"%"' } as ExcelJS.CellFormulaValue);
    await expect(readXlsxRows(upload)).rejects.toThrow(
      'Sheet 台账, cell F12: a formula without a stored value — open and save the file in a spreadsheet program, or type the value.',
    );
  });

  it('reads the stored value of a formula that has one', async () => {
    const upload = await workbookWith({ formula: '20+20', result: 40 } as ExcelJS.CellFormulaValue);
    const rows = await readXlsxRows(upload);
    expect(rows[11]?.[5]).toBe(40);
  });
});
