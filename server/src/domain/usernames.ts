// One account per name as people read it: `ED1`, `ed1` and full-width `ＥＤ１` are the same name. Names are
// compared by a key (Unicode NFKC, then case folded) while the display form keeps the case it was typed in.

/**
 * The form an account name is stored and shown in: NFKC-normalised (full-width letters and digits become
 * their ASCII forms, composed characters are composed), case kept, surrounding whitespace removed.
 */
export function displayUsername(name: string): string {
  return name.normalize('NFKC').trim();
}

/**
 * The key two names are compared by: NFKC, case folded, NFKC again — the Unicode Standard's compatibility
 * caseless match (§3.13, D146). JavaScript has no full case folding; upper- then lower-casing gives it for
 * the letters names use (`ß` and `SS` fold alike, Greek final sigma folds to σ, as in CaseFolding.txt).
 */
export function usernameKey(name: string): string {
  return displayUsername(name).toUpperCase().toLowerCase().normalize('NFKC');
}
