// Pinyin of a Chinese name, syllable by character, so a pinyin match can be mapped back onto the characters
// it came from (for highlighting) and computed for nodes imported without pinyin properties.
import { pinyin } from 'pinyin-pro';

export interface NamePinyin {
  chars: string[];
  /** Lower-case toneless syllable per character; empty for characters that are not letters or Chinese. */
  syllables: string[];
  full: string;
  initials: string;
}

function clean(syllable: string): string {
  return syllable.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function namePinyin(name: string): NamePinyin {
  const chars = Array.from(name);
  let syllables = pinyin(name, { toneType: 'none', type: 'array' });
  // Whole-string conversion picks readings of polyphones from context; fall back per character if it
  // does not line up with the characters.
  if (syllables.length !== chars.length) {
    syllables = chars.map((char) => pinyin(char, { toneType: 'none', type: 'array' })[0] ?? '');
  }
  const cleaned = syllables.map(clean);
  return {
    chars,
    syllables: cleaned,
    full: cleaned.join(''),
    initials: cleaned.map((s) => s.slice(0, 1)).join(''),
  };
}

/**
 * The character range [from, to) of `name` that a pinyin query covers, matching full syllables, syllable
 * initials, or a mix of whole syllables and a final prefix; null when it does not.
 */
export function pinyinSpan(py: NamePinyin, query: string): { from: number; to: number } | null {
  for (let from = 0; from < py.syllables.length; from++) {
    let rest = query;
    let to = from;
    while (rest.length > 0 && to < py.syllables.length) {
      const syllable = py.syllables[to] ?? '';
      if (syllable === '') break;
      if (rest.startsWith(syllable)) rest = rest.slice(syllable.length);
      else if (syllable.startsWith(rest)) rest = '';
      else if (rest[0] === syllable[0]) rest = rest.slice(1);
      else break;
      to++;
    }
    if (rest.length === 0 && to > from) return { from, to };
  }
  return null;
}
