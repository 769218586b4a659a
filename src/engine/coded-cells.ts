/**
 * Columns as a streaming reader builds them, without one string per row: text stored once per
 * distinct value with a code per row ({@link DictCells}), and number text parsed to numbers on
 * the way ({@link NumberCells}). They read exactly like the plain cells they stand for: the
 * decimal mark and the date order are decided from the distinct values weighted by their counts
 * (in order of first appearance, so the examples are the same), and each distinct value is
 * coerced once instead of once per row.
 */
import type { Cell } from './cells';
import { type Coerced, coerceDate, coerceNumber, type DateOptions, type DateOrder } from './coerce';
import { type DateColumnOptions, type KeyColumn, type NumberColumn, type NumberOptions, ascendingValues, dateColumn, keyColumn, keyInterner, numberColumn, reasonIndex } from './columns';
import { type DateOrderFinding, decideDateOrder } from './date-order';
import { type DecimalFinding, type DecimalMark, decideDecimalMark } from './number-format';

/** Text cells stored once per distinct value: row i holds `values[codes[i]]`. */
export interface DictCells {
  readonly kind: 'dict';
  readonly length: number;
  /** Per row, an index into `values` (at least `length` entries). */
  codes: Int32Array;
  /** The distinct texts, in order of first appearance. */
  values: string[];
  /** Rows per distinct text. */
  counts: ArrayLike<number>;
  /** True when the codes never go down from one row to the next (a reader may say so; absent: not known). */
  ascending?: boolean;
  /** The distinct texts as numbers, when a reader knew each to be a whole number written the one way (see `KeyColumn.numbers`). */
  numbers?: Float64Array;
}

/** How many plain rows (see {@link NumberCells}) show a decimal point, read both ways, or show nothing, and the first of each. */
export interface PlainEvidence {
  /** Counts per class: 0 a point (`12.50`), 1 both ways (`1.234`), 2 nothing (`12`). */
  count: Float64Array;
  /** First row of each class (-1 when none). */
  first: Float64Array;
}

/**
 * Number text as a streaming reader builds it. A *plain* cell — `-?digits(.digits)?`, at most 15
 * digits, no leading zero — is parsed on the way: `values[i]` is exactly `Number(text)` and
 * `decimals[i]` its digits after the point, so its text can be given back. Every other cell
 * (blank, `1,234.50`, `(35)`, `12,50 €`) is kept as text: `codes[i]` indexes `text`.
 */
export interface NumberCells {
  readonly kind: 'numbers';
  readonly length: number;
  values: Float64Array;
  /** Digits after the point of each plain row; null when no row has any. */
  decimals: Uint8Array | null;
  /** -1 for a plain row, else an index into `text`; null when every row is plain. */
  codes: Int32Array | null;
  /** The distinct non-plain texts, in order of first appearance, their counts and first rows. */
  text: string[];
  textCounts: ArrayLike<number>;
  textFirst: ArrayLike<number>;
  plain: PlainEvidence;
  /**
   * When every row is plain with at most 12 significant digits: the most decimals a value needs
   * (trailing zeros dropped, at most 6) and the sum of the values' magnitudes in row order — the
   * money profile `moneyProfile` would find (with 12 digits a value is never "whole" before its
   * last non-zero decimal, see `money.ts`); null otherwise.
   */
  money: { decimals: number; bound: number } | null;
  /**
   * The text of the first plain row of each evidence class, for a column whose rows are no longer
   * held (a streaming reader's survey keeps only the evidence); absent: read from the rows.
   */
  firstPlainText?: readonly (string | null)[];
}

/** A column as the engine takes it: plain cells, or one of the coded forms. */
export type ColumnCells = ArrayLike<Cell> | DictCells | NumberCells;

function isCoded(cells: ColumnCells): cells is DictCells | NumberCells {
  const kind = (cells as { kind?: unknown }).kind;
  return kind === 'dict' || kind === 'numbers';
}

/**
 * The text of a plain number row, as the file had it.
 *
 * @example
 * plainText(-12.5, 2); // "-12.50"
 */
