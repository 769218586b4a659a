/**
 * Typed columns: cells coerced in one pass into typed arrays, with a per-row reason code for
 * every rejected cell, so adapters can say "row 1,204: blank customer id".
 */
import { type Cell, errorCode, keyText } from './cells';
import { type Coerced, type DateOptions, type DateOrder, type RejectReason, coerceDate, coerceNumber } from './coerce';
import { type DateOrderFinding, decideDateOrder } from './date-order';
import { type DecimalFinding, type DecimalMark, decideDecimalMark } from './number-format';

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
  'returns-only',
  'total-row',
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
  /** Number columns read from text: the decimal mark used and how it was decided. */
  decimal?: DecimalFinding;
  /** Date columns: the order of day, month and year used and how it was decided. */
  dateOrder?: DateOrderFinding;
  /**
   * The values' money profile when the reader already knows it (every value read from plain
   * decimal text): their decimals as `moneyDecimals` finds them and the sum of their magnitudes
   * in row order, so aggregation need not pass over them again for it.
   */
  money?: { decimals: number; bound: number };
  /**
   * True when the accepted values never go down from one row to the next (for dates: a log in
   * date order, the usual export), so aggregation can take a customer's first purchase from its
   * first purchase row and its last from its last. Absent: not known.
   */
  ascending?: boolean;
  /**
   * The rows as runs of one value, when the reader had them so (a date column in date order,
   * every date accepted): the first `lengths[0]` rows hold `values[0]`, the next `lengths[1]`
   * rows `values[1]`, and so on. The column's own `values` are then built only when asked for.
   */
  runs?: ValueRuns;
}

/** Rows as runs of one value (see `NumberColumn.runs`). */
export interface ValueRuns {
  lengths: ArrayLike<number>;
  values: ArrayLike<number>;
}

/**
 * Values as runs of equal ones (NaN runs with NaN).
 *
 * @example
 * valueRuns([5, 5, 7, NaN, NaN]); // { lengths: [2, 1, 2], values: [5, 7, NaN] }
 */
export function valueRuns(values: ArrayLike<number>): ValueRuns {
  const lengths: number[] = [];
  const runValues: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const r = runValues.length - 1;
    if (r >= 0 && (v === runValues[r] || (v !== v && runValues[r] !== runValues[r]))) lengths[r]++;
    else {
      runValues.push(v);
      lengths.push(1);
    }
  }
  return { lengths, values: runValues };
}

/** Options for {@link numberColumn}. */
export interface NumberOptions {
  /** Forces the decimal mark (otherwise decided from the column's values). */
  decimal?: DecimalMark;
  /** The mark assumed when no value decides it. Default ".". */
  fallbackDecimal?: DecimalMark;
}

/** A key column (customer ids, invoice numbers) as dictionary codes; -1 marks a rejected cell. */
export interface KeyColumn {
  /** Per row, the key's code (-1: rejected). */
  codes: Int32Array;
  /** `codes` is a reader's array shared with its cells: copy it before writing (see `markTotalRows`). */
  shared?: boolean;
  /** The distinct keys, indexed by code, in order of first appearance. */
  keys: string[];
  /** Why each rejected row (code -1) was rejected; null when no row is rejected. */
  reasons: Uint8Array | null;
  /**
   * The keys as numbers, when a reader knew each to be a whole number written the one way
   * JavaScript writes it (`String(numbers[k]) === keys[k]`); absent: not known.
   */
  numbers?: Float64Array;
}

/**
 * Coerces cells to numbers. The decimal mark of text values is decided from all of them
 * (`46,80` and `1.234,56` mean a decimal comma) unless `options.decimal` forces it.
 *
 * @example
 * numberColumn([1, "2,000", "", "#N/A"]).values; // Float64Array [1, 2000, NaN, NaN]
 * numberColumn(["1.234,56", "46,80"]).values; // Float64Array [1234.56, 46.8]
 */
export function numberColumn(cells: ArrayLike<Cell>, options: NumberOptions = {}): NumberColumn {
  const n = cells.length;
  const values = new Float64Array(n);
  const decimal = decideDecimalMark(cells, options.decimal, options.fallbackDecimal);
  const mark = decimal.mark;
  let reasons: Uint8Array | null = null;
  let text = false;
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    if (typeof c === 'number' && Number.isFinite(c)) values[i] = c;
    else {
      if (typeof c === 'string') text = true;
      reasons = store(coerceNumber(c, mark), i, values, reasons);
    }
  }
  // the mark is reported when it mattered: forced, shown by the values, or assumed for ambiguous ones
  const mattered = options.decimal !== undefined || (text && (decimal.how !== 'assumed' || decimal.ambiguous > 0));
  return mattered ? { values, reasons, decimal } : { values, reasons };
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

/** Options for {@link dateColumn}. */
export type DateColumnOptions = DateOptions & {
  /** The order assumed when no value decides it (e.g. from the locale). Default "mdy". */
  fallbackOrder?: DateOrder;
};

/**
 * Coerces cells to day numbers (days since 1970-01-01). Slash dates are all read in one order,
 * decided from all the column's values (any `25/03/2024` means day first) unless
 * `options.dateOrder` forces it; dates that do not exist in that order are rejected.
 *
 * @example
 * dateColumn(["2011-12-09", 40886]).values; // Float64Array [15317, 15317]
 * dateColumn(["05/03/2024", "25/03/2024"]).dateOrder?.order; // "dmy"
 */
export function dateColumn(cells: ArrayLike<Cell>, options: DateColumnOptions = {}): NumberColumn {
  const n = cells.length;
  const dateOrder = decideDateOrder(cells, options.dateOrder, options.fallbackOrder);
  const opts: DateOptions = { dateSystem: options.dateSystem, dateOrder: dateOrder.order };
  const values = new Float64Array(n);
  let reasons: Uint8Array | null = null;
  for (let i = 0; i < n; i++) reasons = store(coerceDate(cells[i], opts), i, values, reasons);
  return { values, reasons, dateOrder, ascending: ascendingValues(values) };
}

/**
 * True when the values other than NaN never go down from one to the next (see
 * `NumberColumn.ascending`).
 *
 * @example
 * ascendingValues([1, NaN, 1, 3]); // true
 */
export function ascendingValues(values: ArrayLike<number>): boolean {
  let previous = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < previous) return false;
    if (v === v) previous = v;
  }
  return true;
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
  const keys = keyInterner();
  let reasons: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const code = keys.code(cells[i]);
    if (code >= 0) codes[i] = code;
    else {
      codes[i] = -1;
      reasons ??= new Uint8Array(n);
      reasons[i] = -code;
    }
  }
  return { codes, keys: keys.keys, reasons };
}

/**
 * Key codes of cells in order of first appearance: a cell's trimmed text (`keyText`) gets the
 * code of the first cell with the same text; a blank cell gets minus the index of its reject
 * reason ("blank", or "error" for an Excel error text).
 *
 * @example
 * const k = keyInterner(); [k.code("A"), k.code(" A"), k.code("B"), k.code("")]; // [0, 0, 1, -reasonIndex("blank")]
 */
export function keyInterner(): { keys: string[]; code(cell: Cell): number } {
  const keys: string[] = [];
  const index = new Map<string, number>();
  return {
    keys,
    code(cell) {
      const text = keyText(cell);
      if (text === '') return -reasonIndex(errorCode(cell) !== undefined ? 'error' : 'blank');
      let code = index.get(text);
      if (code === undefined) {
        code = keys.length;
        keys.push(text);
        index.set(text, code);
      }
      return code;
    },
  };
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
