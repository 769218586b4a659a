/** `tierwise classify`: read → choose columns → engine → sheet plan → JSON, CSV or xlsx. */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { type Cell, type TableColumns, type TableOptions, type TableResult, TierwiseError, classifyTable, dayNumber, methodById, namedColumns } from '../engine';
import { buildSheetPlan, tidyNumber } from '../report';
import type { ClassifyArgs } from './args';
import { chooseColumns } from './choose-columns';
import { classifyOnDatabase } from './db-run';
import { resolveColumn } from './column-spec';
import { openCsv } from './csv-source';
import { CliError } from './errors';
import { firstBadCell } from './explain';
import { type OutStream, progress } from './progress';
import { jsonDocument } from './render-json';
import { tableCsv } from './render-csv';
import { renderXlsx } from './render-xlsx';
import type { TableSource } from './table-source';
import { xlsxTexts } from './texts';
import { checkOutputPath, writeAtomic } from './write-output';
import { openXlsx } from './xlsx-source';

/** Where the command writes. */
export interface CommandIo {
  stdout: OutStream;
  stderr: OutStream;
}

const BIG_FILE = 8 * 1024 * 1024;
const fmt = (n: number): string => n.toLocaleString('en-US');

async function openSource(args: ClassifyArgs, io: CommandIo): Promise<TableSource> {
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
  if (ext === '.xlsx' || ext === '.xlsm') return openXlsx(file, args.sheet);
  if (ext === '.xls') throw new CliError(`${file}: old .xls workbooks are not supported; save it as .xlsx or .csv`);
  if (args.sheet !== undefined) throw new CliError(`--sheet only applies to .xlsx input, and ${file} is read as CSV`, 2);
  const p = size > BIG_FILE ? progress(io.stderr, `reading ${file}`) : null;
  let source: TableSource;
  try {
    source = openCsv(file, p ? (d, t) => p.update(d, t) : undefined);
  } catch (e) {
    // V8 holds at most 2^29 − 24 characters in one string: the in-memory reader's limit
    if (e instanceof Error && /Cannot create a string longer/.test(e.message)) {
      throw new CliError(`${file}: ${fmt(size)} bytes is more than the in-memory reader holds (about 512 MiB); run it with --engine duckdb`);
    }
    throw e;
  }
  if (!p) return source;
  return { ...source, load: (idx) => { const r = source.load(idx); p.done(); return r; } };
}

function tableOptions(args: ClassifyArgs, source: TableSource): TableOptions {
  const opts: TableOptions = { ...args.params, method: args.method, dateSystem: source.dateSystem };
  if (args.returns !== undefined) opts.returns = args.returns;
  if (args.asOf !== undefined) {
    const [y, m, d] = args.asOf.split('-').map(Number);
    // recency is measured to the as-of day; rows on or after it are left out
    opts.asOf = dayNumber(y, m, d);
  }
  return opts;
}

/** Runs the engine; turns "nothing usable" into one line naming the column, row and cell. */
function classify(source: TableSource, args: ClassifyArgs): { result: TableResult; columns: Map<number, Cell[]> } {
  const choice = chooseColumns(source, args.columns, args.method);
  const m = choice.mapping;
  const method = methodById(args.method);
  const named = namedColumns(method, args.params).map((name) => {
    const flag = method.params.find((p) => p.kind === 'columns' && ((args.params[p.name] ?? p.default) as string[]).includes(name))?.flag ?? 'features';
    return { name, index: resolveColumn(name, source.headers, flag) };
  });
  const indexes = [...new Set([...(Object.values(m) as number[]), ...named.map((x) => x.index)])];
  const { columns } = source.load(indexes);
  const col = (i: number | undefined): Cell[] | undefined => (i === undefined ? undefined : columns.get(i));
  const input: TableColumns = { customer: col(m.customer) as Cell[] };
  if (choice.level === 'transactions') {
    input.date = col(m.date);
    if (m.amount !== undefined) input.amount = col(m.amount);
    else {
      input.quantity = col(m.quantity);
      input.price = col(m.price);
    }
    if (m.invoice !== undefined) input.invoice = col(m.invoice);
  } else input.value = col(m.value);
  if (named.length > 0) input.extra = Object.fromEntries(named.map((x) => [x.name, col(x.index) as Cell[]]));
  if (input.customer.length === 0) throw new CliError(`${source.file}: no data rows below the header`);
  let result: TableResult;
  try {
    result = classifyTable(input, tableOptions(args, source));
  } catch (e) {
    if (e instanceof TierwiseError && e.code === 'empty') {
      const where = firstBadCell(source, m, columns);
      throw new CliError(`${source.file}: no usable rows${where ? `: ${where}` : ` (${e.message})`}`);
    }
    if (e instanceof TierwiseError) throw new CliError(`${source.file}: ${e.message}`);
    throw e;
  }
  const log = result.classification.skipped;
  const badDates = (log.byCause['date|not-a-date'] ?? 0) + (log.byCause['date|date-out-of-range'] ?? 0);
  if (badDates > result.inputRows / 2) {
    const where = firstBadCell(source, m, columns, log, 'date');
    throw new CliError(`${source.file}: ${where ?? `column "${source.headers[m.date as number]}" holds no readable dates`} (${fmt(badDates)} of ${fmt(result.inputRows)} dates unreadable)`);
  }
  return { result, columns };
}

/**
 * The engine's result for the input: read in memory, or aggregated by DuckDB (`--engine duckdb`)
 * or PostgreSQL (`--db`) and classified by the engine.
 *
 * @example
 * const { result } = await classifyInput(parseArgs(["classify", "examples/transactions.csv"]).args, io);
 */
export async function classifyInput(args: ClassifyArgs, io: CommandIo): Promise<{ result: TableResult; rowNumber: (i: number) => number }> {
  if (args.engine !== undefined || args.db !== undefined) return classifyOnDatabase(args);
  const source = await openSource(args, io);
  return { result: classify(source, args).result, rowNumber: source.rowNumber };
}

/**
 * Runs `classify` with parsed arguments; returns the exit code. Throws CliError for bad input.
 *
 * @example
 * await runClassify(parseArgs(["classify", "examples/transactions.csv", "--out", "t.xlsx"]).args, io); // 0
 */
export async function runClassify(args: ClassifyArgs, io: CommandIo): Promise<number> {
  const toFile = args.out !== undefined && args.out !== '-';
  if (toFile) checkOutputPath(args.out as string, args.input, args.force);
  const { result, rowNumber } = await classifyInput(args, io);
  const headerRow = rowNumber(0) - 1;
  const plan = buildSheetPlan(result, { language: args.lang, rowOffset: headerRow, explain: args.explain });
  let data: Uint8Array | string;
  if (args.format === 'json') data = JSON.stringify(jsonDocument(result, plan, rowNumber, args.lang), (_key, v: unknown) => tidyNumber(v), 1) + '\n';
  else if (args.format === 'csv') data = tableCsv(plan.customers);
  else data = await renderXlsx(plan, xlsxTexts(args.lang));
  if (toFile) writeAtomic(args.out as string, data);
  else io.stdout.write(data);
  if (!args.quiet) io.stderr.write(report(result, plan.issues, toFile ? (args.out as string) : null) + '\n');
  return 0;
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