export function plainText(value: number, decimals: number): string {
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return sign + Math.abs(value).toFixed(decimals);
}

/**
 * The cell of row i, whatever the column's form.
 *
 * @example
 * cellAt({ kind: "dict", length: 2, codes: Int32Array.of(0, 0), values: ["a"], counts: [2] }, 1); // "a"
 */
export function cellAt(cells: ColumnCells, i: number): Cell {
  if (!isCoded(cells)) return cells[i];
  if (i < 0 || i >= cells.length) return undefined;
  if (cells.kind === 'dict') return cells.values[cells.codes[i]];
  const code = cells.codes ? cells.codes[i] : -1;
  return code >= 0 ? cells.text[code] : plainText(cells.values[i], cells.decimals ? cells.decimals[i] : 0);
}

/**
 * The column as an array of plain cells (one string per row; for the few uses that need them).
 *
 * @example
 * plainCells({ kind: "dict", length: 2, codes: Int32Array.of(0, 0), values: ["a"], counts: [2] }); // ["a", "a"]
 */
export function plainCells(cells: ColumnCells): ArrayLike<Cell> {
  if (!isCoded(cells)) return cells;
  const out = new Array<Cell>(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = cellAt(cells, i);
  return out;
}

/**
 * A test on a column's cells as a test on row numbers: for a coded column `test` runs once per
 * distinct text (plain number rows are tested one by one); null when it holds for no row.
 *
 * @example
 * rowTest(cells, (t) => t === "Total")(3); // true when row 3 holds "Total"
 */
export function rowTest(cells: ColumnCells, test: (text: Cell) => boolean): ((i: number) => boolean) | null {
  if (!isCoded(cells)) return (i) => test(cells[i]);
  const dict = cells.kind === 'dict' ? cells.values : cells.text;
  const flags = dict.map((v) => test(v));
  if (cells.kind === 'dict') {
    if (!flags.includes(true)) return null;
    const codes = cells.codes;
    return (i) => flags[codes[i]];
  }
  const codes = cells.codes;
  return (i) => {
    const code = codes ? codes[i] : -1;
    return code >= 0 ? flags[code] : test(cellAt(cells, i));
  };
}

/**
 * Encodes a key column (customer ids, invoices), as {@link keyColumn} does for plain cells:
 * each distinct text is trimmed once, texts with the same key share a code, codes in order of
 * first appearance.
 *
 * @example
 * keyColumnOf({ kind: "dict", length: 3, codes: Int32Array.of(0, 1, 0), values: ["A", " A"], counts: [2, 1] }).keys; // ["A"]
 */
export function keyColumnOf(cells: ColumnCells): KeyColumn {
  if (!isCoded(cells)) return keyColumn(cells);
  if (cells.kind !== 'dict') return keyColumn(plainCells(cells));
  return keyRows(keyTableOf(cells.values), cells.codes, cells.length, cells.numbers);
}

/** The key of each distinct text of a key column: what {@link keyRows} maps codes through. */
export interface KeyTable {
  keys: string[];
  /** Per distinct text, its key's code (-1: rejected, `reasonOf` says why). */
  keyOf: Int32Array;
  reasonOf: Uint8Array;
  /** Every distinct text is its own key and none is blank: codes are key codes as they are. */
  identity: boolean;
}

/**
 * The keys of a key column's distinct texts (trimmed once each, texts with the same key sharing
 * its code, codes in order of first appearance).
 *
 * @example
 * keyTableOf(["A", " A", ""]).keyOf; // Int32Array [0, 0, -1]
 */
export function keyTableOf(values: readonly string[]): KeyTable {
  const table = new KeyTableBuilder(values.length);
  table.add(values);
  return table;
}

/**
 * A {@link KeyTable} extended as distinct texts come (a log read block by block: each block adds
 * the texts first seen in it).
 *
 * @example
 * const t = new KeyTableBuilder(); t.add(["A"]); t.add([" A", "B"]); t.keyOf; // [0, 0, 1, …]
 */
export class KeyTableBuilder implements KeyTable {
  private readonly interner = keyInterner();
  readonly keys = this.interner.keys;
  keyOf: Int32Array;
  reasonOf: Uint8Array;
  identity = true;
  /** Distinct texts so far (`keyOf` may have room for more). */
  size = 0;

  constructor(capacity = 64) {
    this.keyOf = new Int32Array(capacity);
    this.reasonOf = new Uint8Array(capacity);
  }

  /** Adds the next distinct texts, in code order. */
  add(texts: readonly string[]): void {
    const need = this.size + texts.length;
    if (need > this.keyOf.length) {
      const cap = Math.max(need, this.keyOf.length * 2);
      const keyOf = new Int32Array(cap);
      keyOf.set(this.keyOf);
      const reasonOf = new Uint8Array(cap);
      reasonOf.set(this.reasonOf);
      this.keyOf = keyOf;
      this.reasonOf = reasonOf;
    }
    for (const text of texts) {
      const v = this.size++;
      const code = this.interner.code(text);
      this.keyOf[v] = code < 0 ? -1 : code;
      if (code < 0) this.reasonOf[v] = -code;
      if (code !== v) this.identity = false;
    }
  }
}

/**
 * The key column of `n` rows of text codes, through the table of their distinct texts.
 *
 * @example
 * keyRows(keyTableOf(["A", ""]), Int32Array.of(0, 1), 2).codes; // Int32Array [0, -1]
 */
export function keyRows(table: KeyTable, codes: Int32Array, n: number, numbers?: Float64Array): KeyColumn {
  const { keyOf, reasonOf } = table;
  // every distinct text its own key, none blank (the usual case): the codes are the key codes
  if (table.identity) return { codes: codes.length === n ? codes : codes.subarray(0, n), keys: table.keys, reasons: null, shared: true, ...(numbers ? { numbers } : {}) };
  const out = new Int32Array(n);
  let reasons: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const k = keyOf[codes[i]];
    out[i] = k;
    if (k < 0) {
      reasons ??= new Uint8Array(n);
      reasons[i] = reasonOf[codes[i]];
    }
  }
  return { codes: out, keys: table.keys, reasons };
}

