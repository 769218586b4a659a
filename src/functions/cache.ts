/**
 * The population cache: cut points computed from a population, keyed by the population's
 * contents, so the per-row form (`=TIER.ABC_CLASS(D2, $D$2:$D$5000)` filled down) sorts the
 * population once instead of once per row.
 *
 * Excel hands every call a fresh copy of the range, so the key is a fingerprint of the cells
 * themselves: two independent 32-bit hashes over every cell's exact content (a number's 64 bits,
 * a text's characters, a tag for blanks, booleans and errors) plus the range's shape. One pass,
 * no allocation, no sorting. A small LRU keeps the last few populations.
 */
import type { Matrix } from './args';

/** How many populations the cache keeps. */
export const CACHE_SIZE = 8;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Bound once: a global lookup per cell is slow where globals are intercepted (Node's vm contexts). */
const imul = Math.imul;

/**
 * A fingerprint of a range's contents: equal for equal contents, different (with odds of
 * about 2⁻⁶⁴ per pair) otherwise.
 *
 * @example
 * fingerprint([[1], [2]]) === fingerprint([[1], [2]]); // true
 * fingerprint([[1], [2]]) === fingerprint([[2], [1]]); // false
 */
export function fingerprint(rows: Matrix): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9747b28c | 0;
  let cells = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      let a: number;
      let b: number;
      if (typeof cell === 'number') {
        f64[0] = cell;
        a = u32[0];
        b = u32[1];
      } else if (typeof cell === 'string') {
        a = 0x5bd1e995 ^ cell.length;
        b = 0x27d4eb2f;
        for (let k = 0; k < cell.length; k++) {
          a = imul(a ^ cell.charCodeAt(k), 0x01000193);
          b = imul(b + cell.charCodeAt(k), 0x85ebca6b);
        }
      } else if (typeof cell === 'boolean') {
        a = cell ? 0x1b873593 : 0x2545f491;
        b = 0x7feb352d;
      } else if (cell === null || cell === undefined) {
        a = 0x68e31da4;
        b = 0x3c6ef372;
      } else {
        const code = String((cell as { code?: unknown; error?: unknown }).code ?? (cell as { error?: unknown }).error ?? '?');
        a = 0x6a09e667 ^ code.length;
        b = 0x510e527f;
        for (let k = 0; k < code.length; k++) a = imul(a ^ code.charCodeAt(k), 0x01000193);
      }
      h1 = imul(h1 ^ a, 0x01000193);
      h1 = imul(h1 ^ b, 0x01000193);
      h2 = imul((h2 ^ b) + 0x632be5ab, 0xcc9e2d51);
      h2 = imul(((h2 << 15) | (h2 >>> 17)) ^ a, 0x1b873593);
      cells++;
    }
  }
  return `${rows.length}x${cells}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

/** Results derived from one population (cut points per method and options). */
type Derived = Map<string, unknown>;

/** A least-recently-used cache of what was derived from recent populations. */
export class PopulationCache {
  private readonly entries = new Map<string, Derived>();
  /** Derivations computed (cache misses); for tests and the benchmark. */
  computed = 0;

  constructor(private readonly size = CACHE_SIZE) {}

  /**
   * What `derive` returns for this population and key, computed at most once while cached.
   *
   * @example
   * cache.get(rows, "abc|0.8|0.95", (r) => abcCuts(populationNumbers(flatten(r))));
   */
  get<T>(rows: Matrix, key: string, derive: (rows: Matrix) => T): T {
    const id = fingerprint(rows);
    let derived = this.entries.get(id);
    if (derived) {
      this.entries.delete(id); // move to the most recent end
      this.entries.set(id, derived);
      if (derived.has(key)) return derived.get(key) as T;
    }
    const value = derive(rows);
    if (!derived) {
      derived = new Map();
      this.entries.set(id, derived);
      if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    }
    derived.set(key, value);
    this.computed++;
    return value;
  }

  /** Forgets every population. */
  clear(): void {
    this.entries.clear();
  }
}

/** The cache the functions share. */
export const populationCache = new PopulationCache();
