// Bytes → text for plain-text and HTML input: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and the
// legacy Chinese encodings older government files use (GB2312/GBK/GB18030, Big5), detected with chardet and
// decoded with iconv-lite. Anything that does not decode to text is refused as binary.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, in iconv-lite's spelling (`utf-8`, `utf-16le`, `gb18030` …). */
  encoding: string;
  /** Set when a few bytes of an otherwise UTF-8 file were invalid and read as U+FFFD. */
  warning?: string;
}

/** At most this share of a file's non-ASCII characters may be broken for it to count as damaged UTF-8. */
const DAMAGED_UTF8_SHARE = 0.01;

/**
 * UTF-8 with a few invalid bytes (a file cut mid-character, one stray byte) rather than another encoding:
 * legacy encodings decoded as UTF-8 break nearly every Chinese character, damaged UTF-8 only a handful.
 */
function damagedUtf8(bytes: Uint8Array): DecodedText | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let broken = 0;
  let nonAscii = 0;
  for (const char of text) {
    if (char === '\ufffd') broken += 1;
    if (char.charCodeAt(0) > 0x7f) nonAscii += 1;
  }
  if (broken === 0 || broken > nonAscii * DAMAGED_UTF8_SHARE) return null;
  const warning = `${broken} invalid UTF-8 byte sequence${broken === 1 ? '' : 's'} read as �`;
  return { text, encoding: 'utf-8', warning };
}

/** Why bytes are not text; the reader turns it into an ImportInputError naming the file. */
export class UndecodableError extends Error {}

/** GB2312 and GBK are subsets of GB18030: decoding with the superset never loses a character. */
const SUPERSET: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  big5: 'big5',
};

/** East Asian encodings, tried before chardet's single-byte guesses (which decode any bytes, wrongly). */
const CJK = /^(gb|big5|euc|shift_jis|iso-2022)/;

function hasBom(bytes: Uint8Array, ...bom: number[]): boolean {
  return bom.every((byte, i) => bytes[i] === byte);
}

/** C0 control characters other than tab, line feed, form feed and carriage return: not in a text file. */
function controlShare(text: string): number {
  let controls = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0xfffd)
      controls += 1;
  }
  return text.length === 0 ? 0 : controls / text.length;
}

function checked(text: string, encoding: string): DecodedText {
  if (text.includes('\u0000') || controlShare(text) > 0.01) {
    throw new UndecodableError(`binary content (control characters when read as ${encoding})`);
  }
  return { text, encoding };
}

/** An encoding named in an HTML `<meta charset>` or `content="…; charset=…"` near the top of the bytes. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const name = match?.[1]?.toLowerCase();
  return name && iconv.encodingExists(name) ? name : null;
}

/**
 * Decodes text bytes. A BOM decides; else valid UTF-8 (or UTF-8 with a handful of broken bytes, with a
 * warning) is UTF-8; else an HTML page's declared charset, then
 * chardet's best legacy guess (GB18030 family or Big5 preferred, as they are what Chinese documents use).
 * Throws UndecodableError when the bytes are not text in any of these.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (hasBom(bytes, 0xef, 0xbb, 0xbf)) return checked(buffer.subarray(3).toString('utf8'), 'utf-8');
  if (hasBom(bytes, 0xff, 0xfe)) return checked(iconv.decode(buffer.subarray(2), 'utf-16le'), 'utf-16le');
  if (hasBom(bytes, 0xfe, 0xff)) return checked(iconv.decode(buffer.subarray(2), 'utf-16be'), 'utf-16be');
  if (bytes.includes(0)) throw new UndecodableError('binary content (NUL bytes)');
  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch (error) {
    if (error instanceof UndecodableError) throw error;
  }
  const damaged = damagedUtf8(bytes);
  if (damaged) return damaged;
  const ranked = chardet.analyse(bytes).map((match) => match.name.toLowerCase());
  const guesses = [
    declaredCharset(bytes),
    ...ranked.filter((name) => CJK.test(name)),
    'gb18030',
    ...ranked.filter((name) => !CJK.test(name)),
  ];
  for (const guess of guesses) {
    const encoding = guess ? (SUPERSET[guess] ?? guess) : null;
    if (!encoding || encoding.startsWith('utf') || !iconv.encodingExists(encoding)) continue;
    const text = iconv.decode(buffer, encoding);
    if (!text.includes('\ufffd') && controlShare(text) === 0) return { text, encoding };
  }
  throw new UndecodableError('not decodable as UTF-8, UTF-16 or a Chinese legacy encoding (GB18030, Big5)');
}
