/**
 * The coercion of a transaction log read block by block, for {@link TransactionFold}: each block
 * comes as codes into the distinct texts read so far, and the tables it is read through — the
 * key of each customer and invoice text, the day of each date text, the number of each amount
 * text, which texts are total labels — are extended with the texts that block added. The date
 * order and decimal mark are decided once (the caller checks them against the whole log's when
 * it ends; see `decideReading`); with them, each block reads as `transactionColumns` reads it in
 * the whole log.
 */
import { keyText } from './cells';
import { type DictCells, type KeyTable, type NumberCells, type ValueTable, dateOrderOf, dateTableOf, decimalMarkOf, keyRows, mapRows, numberRows, numberTableOf } from './coded-cells';
import type { DateOrder } from './coerce';
import type { Transactions } from './aggregate';
import { type KeyColumn, type NumberColumn, keyInterner } from './columns';
import type { DateOrderFinding } from './date-order';
import type { DecimalFinding, DecimalMark } from './number-format';
import { type TableReading, readingOf } from './table-reading';
import { isTotalLabel, markTotalRowsBy, newTotalRowCarry } from './total-rows';

/** A log's date and amount columns without their rows: distinct texts, counts, evidence. */
export interface ReadingSurvey {
  date: DictCells;
  amount: NumberCells;
}

/** One block of rows: codes into the distinct texts read so far, amounts as read. */
export interface BlockColumns {
  customer: Int32Array;
  date: Int32Array;
  /** The block's rows of the amount column (the plain ones parsed, the others codes into its texts). */
  amount: NumberCells;
  invoice?: Int32Array;
}

/** The distinct texts a block added, per column, in code order (after those of the blocks before). */
export interface AddedTexts {
  customer: readonly string[];
  date: readonly string[];
  amount: readonly string[];
  invoice?: readonly string[];
}

/** How the log's cells are read (the options of `classifyTable` that bear on it). */
export interface FoldReadingOptions {
  dateSystem?: '1900' | '1904';
  dateOrder?: DateOrder;
  fallbackDateOrder?: DateOrder;
  decimal?: DecimalMark;
  fallbackDecimal?: DecimalMark;
}

/** The date order and decimal mark blocks are read with. */
export interface ReadingDecisions {
  dateOrder: DateOrderFinding;
  decimal: DecimalFinding;
}

/**
 * The date order and decimal mark of a log's texts as surveyed (all of it, or its first blocks).
 *
 * @example
 * decideReading(survey, { fallbackDateOrder: "dmy" }).dateOrder.order; // "ymd"
 */
export function decideReading(survey: ReadingSurvey, options: FoldReadingOptions): ReadingDecisions {
  return {
    dateOrder: dateOrderOf(survey.date, options.dateOrder, options.fallbackDateOrder),
    decimal: decimalMarkOf(survey.amount, options.decimal, options.fallbackDecimal),
  };
}

/**
 * The reading record of a folded log (as `classifyTable` reports it for the log in memory).
 *
 * @example
 * foldReading(decisions, {}, 1000, 2).totalRows; // 2
 */
export function foldReading(decisions: ReadingDecisions, options: FoldReadingOptions, rows: number, totalRows: number): TableReading {
  const { decimal, dateOrder } = decisions;
  // as numberColumnOf: the mark is reported when it mattered
  const mattered = options.decimal !== undefined || (rows > 0 && (decimal.how !== 'assumed' || decimal.ambiguous > 0));
  const empty = new Float64Array(0);
  return readingOf({ values: empty, reasons: null, ...(mattered ? { decimal } : {}) }, { values: empty, reasons: null, dateOrder }, totalRows);
}

/** Keys of a key column's distinct texts, extended as texts come. */
class GrowingKeys implements KeyTable {
  private readonly interner = keyInterner();
  readonly keys = this.interner.keys;
  keyOf = new Int32Array(64);
  reasonOf = new Uint8Array(64);
  size = 0;
  /** Every text so far is its own key and none is blank: codes are key codes as they are. */
  identity = true;
  labels: Uint8Array = new Uint8Array(64);
  anyLabel = false;

  add(texts: readonly string[]): void {
    const need = this.size + texts.length;
    if (need > this.keyOf.length) {
      const cap = Math.max(need, this.keyOf.length * 2);
      this.keyOf = grownTo(this.keyOf, cap);
      this.reasonOf = grownTo(this.reasonOf, cap);
      this.labels = grownTo(this.labels, cap);
    }
    for (const text of texts) {
      const v = this.size++;
      const code = this.interner.code(text);
      this.keyOf[v] = code < 0 ? -1 : code;
      if (code < 0) this.reasonOf[v] = -code;
      if (code !== v) this.identity = false;
      if (isTotalLabel(keyText(text))) {
        this.labels[v] = 1;
        this.anyLabel = true;
      }
    }
  }

