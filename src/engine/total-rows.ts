/**
 * Rows that are not customers: "Total", "Grand total", "合计", "小计"… in a key column, or a row
 * with a blank customer whose amount is the sum of the rows above it (a subtotal or grand total).
 */
import { keyText } from './cells';
import { type ColumnCells, rowTest } from './coded-cells';
import { type KeyColumn, reasonIndex } from './columns';

const TOTAL_LABEL =
  /^(?:grand ?total|sub ?total|totals?|total general|total geral|totale(?: generale)?|subtotale|sous ?total|gesamt(?:summe|betrag)?|zwischensumme|summe|endsumme|totaal|subtotaal|eindtotaal|sum|合计|合計|总计|總計|小计|小計|総計|总和|累计)\s*[:：]?$/;

/**
 * True when a cell's text is a total label (case, accents and inner spacing ignored).
 *
 * @example
 * isTotalLabel("Grand Total"); // true
 * isTotalLabel("合计"); // true
 * isTotalLabel("Totalcare Ltd"); // false
 */
export function isTotalLabel(text: string): boolean {
  if (text.length === 0 || text.length > 24) return false;
  // no label starts with a digit (ids, dates and amounts, the usual values, end here)
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) return false;
  const t = text.trim().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\s_-]+/g, ' ').toLowerCase();
  return TOTAL_LABEL.test(t);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.005 + 1e-9 * Math.abs(b);
}

/**
 * Marks total rows in a customer key column (code -1, reason "total-row"): rows where one of
 * `labelColumns` holds a total label, and rows with a blank customer whose amount equals the sum
 * of at least two rows since the previous total row, or of all rows so far. Returns how many.
 *
 * @example
 * const k = keyColumn(["a", "b", "Total"]);
 * markTotalRows(k, new Float64Array([1, 2, 3]), [["a", "b", "Total"]]); // 1 (k.codes[2] === -1)
 */
export function markTotalRows(customer: KeyColumn, amounts: Float64Array | null, labelColumns: readonly (ColumnCells | undefined)[]): number {
  const labels = labelColumns
    .filter((c): c is ColumnCells => c !== undefined)
    .map((c) => rowTest(c, (v) => typeof v === 'string' && isTotalLabel(keyText(v))))
    .filter((t): t is (i: number) => boolean => t !== null);
  // no label anywhere and no row without a customer: no total row (without looking at each row's amount)
  if (labels.length === 0 && customer.reasons === null) return 0;
  return markTotalRowsBy(customer, amounts ?? new Float64Array(customer.codes.length).fill(NaN), labels, newTotalRowCarry());
}

/** The running sums {@link markTotalRowsBy} carries from one block of rows to the next. */
export interface TotalRowCarry {
  /** Since the last total row, and since the start. */
  sum: Float64Array;
  sinceRows: number;
  grandRows: number;
}

/**
 * Running sums before the first row.
 *
 * @example
 * newTotalRowCarry().sinceRows; // 0
 */
export function newTotalRowCarry(): TotalRowCarry {
  return { sum: new Float64Array(2), sinceRows: 0, grandRows: 0 };
}

/**
 * {@link markTotalRows} with the label tests given (`labels[j](i)`: row i holds a total label in
 * one of the label columns) and the running sums carried in `carry`, so a log read block by block
 * marks the rows the whole log would.
 *
 * @example
 * const carry = newTotalRowCarry();
 * markTotalRowsBy(keyColumn(["a", "b"]), Float64Array.of(1, 2), [], carry); // 0
 * markTotalRowsBy(keyColumn([""]), Float64Array.of(3), [], carry); // 1
 */
export function markTotalRowsBy(customer: KeyColumn, values: Float64Array, labels: readonly ((i: number) => boolean)[], carry: TotalRowCarry): number {
  const n = customer.codes.length;
  const total = reasonIndex('total-row');
  let marked = 0;
  const mark = (i: number): void => {
    if (customer.codes[i] === -1 && customer.reasons?.[i] === total) return;
    if (customer.shared) {
      customer.codes = customer.codes.slice();
      customer.shared = false;
    }
    customer.codes[i] = -1;
    customer.reasons ??= new Uint8Array(n);
    customer.reasons[i] = total;
    marked++;
  };
  const codes = customer.codes;
  // rows are marked after the pass (marking row i changes nothing the pass reads later), so the
  // pass is one tight loop the compiler keeps optimised; the running sums sit in a typed array
  // (as plain `let`s they were boxed numbers, one allocation per row)
  const sum = carry.sum;
  let sinceRows = carry.sinceRows;
  let grandRows = carry.grandRows;
  const toMark: number[] = [];
  const nl = labels.length;
  for (let i = 0; i < n; i++) {
    let labelled = false;
    for (let j = 0; j < nl; j++) if (labels[j](i)) labelled = true;
    const a = values[i];
    if (labelled || (codes[i] < 0 && a === a && ((sinceRows >= 2 && close(a, sum[0])) || (grandRows >= 2 && close(a, sum[1]))))) {
      toMark.push(i);
      sum[0] = 0;
      sinceRows = 0;
      continue;
    }
    if (a === a) {
      sum[0] += a;
      sinceRows++;
      sum[1] += a;
      grandRows++;
    }
  }
  carry.sinceRows = sinceRows;
  carry.grandRows = grandRows;
  for (const i of toMark) mark(i);
  return marked;
}
