/**
 * A transaction log read twice, for {@link TransactionFold}: a first read surveys the whole
 * log's distinct texts and number evidence (no row kept), which decide what the in-memory path
 * decides from all rows — the date order, the decimal mark, the customer and invoice keys, which
 * texts are total labels — and each block of the second read is then coerced with those
 * decisions, exactly as `transactionColumns` coerces the whole log.
 */
import { keyText } from './cells';
import { type DictCells, type NumberCells, dateOrderOf, dateTableOf, decimalMarkOf, keyRows, keyTableOf, mapRows, numberRows, numberTableOf } from './coded-cells';
import type { DateOrder } from './coerce';
import type { Transactions } from './aggregate';
import type { NumberColumn } from './columns';
import type { DecimalMark } from './number-format';
import { type TableReading, readingOf } from './table-reading';
import { isTotalLabel, markTotalRowsBy, newTotalRowCarry } from './total-rows';

/** The whole log's columns as a survey leaves them: distinct texts and counts, no row codes. */
export interface SurveyColumns {
  customer: DictCells;
  date: DictCells;
  amount: NumberCells;
  invoice?: DictCells;
}

/** One block of rows of the second read: codes into the survey's distinct texts, amounts as read. */
export interface BlockColumns {
  customer: Int32Array;
  date: Int32Array;
  /** The block's rows of the amount column (its texts, counts and evidence are the survey's). */
  amount: NumberCells;
  invoice?: Int32Array;
}

/** How the log's cells are read (the options of `classifyTable` that bear on it). */
export interface FoldReadingOptions {
  dateSystem?: '1900' | '1904';
  dateOrder?: DateOrder;
  fallbackDateOrder?: DateOrder;
  decimal?: DecimalMark;
  fallbackDecimal?: DecimalMark;
}

/** What the survey decided, and the coercion of each block with it. */
export interface TransactionBlocks {
  customerKeys: string[];
  customerNumbers?: Float64Array;
  invoiceKeys?: string[];
  /** The block's typed columns, total rows marked (their running sums carry to the next block). */
  coerce(block: BlockColumns): Transactions;
  /** The reading record once every block is coerced (total rows counted over all of them). */
  reading(): TableReading;
}

/** Per distinct text, 1 when it is a total label; null when none is. */
function labelFlags(values: readonly string[] | undefined): Uint8Array | null {
  if (values === undefined) return null;
  const flags = Uint8Array.from(values, (v) => (isTotalLabel(keyText(v)) ? 1 : 0));
  return flags.includes(1) ? flags : null;
}

/**
 * The decisions of a survey and the coercion of blocks with them.
 *
 * @example
 * const blocks = transactionBlocks(survey, { fallbackDateOrder: "dmy" });
 * fold.add(blocks.coerce(block), offset);
 */
export function transactionBlocks(survey: SurveyColumns, options: FoldReadingOptions): TransactionBlocks {
  const customerTable = keyTableOf(survey.customer.values);
  const invoiceTable = survey.invoice ? keyTableOf(survey.invoice.values) : null;
  const dateOrder = dateOrderOf(survey.date, options.dateOrder, options.fallbackDateOrder);
  const dates = dateTableOf(survey.date.values, { dateSystem: options.dateSystem, dateOrder: dateOrder.order });
  const decimal = decimalMarkOf(survey.amount, options.decimal, options.fallbackDecimal);
  const amounts = numberTableOf(survey.amount.text, decimal.mark);
  // as numberColumnOf: the mark is reported when it mattered
  const mattered = options.decimal !== undefined || (survey.amount.length > 0 && (decimal.how !== 'assumed' || decimal.ambiguous > 0));
  const flags = [labelFlags(survey.customer.values), labelFlags(survey.invoice?.values), labelFlags(survey.date.values)];
  // no label anywhere and no row without a customer: no total row (as markTotalRows finds)
  const totalsPossible = flags.some((f) => f !== null) || customerTable.keyOf.includes(-1);
  const carry = newTotalRowCarry();
  let totalRows = 0;
  return {
    customerKeys: customerTable.keys,
    ...(customerTable.identity && survey.customer.numbers ? { customerNumbers: survey.customer.numbers } : {}),
    ...(invoiceTable ? { invoiceKeys: invoiceTable.keys } : {}),
    coerce(block) {
      const n = block.customer.length;
      const customer = keyRows(customerTable, block.customer, n);
      const { values, reasons } = mapRows(block.date, n, dates.byValue, dates.reasonOf);
      const date: NumberColumn = { values, reasons };
      const amount = numberRows(block.amount, amounts, decimal.mark);
      if (totalsPossible) {
        const codes = [block.customer, block.invoice, block.date];
        const labels = flags.flatMap((f, j) => {
          const c = codes[j];
          return f !== null && c !== undefined ? [(i: number): boolean => f[c[i]] === 1] : [];
        });
        totalRows += markTotalRowsBy(customer, amount.values, labels, carry);
      }
      const tx: Transactions = { customer, date, amount };
      if (invoiceTable && block.invoice) tx.invoice = keyRows(invoiceTable, block.invoice, n);
      return tx;
    },
    reading() {
      const amount: NumberColumn = { values: new Float64Array(0), reasons: null, ...(mattered ? { decimal } : {}) };
      return readingOf(amount, { values: new Float64Array(0), reasons: null, dateOrder }, totalRows);
    },
  };
}
