/** `tierwise classify`: read → choose columns → engine → sheet plan → JSON, CSV or xlsx. */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { type ColumnCells, DuplicateIdError, dateOrderOf, decimalMarkOf, type TableColumns, type TableOptions, type TableResult, TierwiseError, classifyTable, dayNumber, localeDateOrder, methodById, namedColumns } from '../engine';
import { buildSheetPlan, tidyNumber } from '../report';
import type { ClassifyArgs } from './args';
import { type ColumnChoice, chooseColumns } from './choose-columns';
import { classifyOnDatabase } from './db-run';
import { resolveColumn } from './column-spec';
import { openCsvStream } from './csv-stream-source';
import { CliError } from './errors';
import { firstBadCell } from './explain';
import { classifyFolded, notFoldable } from './fold-classify';
import { loopAdditions } from './loop-classify';
import { type OutStream, progress } from './progress';
import { type InputReport, inputLines, inputReport } from './read-report';
import { jsonDocument } from './render-json';
import { tableCsvChunks } from './render-csv';
import { EXCEL_MAX_ROWS, renderXlsx, writeXlsx } from './render-xlsx';
import type { TableSource } from './table-source';
import { xlsxTexts } from './texts';
import { withTableFiles } from './table-param';
import { checkOutputPath, writeAtomic, writeAtomicChunks, writeAtomicWith } from './write-output';
import { openXlsx } from './xlsx-source';

/** Where the command writes. */
export interface CommandIo {
  stdout: OutStream;
  stderr: OutStream;
}

const BIG_FILE = 8 * 1024 * 1024;
const fmt = (n: number): string => n.toLocaleString('en-US');

/** Opens the input file of a run (CSV or xlsx), with progress on stderr for big CSV files. */
export async function openSource(args: ClassifyArgs, io: CommandIo): Promise<TableSource> {
  const file = args.input;
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new CliError(`${file}: not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${file}: no such file`);
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') {
    if (args.reading.encoding !== undefined) throw new CliError(`--encoding only applies to CSV input, and ${file} is a workbook`, 2);
    return openXlsx(file, args.sheet);
  }
  if (ext === '.xls') throw new CliError(`${file}: old .xls workbooks are not supported; save it as .xlsx or .csv`);
  if (args.sheet !== undefined) throw new CliError(`--sheet only applies to .xlsx input, and ${file} is read as CSV`, 2);
  let p = size > BIG_FILE ? progress(io.stderr, `reading ${file}`) : null;
  const source = openCsvStream(file, p ? (d, t) => p?.update(d, t) : undefined, { encoding: args.reading.encoding, lenient: args.reading.lenient });
  if (!p) return source;
  const load = source.load;
  source.load = (idx, numeric) => { const r = load(idx, numeric); p?.done(); return r; };
  const readBlocks = source.readBlocks;
  if (readBlocks) {
    source.readBlocks = (idx, numeric, onBlock, o) => {
      // a second read says why, rather than start again from 0 % unexplained
      if (o?.again !== undefined) {
        p?.done();
        p = progress(io.stderr, `reading ${file} again (${o.again})`);
      }
      try {
        return readBlocks(idx, numeric, onBlock, o);
      } finally {
        p?.done();
      }
    };
  }
  return source;
}

/** The OS locale, which decides the date order when no value does. */
const LOCALE = Intl.DateTimeFormat().resolvedOptions().locale;

function tableOptions(args: ClassifyArgs, source: TableSource): TableOptions {
  const opts: TableOptions = { ...args.params, method: args.method, dateSystem: source.dateSystem };
  const r = args.reading;
  if (r.dateOrder !== undefined) opts.dateOrder = r.dateOrder;
  opts.fallbackDateOrder = localeDateOrder(LOCALE);
  if (r.decimal !== undefined) opts.decimal = r.decimal;
  // a semicolon-delimited file comes from a decimal-comma locale: assumed only when no value decides
  opts.fallbackDecimal = source.reading?.delimiter === ';' ? ',' : '.';
  if (r.duplicates !== undefined) opts.duplicates = r.duplicates;
  if (args.returns !== undefined) opts.returns = args.returns;
  if (args.asOf !== undefined) {
    const [y, m, d] = args.asOf.split('-').map(Number);
    // recency is measured to the as-of day; rows on or after it are left out
    opts.asOf = dayNumber(y, m, d);
  }
  return opts;
}

