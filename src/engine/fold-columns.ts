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
import { type DictCells, KeyTableBuilder, type NumberCells, type ValueTable, dateOrderOf, dateTableOf, decimalMarkOf, keyRows, mapRows, numberRows, numberTableOf } from './coded-cells';
import type { DateOrder } from './coerce';
import type { Transactions } from './aggregate';
import type { NumberColumn } from './columns';
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

/**
 * Per distinct text of a column, extended as texts come: its value (dates, amounts) and whether
 * it is a total label (key and date columns). Arrays grow by doubling; codes index them.
 */
class TextTable implements ValueTable {
  byValue = new Float64Array(0);
  reasonOf = new Uint8Array(0);
  labels = new Uint8Array(0);
  anyLabel = false;
  private size = 0;

  /** Adds the next distinct texts (in code order) with their values, when the column has values. */
  add(texts: readonly string[], values: ValueTable | null, labelled: boolean): void {
    if (texts.length === 0) return;
    const need = this.size + texts.length;
    if (need > this.labels.length) {
      const cap = Math.max(need, this.labels.length * 2, 64);
      if (values) {
        this.byValue = grownTo(this.byValue, cap);
        this.reasonOf = grownTo(this.reasonOf, cap);
      }
      this.labels = grownTo(this.labels, cap);
    }
    if (values) {
      this.byValue.set(values.byValue, this.size);
      this.reasonOf.set(values.reasonOf, this.size);
    }
    if (labelled) {
      texts.forEach((text, k) => {
        if (!isTotalLabel(keyText(text))) return;
        this.labels[this.size + k] = 1;
        this.anyLabel = true;
      });
    }
    this.size = need;
  }
}

function grownTo<T extends Uint8Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
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
  const customers = new KeyTableBuilder();
  const customerTexts = new TextTable();
  const invoices = hasInvoice ? new KeyTableBuilder() : null;
  const invoiceTexts = new TextTable();
  const dates = new TextTable();
  const amounts = new TextTable();
  const dateOptions = { dateSystem: options.dateSystem, dateOrder: decisions.dateOrder.order };
  const mark = decisions.decimal.mark;
  const carry = newTotalRowCarry();
  let totalRows = 0;
  return {
    customerKeys: customers.keys,
    ...(invoices ? { invoiceKeys: invoices.keys } : {}),
    customerIdentity: () => customers.identity,
    totalRows: () => totalRows,
    coerce(block, added) {
      customers.add(added.customer);
      customerTexts.add(added.customer, null, true);
      if (invoices) {
        invoices.add(added.invoice ?? []);
        invoiceTexts.add(added.invoice ?? [], null, true);
      }
      dates.add(added.date, dateTableOf(added.date, dateOptions), true);
      amounts.add(added.amount, numberTableOf(added.amount, mark), false);
      const n = block.customer.length;
      const customer = keyRows(customers, block.customer, n);
      const { values, reasons } = mapRows(block.date, n, dates.byValue, dates.reasonOf);
      const date: NumberColumn = { values, reasons };
      const amount = numberRows(block.amount, amounts, mark);
      // total rows: the running sums go on over every block (a label or a row without a customer
      // may come later); a label test only for a column that has had a label (a row's text is
      // either one read before or one this block added)
      const tests: ((i: number) => boolean)[] = [];
      const label = (texts: TextTable, codes: Int32Array | undefined): void => {
        if (!texts.anyLabel || codes === undefined) return;
        const flags = texts.labels;
        tests.push((i) => flags[codes[i]] === 1);
      };
      label(customerTexts, block.customer);
      label(invoiceTexts, block.invoice);
      label(dates, block.date);
      totalRows += markTotalRowsBy(customer, amount.values, tests, carry);
      const tx: Transactions = { customer, date, amount };
      if (invoices && block.invoice) tx.invoice = keyRows(invoices, block.invoice, n);
      return tx;
    },
  };
}