/**
 * Coerces a date column as {@link dateColumn} does: the order decided from the distinct texts
 * weighted by their counts, each distinct text parsed once.
 *
 * @example
 * dateColumnOf({ kind: "dict", length: 2, codes: Int32Array.of(0, 0), values: ["2024-01-31"], counts: [2] }).values; // [19753, 19753]
 */
export function dateColumnOf(cells: ColumnCells, options: DateColumnOptions = {}): NumberColumn {
  if (!isCoded(cells)) return dateColumn(cells, options);
  if (cells.kind !== 'dict') return dateColumn(plainCells(cells), options);
  const dateOrder = dateOrderOf(cells, options.dateOrder, options.fallbackOrder);
  const { byValue, reasonOf } = dateTableOf(cells.values, { dateSystem: options.dateSystem, dateOrder: dateOrder.order });
  if (cells.ascending !== true) return { ...mapRows(cells.codes, cells.length, byValue, reasonOf), dateOrder };
  // codes that never go down: a run of rows per code, so the codes themselves are not read; with
  // every date accepted and in date order, the rows stay runs until something asks for values
  const { counts } = cells;
  const n = cells.length;
  if (reasonOf.every((r) => r === 0) && ascendingValues(byValue)) {
    let values: Float64Array | undefined;
    return {
      get values(): Float64Array {
        return (values ??= fillRuns(n, byValue, reasonOf, counts).values);
      },
      reasons: null,
      ascending: true,
      runs: { lengths: counts, values: byValue },
      dateOrder,
    };
  }
  return { ...fillRuns(n, byValue, reasonOf, counts), dateOrder };
}

/** Per distinct text, its value (NaN when rejected) and the reason it was rejected. */
export interface ValueTable {
  byValue: Float64Array;
  reasonOf: Uint8Array;
}