  /** The key column of a block's codes. */
  rows(codes: Int32Array): KeyColumn {
    return keyRows(this, codes, codes.length);
  }
}

function grownTo<T extends Int32Array | Uint8Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** A value table extended with the values of more texts. */
function extended(table: ValueTable, more: ValueTable): ValueTable {
  if (more.byValue.length === 0) return table;
  const byValue = new Float64Array(table.byValue.length + more.byValue.length);
  byValue.set(table.byValue);
  byValue.set(more.byValue, table.byValue.length);
  const reasonOf = new Uint8Array(byValue.length);
  reasonOf.set(table.reasonOf);
  reasonOf.set(more.reasonOf, table.reasonOf.length);
  return { byValue, reasonOf };
}

/** Per text, 1 for a total label (the date column's labels: a "Total" row with no date). */
function labelFlags(texts: readonly string[]): Uint8Array {
  return Uint8Array.from(texts, (v) => (isTotalLabel(keyText(v)) ? 1 : 0));
}

/** The coercion of a log's blocks with fixed reading decisions. */
export interface TransactionBlocks {
  /** The customer keys so far, indexed by the codes the blocks' columns carry (grows). */
  readonly customerKeys: string[];
  /** The invoice keys so far (grows); absent without an invoice column. */
  readonly invoiceKeys?: string[];
  /** Every customer text so far is its own key (the reader's whole-number keys are then the keys). */
  customerIdentity(): boolean;
  /** Rows marked as total rows so far. */
  totalRows(): number;
  /** The block's typed columns, total rows marked (their running sums carry to the next block). */
  coerce(block: BlockColumns, added: AddedTexts): Transactions;
}

/**
 * Coerces blocks of a log with the given decisions, extending its tables block by block.
 *
 * @example
 * const blocks = transactionBlocks(decideReading(firstSurvey, options), options, false);
 * fold.add(blocks.coerce(block, addedTexts), offset);
 */
export function transactionBlocks(decisions: ReadingDecisions, options: FoldReadingOptions, hasInvoice: boolean): TransactionBlocks {
  const customers = new GrowingKeys();
  const invoices = hasInvoice ? new GrowingKeys() : null;
  const dateOptions = { dateSystem: options.dateSystem, dateOrder: decisions.dateOrder.order };
  const mark = decisions.decimal.mark;
  let dates: ValueTable = { byValue: new Float64Array(0), reasonOf: new Uint8Array(0) };
  let dateLabels = new Uint8Array(0);
  let anyDateLabel = false;
  let amounts: ValueTable = { byValue: new Float64Array(0), reasonOf: new Uint8Array(0) };
  const carry = newTotalRowCarry();
  let totalRows = 0;
  return {
    customerKeys: customers.keys,
    ...(invoices ? { invoiceKeys: invoices.keys } : {}),
    customerIdentity: () => customers.identity,
    totalRows: () => totalRows,
    coerce(block, added) {
      customers.add(added.customer);
      if (invoices) invoices.add(added.invoice ?? []);
      if (added.date.length > 0) {
        dates = extended(dates, dateTableOf(added.date, dateOptions));
        const flags = labelFlags(added.date);
        const all = new Uint8Array(dateLabels.length + flags.length);
        all.set(dateLabels);
        all.set(flags, dateLabels.length);
        dateLabels = all;
        anyDateLabel ||= flags.includes(1);
      }
      amounts = extended(amounts, numberTableOf(added.amount, mark));
      const n = block.customer.length;
      const customer = customers.rows(block.customer);
      const { values, reasons } = mapRows(block.date, n, dates.byValue, dates.reasonOf);
      const date: NumberColumn = { values, reasons };
      const amount = numberRows(block.amount, amounts, mark);
      // total rows: the running sums go on over every block (a label or a row without a customer
      // may come later); a label test only for a column that has had a label (a row's text is
      // either one read before or one this block added)
      const tests: ((i: number) => boolean)[] = [];
      const label = (flags: Uint8Array, codes: Int32Array): void => {
        tests.push((i) => flags[codes[i]] === 1);
      };
      if (customers.anyLabel) label(customers.labels, block.customer);
      if (invoices?.anyLabel && block.invoice) label(invoices.labels, block.invoice);
      if (anyDateLabel) label(dateLabels, block.date);
      totalRows += markTotalRowsBy(customer, amount.values, tests, carry);
      const tx: Transactions = { customer, date, amount };
      if (invoices && block.invoice) tx.invoice = invoices.rows(block.invoice);
      return tx;
    },
  };
}
