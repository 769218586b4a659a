/**
 * A big CSV transaction log classified in memory that depends on its customers, not its rows: the
 * file is read twice — a survey of its distinct texts and number evidence (which decides the date
 * order, decimal mark, keys and total labels, as the in-memory path decides from all rows), then
 * block by block, each block coerced with those decisions and folded into per-customer sums
 * (`TransactionFold`) and let go. The result is the in-memory path's, row numbers and quoted
 * cells of skipped rows included.
 */
import {
  type ColumnCells,
  type DictCells,
  type NumberCells,
  type TableOptions,
  type TableResult,
  TierwiseError,
  TransactionFold,
  classifyCustomers,
  foldable,
  methodById,
  namedColumns,
  quoteSkippedValues,
  timelineNeeds,
  transactionBlocks,
} from '../engine';
import type { ClassifyArgs } from './args';
import type { ColumnChoice } from './choose-columns';
import { CliError } from './errors';
import type { TableSource } from './table-source';

/** Files from this size on are folded block by block (1 GiB: about 40 million rows of a typical log). */
const FOLD_FROM_BYTES = 1024 ** 3;

/**
 * The size from which a CSV file is folded: {@link FOLD_FROM_BYTES}, or TIERWISE_FOLD_BYTES
 * (0 folds every file a fold can read; tests use it).
 *
 * @example
 * foldFromBytes(); // 1073741824
 */
export function foldFromBytes(): number {
  const env = process.env.TIERWISE_FOLD_BYTES;
  const n = env === undefined || env === '' ? NaN : Number(env);
  return Number.isFinite(n) && n >= 0 ? n : FOLD_FROM_BYTES;
}

/** Why a run is not folded (null: it is), for tests and `--explain`-style diagnostics. */
export function notFoldable(source: TableSource, args: ClassifyArgs, choice: ColumnChoice, fileBytes: number): string | null {
  if (!source.readBlocks) return 'not a CSV file';
  if (fileBytes < foldFromBytes()) return 'small file';
  const m = choice.mapping;
  if (choice.level !== 'transactions' || m.date === undefined) return 'not a transaction log';
  if (m.amount === undefined) return 'amount from quantity × price';
  const method = methodById(args.method);
  if (namedColumns(method, args.params).length > 0) return 'the method reads columns of each row';
  const needs = timelineNeeds(method, args.params);
  if (needs.purchases || !foldable({ keepNoPurchase: needs.keepNoPurchase })) return 'the method reads each purchase';
  return null;
}

/**
 * Classifies a transaction log read block by block; null when the log needs the in-memory path
 * after all (no usable row, most dates unreadable, money sums past 2^53: that path then gives
 * its message or its BigInt sums).
 *
 * @example
 * const result = classifyFolded(source, args, choice, tableOptions(args, source));
 */
export function classifyFolded(source: TableSource, args: ClassifyArgs, choice: ColumnChoice, options: TableOptions): TableResult | null {
  const readBlocks = source.readBlocks;
  if (!readBlocks) return null;
  const m = choice.mapping;
  const roles = { customer: m.customer as number, date: m.date as number, amount: m.amount as number, invoice: m.invoice };
  const indexes = [...new Set([roles.customer, roles.date, roles.amount, ...(roles.invoice !== undefined ? [roles.invoice] : [])])];
  const numeric = [roles.amount];
  if (new Set(indexes).size !== (roles.invoice !== undefined ? 4 : 3)) return null;
  const survey = readBlocks(indexes, numeric, null, { part: [0, 2] });
  const surveyed = {
    customer: survey.get(roles.customer) as DictCells,
    date: survey.get(roles.date) as DictCells,
    amount: survey.get(roles.amount) as NumberCells,
    invoice: roles.invoice !== undefined ? (survey.get(roles.invoice) as DictCells) : undefined,
  };
  const rows = surveyed.customer.length;
  if (rows === 0) throw new CliError(`${source.file}: no data rows below the header`);
  const blocks = transactionBlocks(surveyed, options);
  const fold = new TransactionFold({
    customerKeys: blocks.customerKeys,
    customerNumbers: blocks.customerNumbers,
    invoiceKeys: blocks.invoiceKeys,
    options: { asOf: options.asOf, returns: options.returns },
  });
  const dict = (codes: Int32Array, of: DictCells): DictCells => ({ kind: 'dict', length: codes.length, codes, values: of.values, counts: of.counts });
  const again = readBlocks(
    indexes,
    numeric,
    (block, offset) => {
      const customer = block.get(roles.customer) as Int32Array;
      const date = block.get(roles.date) as Int32Array;
      const amount = { ...(block.get(roles.amount) as NumberCells), text: surveyed.amount.text };
      const invoice = roles.invoice !== undefined ? (block.get(roles.invoice) as Int32Array) : undefined;
      if (offset + customer.length > rows) throw new CliError(`${source.file}: the file changed while it was read`);
      const tx = blocks.coerce({ customer, date, amount, invoice });
      const from = fold.skipped.rows.length;
      fold.add(tx, offset);
      // the cells of the rows listed as skipped, quoted while their block is here
      const cells: Record<string, ColumnCells | undefined> = {
        customer: dict(customer, surveyed.customer),
        date: dict(date, surveyed.date),
        amount,
        invoice: invoice && surveyed.invoice ? dict(invoice, surveyed.invoice) : undefined,
      };
      quoteSkippedValues(fold.skipped, (column) => cells[column], from, offset);
    },
    { part: [1, 2] },
  );
  if ((again.get(roles.customer) as DictCells).length !== rows || (again.get(roles.customer) as DictCells).values.length !== surveyed.customer.values.length) {
    throw new CliError(`${source.file}: the file changed while it was read`);
  }
  let customers;
  try {
    customers = fold.finish();
  } catch (e) {
    if (e instanceof TierwiseError && e.code === 'empty') return null;
    throw e;
  }
  if (customers === null) return null;
  const log = customers.skipped;
  const badDates = (log.byCause['date|not-a-date'] ?? 0) + (log.byCause['date|date-out-of-range'] ?? 0);
  if (badDates > rows / 2) return null;
  const classification = classifyCustomers({ ...customers, customers }, options);
  return { level: 'transactions', classification, customers, inputRows: rows, reading: blocks.reading() };
}
