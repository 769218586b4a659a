/**
 * A big CSV transaction log classified in memory that depends on its customers, not its rows: the
 * file is read block by block, each block coerced (`transactionBlocks`) and folded into
 * per-customer sums (`TransactionFold`) and let go. The result is the in-memory path's, row
 * numbers and quoted cells of skipped rows included.
 */
import {
  type ColumnCells,
  type DictCells,
  type NumberCells,
  type ReadingDecisions,
  type ReadingSurvey,
  type TableOptions,
  type TableResult,
  type TransactionBlocks,
  TierwiseError,
  TransactionFold,
  classifyCustomers,
  decideReading,
  foldReading,
  methodById,
  namedColumns,
  quoteSkippedValues,
  timelineNeeds,
  transactionBlocks,
} from '../engine';
import type { ClassifyArgs } from './args';
import type { ColumnChoice } from './choose-columns';
import type { ColumnSoFar } from './column-builders';
import { CliError } from './errors';
import { ReadAgainError, type TableSource } from './table-source';

/**
 * Files from this size on are folded block by block (128 MiB: about 5 million rows of a typical
 * log). Below it the whole columns are kept, which is as fast and lets the peer benchmark's
 * million-row file skip the per-block work; above it memory no longer grows with the rows.
 */
const FOLD_FROM_BYTES = 128 * 1024 ** 2;

/**
 * The size from which a CSV file is folded: {@link FOLD_FROM_BYTES}, or TIERWISE_FOLD_BYTES
 * (0 folds every file a fold can read; tests use it).
 *
 * @example
 * foldFromBytes(); // 134217728
 */
export function foldFromBytes(): number {
  const env = process.env.TIERWISE_FOLD_BYTES;
  const n = env === undefined || env === '' ? NaN : Number(env);
  return Number.isFinite(n) && n >= 0 ? n : FOLD_FROM_BYTES;
}

/**
 * Why a run is not folded (null: it is): not a CSV file, smaller than {@link foldFromBytes}, not
 * a transaction log with an amount column, or a method that reads more than per-customer sums.
 *
 * @example
 * notFoldable(source, args, choice, 2 ** 31); // null for `classify big.csv --method rfm`
 */
export function notFoldable(source: TableSource, args: ClassifyArgs, choice: ColumnChoice, fileBytes: number): string | null {
  if (!source.readBlocks) return 'not a CSV file';
  if (fileBytes < foldFromBytes()) return 'small file';
  const m = choice.mapping;
  if (choice.level !== 'transactions' || m.date === undefined) return 'not a transaction log';
  if (m.amount === undefined) return 'amount from quantity × price';
  const method = methodById(args.method);
  if (namedColumns(method, args.params).length > 0) return 'the method reads columns of each row';
  const needs = timelineNeeds(method, args.params);
  // (and keeps customers without a purchase, which the fold drops)
  if (needs.purchases || needs.keepNoPurchase !== false) return 'the method reads each purchase';
  return null;
}

/** One read of the log folded block by block with the reading decisions `decide` gives at its first block. */
interface FoldedRead {
  fold: TransactionFold;
  blocks: TransactionBlocks;
  decisions: ReadingDecisions;
  /** The columns over the whole log, without rows (what decides the reading in memory). */
  survey: Map<number, DictCells | NumberCells>;
}

/** The header indexes of the columns a fold reads. */
interface FoldRoles {
  customer: number;
  date: number;
  amount: number;
  invoice?: number;
}

/**
 * Reads the log once, folding each block as it comes (see {@link classifyFolded}); from the start
 * again when the reader finds the file is not UTF-8 after its ASCII head.
 */
function foldRead(source: TableSource, roles: FoldRoles, options: TableOptions, decide: (soFar: Map<number, ColumnSoFar>) => ReadingDecisions, again?: string, expectRows?: number): FoldedRead {
  try {
    return foldReadOnce(source, roles, options, decide, again, expectRows);
  } catch (e) {
    if (!(e instanceof ReadAgainError)) throw e;
    return foldReadOnce(source, roles, options, decide, 'not UTF-8 after all', expectRows);
  }
}

