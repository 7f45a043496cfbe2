// Deterministic layouts: force-directed layouts (fcose) draw their starting positions with Math.random, so
// the same plan came out differently on every load. Running a layout with Math.random replaced by a PRNG
// seeded from the plan and the layout makes the same URL give the same picture on every load and machine.

/** FNV-1a over UTF-16 code units: a 32-bit seed from any string. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32 (Tommy Ettinger's public-domain 32-bit PRNG): uniform numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `run` (synchronously) with Math.random drawing from a PRNG seeded by `seed`, then restores it. */
export function withSeededRandom<T>(seed: string, run: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(hashSeed(seed));
  try {
    return run();
  } finally {
    Math.random = original;
  }
}