/**
 * The day number of each distinct date text, read in the given date order.
 *
 * @example
 * dateTableOf(["2024-01-31", "x"], { dateOrder: "ymd" }).byValue; // Float64Array [19753, NaN]
 */
export function dateTableOf(values: readonly string[], opts: DateOptions): ValueTable {
  return valueTable(values, (v) => coerceDate(v, opts));
}

/** Each distinct text coerced once. */
function valueTable(values: readonly string[], coerce: (text: string) => Coerced): ValueTable {
  const byValue = new Float64Array(values.length);
  const reasonOf = new Uint8Array(values.length);
  values.forEach((v, k) => {
    const r = coerce(v);
    byValue[k] = r.ok ? r.value : NaN;
    if (!r.ok) reasonOf[k] = reasonIndex(r.reason);
  });
  return { byValue, reasonOf };
}

/**
 * The number of each distinct number text, read with the given decimal mark.
 *
 * @example
 * numberTableOf(["46,80", "x"], ",").byValue; // Float64Array [46.8, NaN]
 */
export function numberTableOf(values: readonly string[], mark: DecimalMark): ValueTable {
  return valueTable(values, (v) => coerceNumber(v, mark));
}

/**
 * Row values from per-code values: `values[i] = byValue[codes[i]]`, with the rejected rows'
 * reasons and whether the accepted values never go down.
 *
 * @example
 * mapRows(Int32Array.of(1, 0), 2, Float64Array.of(5, NaN), Uint8Array.of(0, 5)).reasons; // Uint8Array [5, 0]
 */
export function mapRows(codes: Int32Array, n: number, byValue: Float64Array, reasonOf: Uint8Array): { values: Float64Array; reasons: Uint8Array | null; ascending: boolean } {
  const values = new Float64Array(n);
  let reasons: Uint8Array | null = null;
  // whether the accepted values never go down (a log in date order: see NumberColumn.ascending)
  let ascending = true;
  let previous = -Infinity;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    const v = byValue[c];
    values[i] = v;
    if (v !== v) {
      reasons ??= new Uint8Array(n);
      reasons[i] = reasonOf[c];
    } else if (v < previous) ascending = false;
    else previous = v;
  }
  return { values, reasons, ascending };
}

/**
 * {@link mapRows} for codes that never go down: code c holds the `runs[c]` rows after those of
 * the codes before it, and each run is filled at once instead of row by row.
 */
function fillRuns(n: number, byValue: Float64Array, reasonOf: Uint8Array, runs: ArrayLike<number>): { values: Float64Array; reasons: Uint8Array | null; ascending: boolean } {
  const values = new Float64Array(n);
  let reasons: Uint8Array | null = null;
  let ascending = true;
  let previous = -Infinity;
  let at = 0;
  for (let c = 0; c < byValue.length; c++) {
    const v = byValue[c];
    const end = at + runs[c];
    values.fill(v, at, end);
    if (v !== v) (reasons ??= new Uint8Array(n)).fill(reasonOf[c], at, end);
    else if (v < previous) ascending = false;
    else previous = v;
    at = end;
  }
  return { values, reasons, ascending };
}

/**
 * The texts that stand for a number column's rows in deciding its decimal mark: each distinct
 * non-plain text and the first plain row of each evidence class, in order of first appearance,
 * with the rows each stands for.
 */
function markWitnesses(cells: NumberCells): { texts: string[]; weights: number[] } {
  const items: { first: number; text: string; weight: number }[] = [];
  for (let k = 0; k < cells.text.length; k++) items.push({ first: cells.textFirst[k], text: cells.text[k], weight: cells.textCounts[k] });
  for (let c = 0; c < 3; c++) {
    const first = cells.plain.first[c];
    if (first >= 0) items.push({ first, text: cells.firstPlainText?.[c] ?? (cellAt(cells, first) as string), weight: cells.plain.count[c] });
  }
  items.sort((a, b) => a.first - b.first);
  return { texts: items.map((x) => x.text), weights: items.map((x) => x.weight) };
}