/** Runs the engine; turns "nothing usable" into one line naming the column, row and cell. */
export function classifyInput(source: TableSource, args: ClassifyArgs): { result: TableResult; columns: Map<number, ColumnCells>; choice: ColumnChoice } {
  const choice = chooseColumns(source, args.columns, args.method);
  const m = choice.mapping;
  const method = methodById(args.method);
  const named = namedColumns(method, args.params).map((name) => {
    const flag = method.params.find((p) => p.kind === 'columns' && ((args.params[p.name] ?? p.default) as string[]).includes(name))?.flag ?? method.params.find((p) => p.kind === 'table')?.flag ?? 'features';
    return { name, index: resolveColumn(name, source.headers, flag) };
  });
  // a big CSV log: folded block by block (memory for its customers, not its rows)
  if (notFoldable(source, args, choice, source.readBlocks ? statSync(source.file).size : 0) === null) {
    const result = classifyFolded(source, choice, tableOptions(args, source));
    if (result) return { result, columns: new Map(), choice };
  }
  const indexes = [...new Set([...(Object.values(m) as number[]), ...named.map((x) => x.index)])];
  const numeric = [m.amount, m.quantity, m.price, m.value].filter((i): i is number => i !== undefined);
  const { columns } = source.load(indexes, numeric);
  const col = (i: number | undefined): ColumnCells | undefined => (i === undefined ? undefined : columns.get(i));
  const input: TableColumns = { customer: col(m.customer) as ColumnCells };
  if (choice.level === 'transactions') {
    input.date = col(m.date);
    if (m.amount !== undefined) input.amount = col(m.amount);
    else {
      input.quantity = col(m.quantity);
      input.price = col(m.price);
    }
    if (m.invoice !== undefined) input.invoice = col(m.invoice);
  } else input.value = col(m.value);
  if (named.length > 0) input.extra = Object.fromEntries(named.map((x) => [x.name, col(x.index) as ColumnCells]));
  if (input.customer.length === 0) throw new CliError(`${source.file}: no data rows below the header`);
  let result: TableResult;
  try {
    result = classifyTable(input, tableOptions(args, source));
  } catch (e) {
    if (e instanceof DuplicateIdError) {
      const rows = e.rows.slice(0, 10).map((i) => fmt(source.rowNumber(i))).join(', ');
      throw new CliError(`${source.file}: customer id "${e.key}" appears on ${e.rows.length} rows (rows ${rows}${e.rows.length > 10 ? ', …' : ''}), and ${e.repeatedCustomers > 1 ? `${e.repeatedCustomers - 1} more ids repeat too` : 'no other id repeats'}; a customer table needs one row per customer — leave out --duplicates error to sum them`);
    }
    if (e instanceof TierwiseError && e.code === 'empty') {
      // judge the cells as the engine read them: the same date order and decimal mark
      const opts = tableOptions(args, source);
      const amountCells = col(m.amount ?? m.value ?? m.price);
      const reading = {
        dateOrder: m.date === undefined ? undefined : dateOrderOf(columns.get(m.date) ?? [], opts.dateOrder, opts.fallbackDateOrder).order,
        decimal: amountCells ? decimalMarkOf(amountCells, opts.decimal, opts.fallbackDecimal).mark : undefined,
      };
      const where = firstBadCell(source, m, columns, undefined, undefined, reading);
      throw new CliError(`${source.file}: no usable rows${where ? `: ${where}` : ` (${e.message})`}`);
    }
    if (e instanceof TierwiseError) throw new CliError(`${source.file}: ${e.message}`);
    throw e;
  }
  const log = result.classification.skipped;
  const badDates = (log.byCause['date|not-a-date'] ?? 0) + (log.byCause['date|date-out-of-range'] ?? 0);
  if (badDates > result.inputRows / 2) {
    const where = firstBadCell(source, m, columns, log, 'date', { dateOrder: result.reading.dateOrder?.order });
    throw new CliError(`${source.file}: ${where ?? `column "${source.headers[m.date as number]}" holds no readable dates`} (${fmt(badDates)} of ${fmt(result.inputRows)} dates unreadable)`);
  }
  return { result, columns, choice };
}

/**
 * The engine's result for the input: read in memory (with the report of what was read), or
 * aggregated by DuckDB (`--engine duckdb`) or PostgreSQL (`--db`) and classified by the engine.
 *
 * @example
 * const { result, input } = await resultOf(parseArgs(["classify", "examples/transactions.csv"]).args, io);
 */
