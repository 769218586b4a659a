/**
 * Typed columns: cells coerced in one pass into typed arrays, with a per-row reason code for
 * every rejected cell, so adapters can say "row 1,204: blank customer id".
 */
import { type Cell, errorCode, keyText } from './cells';
import { type Coerced, type DateOptions, type RejectReason, coerceDate, coerceNumber, inferDateOrder } from './coerce';

/** Reasons a row can be skipped; index 0 means "kept". */
export const SKIP_REASONS = [
  'ok',
  'blank',
  'error',
  'boolean',
  'not-a-number',
  'not-a-date',
  'date-out-of-range',
  'return',
  'cancellation',
  'after-as-of',
] as const;

/** Why a row was skipped. */
export type SkipReason = Exclude<(typeof SKIP_REASONS)[number], 'ok'>;

/** Index of a reason in {@link SKIP_REASONS}. */
export function reasonIndex(reason: SkipReason | RejectReason): number {
  return SKIP_REASONS.indexOf(reason);
}

/** A numeric column (amounts, values, or dates as day numbers). NaN marks a rejected cell. */
export interface NumberColumn {
  values: Float64Array;
  /** Per row, an index into {@link SKIP_REASONS}; null when every cell was accepted. */
  reasons: Uint8Array | null;
}

/** A key column (customer ids, invoice numbers) as dictionary codes; -1 marks a rejected cell. */
export interface KeyColumn {
  codes: Int32Array;
  /** The distinct keys, indexed by code, in order of first appearance. */
  keys: string[];
  reasons: Uint8Array | null;
}

/**
 * Coerces cells to numbers.
 *
 * @example
 * numberColumn([1, "2,000", "", "#N/A"]).values; // Float64Array [1, 2000, NaN, NaN]
 */
export function numberColumn(cells: ArrayLike<Cell>): NumberColumn {
  const n = cells.length;
  const values = new Float64Array(n);
  let reasons: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    if (typeof c === 'number' && Number.isFinite(c)) values[i] = c;
    else reasons = store(coerceNumber(c), i, values, reasons);
  }
  return { values, reasons };
}

/** Stores a coerced cell: its value, or NaN and its reason (allocating the reasons on first use). */
function store(r: Coerced, i: number, values: Float64Array, reasons: Uint8Array | null): Uint8Array | null {
  if (r.ok) {
    values[i] = r.value;
    return reasons;
  }
  values[i] = NaN;
  const out = reasons ?? new Uint8Array(values.length);
  out[i] = reasonIndex(r.reason);
  return out;
}

/**
 * Coerces cells to day numbers (days since 1970-01-01). Slash dates use the order the column
 * itself shows (a first part over 12 means day first) unless `options.dateOrder` is given.
 *
 * @example
 * dateColumn(["2011-12-09", 40886]).values; // Float64Array [15317, 15317]
 */
export function dateColumn(cells: ArrayLike<Cell>, options: DateOptions = {}): NumberColumn {
  const n = cells.length;
  const opts: DateOptions = { ...options, dateOrder: options.dateOrder ?? inferDateOrder(cells) };
  const values = new Float64Array(n);
  let reasons: Uint8Array | null = null;
  for (let i = 0; i < n; i++) reasons = store(coerceDate(cells[i], opts), i, values, reasons);
  return { values, reasons };
}

/**
 * Encodes key cells (customer ids, invoices) as integer codes. Numbers and text with the same
 * digits are the same key (12346 and "12346").
 *
 * @example
 * const k = keyColumn(["A", "B", "A", ""]);
 * k.codes; // Int32Array [0, 1, 0, -1]
 * k.keys; // ["A", "B"]
 */
export function keyColumn(cells: ArrayLike<Cell>): KeyColumn {
  const n = cells.length;
  const codes = new Int32Array(n);
  const keys: string[] = [];
  const index = new Map<string, number>();
  let reasons: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    const text = keyText(c);
    if (text === '') {
      codes[i] = -1;
      reasons ??= new Uint8Array(n);
      reasons[i] = reasonIndex(errorCode(c) !== undefined ? 'error' : 'blank');
      continue;
    }
    let code = index.get(text);
    if (code === undefined) {
      code = keys.length;
      keys.push(text);
      index.set(text, code);
    }
    codes[i] = code;
  }
  return { codes, keys, reasons };
}

/**
 * Encodes numeric ids (e.g. parsed straight from a CSV) as codes, several times faster than a
 * `Map`: whole-number ids in a compact range are looked up by offset, others through an
 * open-addressing hash sized to the distinct ids. NaN ids get code -1 (reason "blank").
 * Codes are given in order of first appearance, as {@link keyColumn} gives them.
 *
 * @example
 * numericKeyColumn(new Float64Array([17850, 13047, 17850])).codes; // Int32Array [0, 1, 0]
 */
export function numericKeyColumn(ids: Float64Array): KeyColumn {
  const n = ids.length;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const v = ids[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && v === v && v !== Math.floor(v)) whole = false;
  }
  const span = max - min + 1;
  const codes = new Int32Array(n);
  const distinct: number[] = [];
  let reasons: Uint8Array | null = null;
  const blank = (i: number): void => {
    codes[i] = -1;
    reasons ??= new Uint8Array(n);
    reasons[i] = reasonIndex('blank');
  };
  if (whole && span > 0 && span <= 4 * n + 1024 && span < 1 << 27) {
    const slot = new Int32Array(span).fill(-1);
    for (let i = 0; i < n; i++) {
      const v = ids[i];
      if (v !== v) {
        blank(i);
        continue;
      }
      const off = (v - min) | 0;
      let code = slot[off];
      if (code < 0) {
        code = slot[off] = distinct.length;
        distinct.push(v);
      }
      codes[i] = code;
    }
  } else {
    let size = 1024;
    let mask = size - 1;
    let slots = new Int32Array(size).fill(-1);
    const hashOf = (v: number): number => {
      const x = Math.imul((v | 0) ^ ((v / 4294967296) | 0) ^ Math.round((v % 1) * 1e9), 0x9e3779b1);
      return (x ^ (x >>> 15)) & mask;
    };
    for (let i = 0; i < n; i++) {
      const v = ids[i];
      if (v !== v) {
        blank(i);
        continue;
      }
      let h = hashOf(v);
      let code = slots[h];
      while (code !== -1 && distinct[code] !== v) {
        h = (h + 1) & mask;
        code = slots[h];
      }
      if (code === -1) {
        code = distinct.length;
        distinct.push(v);
        slots[h] = code;
        if (distinct.length * 2 > size) {
          size <<= 1;
          mask = size - 1;
          slots = new Int32Array(size).fill(-1);
          for (let c = 0; c < distinct.length; c++) {
            let g = hashOf(distinct[c]);
            while (slots[g] !== -1) g = (g + 1) & mask;
            slots[g] = c;
          }
        }
      }
      codes[i] = code;
    }
  }
  return { codes, keys: distinct.map(String), reasons };
}

/**
 * Column index (0-based) of a letter such as `A`, `K` or `AB`, or -1 when it is not one.
 *
 * @example
 * letterIndex("K"); // 10
 * letterIndex("AB"); // 27
 */
export function letterIndex(text: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(text)) return -1;
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
