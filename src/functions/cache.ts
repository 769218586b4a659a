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
 * A fingerprint of a range's contents: equal for equal contents; different contents collide only
 * when their shape, a 32-bit hash of every cell's exact content, a second hash of the cells that
 * are no numbers and the floating-point sum of the numbers all agree.
 *
 * @example
 * fingerprint([[1], [2]]) === fingerprint([[1], [2]]); // true
 * fingerprint([[1], [2]]) === fingerprint([[2], [1]]); // false
 */
export function fingerprint(rows: Matrix): string {
  let h = 0x811c9dc5 | 0;
  let other = 0x9747b28c | 0;
  let sum = 0;
  let cells = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    cells += row.length;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === 'number') {
        // the fast path: both 32-bit words of the number into the hash, the number into the sum
        f64[0] = cell;
        h = imul(imul(h ^ u32[0], 0x01000193) ^ u32[1], 0x01000193);
        sum += cell;
        continue;
      }
      const a = otherHash(cell);
      h = imul(h ^ a, 0x01000193);
      other = imul(((other << 13) | (other >>> 19)) ^ a ^ c, 0x5bd1e995) + r;
    }
  }
  return `${rows.length}x${cells}:${(h >>> 0).toString(36)}:${(other >>> 0).toString(36)}:${sum}`;
}

/** A 32-bit hash of a cell that is no number (text, boolean, blank, error). */
function otherHash(cell: unknown): number {
  if (typeof cell === 'boolean') return cell ? 0x1b873593 : 0x2545f491;
  if (cell === null || cell === undefined) return 0x68e31da4;
  const text = typeof cell === 'string' ? cell : `#error:${String((cell as { code?: unknown }).code ?? (cell as { error?: unknown }).error ?? '?')}`;
  let a = 0x5bd1e995 ^ text.length;
  for (let k = 0; k < text.length; k++) a = imul(a ^ text.charCodeAt(k), 0x01000193);
  return a;
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