export async function resultOf(args: ClassifyArgs, io: CommandIo): Promise<{ result: TableResult; rowNumber: (i: number) => number; input?: InputReport }> {
  if (args.engine !== undefined || args.db !== undefined) return classifyOnDatabase(args);
  const source = await openSource(args, io);
  const { result, choice } = classifyInput(source, args);
  return { result, rowNumber: source.rowNumber, input: inputReport(source, choice, result.reading, LOCALE) };
}

/**
 * Runs `classify` with parsed arguments; returns the exit code. Throws CliError for bad input.
 *
 * @example
 * await runClassify(parseArgs(["classify", "examples/transactions.csv", "--out", "t.xlsx"]).args, io); // 0
 */
export async function runClassify(given: ClassifyArgs, io: CommandIo): Promise<number> {
  const args = await withTableFiles(given);
  const toFile = args.out !== undefined && args.out !== '-';
  if (toFile) checkOutputPath(args.out as string, args.input, args.force);
  const { result, rowNumber, input } = await resultOf(args, io);
  const audit = result.classification.audit(args.lang);
  if (audit && (!args.quiet || (args.strict && audit.unclassified > 0))) io.stderr.write(audit.lines.map((l) => `tierwise: ${l}`).join('\n') + '\n');
  if (audit && args.strict && audit.unclassified > 0) {
    throw new CliError(`--strict: ${fmt(audit.unclassified)} of ${fmt(result.classification.keys.length)} customers got no class (see the report above); nothing was written`, 1);
  }
  const headerRow = rowNumber(0) - 1;
  const loop = await loopAdditions(args, result, buildSheetPlan(result, { language: args.lang, rowOffset: headerRow, explain: args.explain }));
  const plan = loop.plan;
  let data: Uint8Array | string | null = null;
  let customerSheets: string[] = [];
  if (args.format === 'json') data = JSON.stringify(loop.json({ ...(input ? { input } : {}), ...jsonDocument(result, plan, rowNumber, args.lang) }), (_key, v: unknown) => tidyNumber(v), 1) + '\n';
  else if (args.format === 'csv') {
    // written as it is made: the whole text of a million customers is never in memory
    const chunks = tableCsvChunks(plan.customers, { raw: args.rawCsv });
    if (toFile) writeAtomicChunks(args.out as string, chunks);
    else for (const text of chunks) io.stdout.write(text);
  }
  else if (toFile) {
    // streamed to disk: memory stays bounded however many customers there are
    customerSheets = (await writeAtomicWith(args.out as string, (tmp) => writeXlsx(plan, xlsxTexts(args.lang), { filename: tmp }, xlsxOptions()))).customerSheets;
  } else data = await renderXlsx(plan, xlsxTexts(args.lang), xlsxOptions());
  if (data !== null) {
    if (toFile) writeAtomic(args.out as string, data);
    else io.stdout.write(data);
  }
  if (customerSheets.length > 1) {
    io.stderr.write(`tierwise: ${fmt(plan.customers.rows)} customers do not fit one sheet (at most ${fmt(xlsxOptions().maxRows - 1)} rows below the header): written to ${customerSheets.join(', ')}\n`);
  }
  if (!args.quiet) io.stderr.write([...(input ? inputLines(input) : []), report(result, plan.issues, toFile ? (args.out as string) : null)].join('\n') + '\n');
  return 0;
}

/**
 * Rows a worksheet of the output may hold: Excel's limit, or TIERWISE_MAX_SHEET_ROWS (tests use a
 * small one to check the split without writing a million rows).
 */
function xlsxOptions(): { maxRows: number } {
  const env = Number(process.env.TIERWISE_MAX_SHEET_ROWS);
  return { maxRows: Number.isInteger(env) && env >= 2 && env <= EXCEL_MAX_ROWS ? env : EXCEL_MAX_ROWS };
}

function report(result: TableResult, issues: ReturnType<typeof buildSheetPlan>['issues'], out: string | null): string {
  const c = result.classification;
  const tiers = c.summary.filter((s) => s.customers > 0).map((s) => `${s.tier} ${fmt(s.customers)}`).join(', ');
  let line = `tierwise: ${c.method}: ${fmt(c.keys.length)} customers from ${fmt(result.inputRows - c.skipped.total)} of ${fmt(result.inputRows)} rows (${tiers})`;
  if (issues.total > 0) {
    const reasons = issues.byReason.map((r) => `${fmt(r.count)} ${r.message}`).join(', ');
    line += `\ntierwise: skipped ${fmt(issues.total)} rows: ${reasons}${issues.lines[0] ? ` (first: ${issues.lines[0].message})` : ''}`;
  }
  if (out) line += `\ntierwise: wrote ${out}`;
  return line;
}