/**
 * The decimal mark of a column's number text, as `decideDecimalMark` finds it over every row.
 *
 * @example
 * decimalMarkOf(["46,80"]).mark; // ","
 */
export function decimalMarkOf(cells: ColumnCells, forced?: DecimalMark, fallback?: DecimalMark): DecimalFinding {
  if (!isCoded(cells)) return decideDecimalMark(cells, forced, fallback);
  const w = cells.kind === 'dict' ? { texts: cells.values, weights: cells.counts } : markWitnesses(cells);
  return decideDecimalMark(w.texts, forced, fallback, w.weights);
}

/**
 * The date order of a column's date text, as `decideDateOrder` finds it over every row.
 *
 * @example
 * dateOrderOf(["25/03/2024"]).order; // "dmy"
 */
export function dateOrderOf(cells: ColumnCells, forced?: DateOrder, fallback?: DateOrder): DateOrderFinding {
  if (!isCoded(cells)) return decideDateOrder(cells, forced, fallback);
  if (cells.kind === 'dict') return decideDateOrder(cells.values, forced, fallback, cells.counts);
  return decideDateOrder(plainCells(cells), forced, fallback);
}

/**
 * Coerces a number column as {@link numberColumn} does: the decimal mark decided from the
 * distinct texts (and the plain rows' evidence), each distinct text parsed once; plain rows keep
 * their parsed value unless a decimal comma makes their point mean something else.
 *
 * @example
 * numberColumnOf({ kind: "dict", length: 2, codes: Int32Array.of(0, 0), values: ["46,80"], counts: [2] }).values; // [46.8, 46.8]
 */
export function numberColumnOf(cells: ColumnCells, options: NumberOptions = {}): NumberColumn {
  if (!isCoded(cells)) return numberColumn(cells, options);
  const n = cells.length;
  const decimal = decimalMarkOf(cells, options.decimal, options.fallbackDecimal);
  const column = numberRows(cells, numberTableOf(cells.kind === 'dict' ? cells.values : cells.text, decimal.mark), decimal.mark);
  // as numberColumn: the mark is reported when it mattered (every coded cell is text)
  const mattered = options.decimal !== undefined || (n > 0 && (decimal.how !== 'assumed' || decimal.ambiguous > 0));
  return mattered ? { ...column, decimal } : column;
}

/**
 * The rows of a coded number column as numbers, through the table of its distinct texts read
 * with `mark` (plain rows keep their parsed value unless a decimal comma rereads them).
 *
 * @example
 * numberRows(cells, numberTableOf(cells.text, ","), ",").values;
 */
export function numberRows(cells: DictCells | NumberCells, table: ValueTable, mark: DecimalMark): NumberColumn {
  const n = cells.length;
  const { byValue, reasonOf } = table;
  let column: NumberColumn;
  if (cells.kind === 'dict') {
    const { values, reasons } = mapRows(cells.codes, n, byValue, reasonOf);
    column = { values, reasons };
  } else {
    const { codes, decimals } = cells;
    // plain rows are right as they are with a decimal point; with a comma, a point means a thousands separator (or nothing)
    const reread = mark === ',' && decimals !== null;
    if (codes === null && !reread) {
      column = { values: cells.values.length === n ? cells.values : cells.values.subarray(0, n), reasons: null };
      if (cells.money) column.money = cells.money;
    }
    else {
      const values = new Float64Array(n);
      let reasons: Uint8Array | null = null;
      for (let i = 0; i < n; i++) {
        const c = codes ? codes[i] : -1;
        let v: number;
        let why = 0;
        if (c >= 0) {
          v = byValue[c];
          why = reasonOf[c];
        } else if (reread && (decimals as Uint8Array)[i] > 0) {
          const r = coerceNumber(cellAt(cells, i), mark);
          v = r.ok ? r.value : NaN;
          if (!r.ok) why = reasonIndex(r.reason);
        } else v = cells.values[i];
        values[i] = v;
        if (v !== v) {
          reasons ??= new Uint8Array(n);
          reasons[i] = why;
        }
      }
      column = { values, reasons };
    }
  }
  return column;
}