/** One read of the log, folding each block as it comes. */
function foldReadOnce(source: TableSource, roles: FoldRoles, options: TableOptions, decide: (soFar: Map<number, ColumnSoFar>) => ReadingDecisions, again: string | undefined, expectRows?: number): FoldedRead {
  const readBlocks = source.readBlocks as NonNullable<TableSource['readBlocks']>;
  const indexes = [roles.customer, roles.date, roles.amount, ...(roles.invoice !== undefined ? [roles.invoice] : [])];
  // the distinct texts read so far, per column (codes index them): the blocks' tables and quotes read them
  const texts = new Map<number, string[]>(indexes.map((i) => [i, []]));
  let state: Omit<FoldedRead, 'survey'> | undefined;
  const survey = readBlocks(
    indexes,
    [roles.amount],
    (block, offset, soFar) => {
      if (!state) {
        const decisions = decide(soFar);
        const blocks = transactionBlocks(decisions, options, roles.invoice !== undefined);
        state = { decisions, blocks, fold: new TransactionFold({ customerKeys: blocks.customerKeys, invoiceKeys: blocks.invoiceKeys, options: { asOf: options.asOf, returns: options.returns } }) };
      }
      const { blocks, fold } = state;
      const added = (i: number | undefined): string[] => {
        if (i === undefined) return [];
        const known = texts.get(i) as string[];
        const more = (soFar.get(i) as ColumnSoFar).textsFrom(known.length);
        for (const t of more) known.push(t);
        return more;
      };
      const customer = block.get(roles.customer) as Int32Array;
      const date = block.get(roles.date) as Int32Array;
      const invoice = roles.invoice !== undefined ? (block.get(roles.invoice) as Int32Array) : undefined;
      const amountTexts = texts.get(roles.amount) as string[];
      const tx = blocks.coerce(
        { customer, date, amount: block.get(roles.amount) as NumberCells, invoice },
        { customer: added(roles.customer), date: added(roles.date), amount: added(roles.amount), invoice: added(roles.invoice) },
      );
      if (expectRows !== undefined && offset + customer.length > expectRows) throw new CliError(`${source.file}: the file changed while it was read`);
      const from = fold.skipped.rows.length;
      fold.add(tx, offset);
      // the cells of the rows listed as skipped, quoted while their block is here
      const dict = (codes: Int32Array, i: number): DictCells => ({ kind: 'dict', length: codes.length, codes, values: texts.get(i) as string[], counts: [] });
      const cells: Record<string, ColumnCells | undefined> = {
        customer: dict(customer, roles.customer),
        date: dict(date, roles.date),
        amount: { ...(block.get(roles.amount) as NumberCells), text: amountTexts },
        invoice: invoice && roles.invoice !== undefined ? dict(invoice, roles.invoice) : undefined,
      };
      quoteSkippedValues(fold.skipped, (column) => cells[column], from, offset);
    },
    again === undefined ? {} : { again },
  );
  if (!state) {
    // no data row: an empty fold (the caller reports it)
    const decisions = decideReading({ date: survey.get(roles.date) as DictCells, amount: survey.get(roles.amount) as NumberCells }, options);
    const blocks = transactionBlocks(decisions, options, roles.invoice !== undefined);
    state = { decisions, blocks, fold: new TransactionFold({ customerKeys: blocks.customerKeys, options: {} }) };
  }
  return { ...state, survey };
}

const ORDER_NAMES = { dmy: 'day first', mdy: 'month first', ymd: 'year first' } as const;

/**
 * Why the whole log reads otherwise than its first block said (null: it reads alike — the same
 * date order and decimal mark).
 */
function readsOtherwise(first: ReadingDecisions, whole: ReadingDecisions): string | null {
  const why: string[] = [];
  if (first.dateOrder.order !== whole.dateOrder.order) why.push(`its later dates are ${ORDER_NAMES[whole.dateOrder.order]}`);
  if (first.decimal.mark !== whole.decimal.mark) why.push(`its amounts have a decimal ${whole.decimal.mark === ',' ? 'comma' : 'point'}`);
  return why.length > 0 ? why.join(', ') : null;
}

/**
 * Classifies a transaction log read block by block; null when the log needs the in-memory path
 * after all (no usable row, most dates unreadable, money sums past 2^53: that path then gives
 * its message or its BigInt sums).
 *
 * The log is read once: the date order and decimal mark are decided from the first block (as the
 * in-memory path decides them from all rows), each block is coerced with them and folded, and at
 * the end they are decided again from the whole log's distinct texts and evidence. When the whole
 * log decides otherwise (a day after the 12th, or a decimal comma, only in a later block), the
 * log is read a second time with the whole log's decisions.
 *
 * @example
 * const result = classifyFolded(source, args, choice, tableOptions(args, source));
 */
export function classifyFolded(source: TableSource, choice: ColumnChoice, options: TableOptions): TableResult | null {
  if (!source.readBlocks) return null;
  const m = choice.mapping;
  const roles: FoldRoles = { customer: m.customer as number, date: m.date as number, amount: m.amount as number, ...(m.invoice !== undefined ? { invoice: m.invoice } : {}) };
  const distinct = new Set([roles.customer, roles.date, roles.amount, ...(roles.invoice !== undefined ? [roles.invoice] : [])]);
  if (distinct.size !== (roles.invoice !== undefined ? 4 : 3)) return null;
  const surveyOf = (cols: Map<number, { survey(): DictCells | NumberCells }>): ReadingSurvey => ({ date: cols.get(roles.date)?.survey() as DictCells, amount: cols.get(roles.amount)?.survey() as NumberCells });
  let read = foldRead(source, roles, options, (soFar) => decideReading(surveyOf(soFar), options));
  const rows = (read.survey.get(roles.customer) as DictCells).length;
  if (rows === 0) throw new CliError(`${source.file}: no data rows below the header`);
  const whole = decideReading({ date: read.survey.get(roles.date) as DictCells, amount: read.survey.get(roles.amount) as NumberCells }, options);
  const why = readsOtherwise(read.decisions, whole);
  if (why !== null) {
    read = foldRead(source, roles, options, () => whole, why, rows);
    if ((read.survey.get(roles.customer) as DictCells).length !== rows) throw new CliError(`${source.file}: the file changed while it was read`);
  }
  const customerSurvey = read.survey.get(roles.customer) as DictCells;
  let customers;
  try {
    customers = read.fold.finish(read.blocks.customerIdentity() ? customerSurvey.numbers : undefined);
  } catch (e) {
    if (e instanceof TierwiseError && e.code === 'empty') return null;
    throw e;
  }
  if (customers === null) return null;
  const log = customers.skipped;
  const badDates = (log.byCause['date|not-a-date'] ?? 0) + (log.byCause['date|date-out-of-range'] ?? 0);
  if (badDates > rows / 2) return null;
  const classification = classifyCustomers({ ...customers, customers }, options);
  return { level: 'transactions', classification, customers, inputRows: rows, reading: foldReading(whole, options, rows, read.blocks.totalRows()) };
}
