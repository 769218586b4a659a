/**
 * A small seeded pseudo-random generator (mulberry32, by Tommy Ettinger), so every random
 * choice in k-means — initial centres, silhouette samples — is reproducible from a seed and
 * stays the same across Excel recalculations. Not for cryptography.
 */

/** A source of uniform numbers in [0, 1), reproducible from its seed. */
export interface Random {
  /** Next uniform number in [0, 1), 53 random bits. */
  next(): number;
  /** Next whole number in [0, n). */
  int(n: number): number;
}

/**
 * A seeded generator: the same seed gives the same sequence on every platform.
 *
 * @example
 * const r = seededRandom(42);
 * r.next(); // a number in [0, 1), always the same for seed 42
 */
export function seededRandom(seed: number): Random {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const next32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
  return {
    next,
    int: (n: number) => Math.min(n - 1, Math.floor(next() * n)),
  };
}
