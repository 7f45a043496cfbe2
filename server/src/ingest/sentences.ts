// Splits text into sentences (measures) and clauses with offsets, never inside a matched pair of quotes or
// brackets: `提出“一口受理。一次发证”。` is one sentence. An opener that never closes protects nothing.
import type { Span } from './normalise.ts';

const PAIRS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '（': '）',
  '(': ')',
  '「': '」',
  '『': '』',
  '【': '】',
  '[': ']',
};
const CLOSERS = new Set(Object.values(PAIRS));

/** Offsets (inside `text`) that lie within a matched quote/bracket pair. */
function protectedMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  const stack: Array<{ close: string; at: number }> = [];
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    const close = PAIRS[char];
    if (close !== undefined) {
      stack.push({ close, at: i });
    } else if (CLOSERS.has(char)) {
      const index = stack.map((open) => open.close).lastIndexOf(char);
      if (index >= 0) {
        const open = stack[index];
        if (open) for (let j = open.at + 1; j < i; j += 1) mask[j] = true;
        stack.length = index;
      }
    }
  }
  return mask;
}

export interface TextPiece extends Span {
  text: string;
}

/** Cuts `text` (which starts at absolute offset `base`) after each delimiter outside quotes/brackets. */
function cut(text: string, base: number, delimiters: RegExp, keepDelimiter: boolean): TextPiece[] {
  const mask = protectedMask(text);
  const pieces: TextPiece[] = [];
  let from = 0;
  const push = (to: number, next: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s] ?? '')) s += 1;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
    if (e > s) pieces.push({ text: text.slice(s, e), start: base + s, end: base + e });
    from = next;
  };
  for (let i = 0; i < text.length; i += 1) {
    if (!mask[i] && delimiters.test(text[i] ?? '')) {
      let end = i + 1;
      // A closing quote right after the full stop belongs to the sentence it ends.
      while (end < text.length && CLOSERS.has(text[end] ?? '') && !mask[end]) end += 1;
      push(keepDelimiter ? end : i, end);
      i = end - 1;
    }
  }
  push(text.length, text.length);
  return pieces;
}

export function splitSentences(text: string, base = 0): TextPiece[] {
  return cut(text, base, /[。；！？!?;\n]/, true);
}

export function splitClauses(text: string, base = 0): TextPiece[] {
  return cut(text, base, /[。；！？!?;，,：:\n]/, false);
}
