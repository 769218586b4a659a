/**
 * `classify --engine duckdb FILE` and `classify --db postgres://… --table NAME`: the transactions
 * are aggregated into customers by the database (DuckDB embedded, reading the CSV itself, in
 * bounded memory; or the user's PostgreSQL server), with the SQL Tierwise generates
 * (`customersSql`, the engine's aggregation rules, exact DECIMAL money), and the customers are
 * then classified by the engine as usual — so every output (JSON, CSV, xlsx, summary, why) is
 * the one the in-memory path writes. Methods that read the purchase timeline (lifecycle, CLV, a
 * `clv` column) also get the purchases, grouped per customer, day and invoice by the database
 * (`purchasesSql`), and fit on them in the engine.
 */
import { execFile } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Customers,
  type MethodId,
  type Purchases,
  type SqlKeepNoPurchase,
  methodById,
  namedColumns,
  type SkipLog,
  type SkipReason,
  type SqlDialect,
  type SqlSource,
  type TableResult,
  SQL_DIALECTS,
  TierwiseError,
  classifyCustomers,
  customersSql,
  dayNumber,
  purchaseGroupsReader,
  purchasesSql,
  timelineNeeds,
  isTotalLabel,
  keyErrorSql,
  keyOrder,
  keySql,
  quoteTable,
  sqlReturnsOf,
  textLiteral,
  totalRowSql,
} from '../engine';
import type { ClassifyArgs } from './args';
import { chooseColumns } from './choose-columns';
import { parseCsv, sniffDelimiter } from './csv-read';
import { CliError } from './errors';
import { SAMPLE_ROWS, type TableSource } from './table-source';

/** Runs SQL and returns every value as text (null for NULL). */
export interface SqlRunner {
  dialect: SqlDialect;
  run: (sql: string) => Promise<void>;
  query: (sql: string) => Promise<(string | null)[][]>;
  /** Runs a query and hands its rows over in batches, when the database can stream them (DuckDB). */
  each?: (sql: string, onRows: (rows: (string | null)[][]) => void) => Promise<void>;
  close: () => void;
}

/**
 * DuckDB in this process (the optional dependency `@duckdb/node-api`), or a clear error when it is
 * not installed.
 *
 * @example
 * const db = await openDuckDb(); await db.query("SELECT 1"); // [["1"]]
 */
export async function openDuckDb(): Promise<SqlRunner> {
  let api: typeof import('@duckdb/node-api');
  try {
    api = await import('@duckdb/node-api');
  } catch {
    throw new CliError('--engine duckdb needs the optional package @duckdb/node-api: install it with npm install @duckdb/node-api (or leave out --engine)');
  }
  // DuckDB spills what does not fit in memory to its temp directory: a private one under the
  // system's, removed when done (its default is ".tmp" in the current folder)
  const spill = mkdtempSync(join(tmpdir(), 'tierwise-duckdb-'));
  const instance = await api.DuckDBInstance.create(':memory:', { temp_directory: spill });
  const con = await instance.connect();
  return {
    dialect: SQL_DIALECTS.duckdb,
    run: async (sql) => {
      await con.run(sql);
    },
    query: async (sql) => (await con.runAndReadAll(sql)).getRows().map((row) => row.map((v) => (v === null ? null : String(v)))),
    each: async (sql, onRows) => {
      const result = await con.stream(sql);
      for await (const rows of result.yieldRows()) onRows(rows.map((row) => row.map((v) => (v === null ? null : String(v)))));
    },
    close: () => {
      con.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}

/**
 * A PostgreSQL database through `psql` (PostgreSQL's own client; `COPY (…) TO STDOUT` gives every
 * value as text, with the backslash escapes of its text format undone: \t \n \r \v \f \b \\).
 *
 * @example
 * const db = openPostgres("postgres://me@localhost/shop"); await db.query("SELECT 1"); // [["1"]]
 */
export function openPostgres(url: string): SqlRunner {
  const psql = (sql: string): Promise<string> =>
    new Promise((resolve, reject) => {
      execFile('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], { maxBuffer: 1 << 30, encoding: 'utf8' }, (err, stdout, stderr) => {
        if (err) {
          const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
          reject(new CliError(missing ? '--db needs PostgreSQL\'s client psql on the PATH (Debian package postgresql-client)' : `PostgreSQL: ${stderr.trim() || err.message}`));
        } else resolve(stdout);
      });
    });
  return {
    dialect: SQL_DIALECTS.postgres,
    run: async (sql) => {
      await psql(sql);
    },
    query: async (sql) =>
      (await psql(`COPY (${sql}) TO STDOUT`))
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.split('\t').map((v) => (v === '\\N' ? null : v.replace(/\\(.)/g, (_m, c: string) => ({ t: '\t', n: '\n', r: '\r', v: '\v', f: '\f', b: '\b', '\\': '\\' })[c] ?? c)))),
    close: () => undefined,
  };
}

/** The first rows of a CSV file (its first MiB), for choosing the columns as the in-memory path does. */
function sampleCsv(file: string): TableSource & { delimiter: string } {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  let n: number;
  try {
    n = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  let text = buf.subarray(0, n).toString('utf8');
  if (n === buf.length) text = text.slice(0, text.lastIndexOf('\n') + 1);
  const delimiter = sniffDelimiter(text);
  const head = parseCsv(text, { delimiter, maxRows: SAMPLE_ROWS });
  if (head.headers.length === 0 || head.headers.every((h) => h === '')) throw new CliError(`${file}: the file is empty`);
  return {
    file,
    delimiter,
    headers: head.headers,
    sample: head.columns.map((c) => c ?? []),
    load: () => {
      throw new Error('the DuckDB path reads columns in DuckDB');
    },
    rowNumber: (i) => i + 2,
    dateSystem: '1900',
  };
}

const DATE_TYPES = /^(DATE|TIMESTAMP)/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;
const NUMBER_TYPES = /^(DECIMAL|DOUBLE|FLOAT|REAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)/;

/** A view `tierwise_tx` (customer, tx_date, amount, invoice) over the CSV file, read by DuckDB. */
async function csvView(db: SqlRunner, args: ClassifyArgs): Promise<{ source: TableSource; hasInvoice: boolean }> {
  if (/\.(xlsx|xlsm|xls)$/i.test(args.input)) throw new CliError(`${args.input}: --engine duckdb reads CSV files; leave out --engine for workbooks`, 2);
  if (!existsSync(args.input)) throw new CliError(`${args.input}: no such file`);
  const source = sampleCsv(args.input);
  const choice = chooseColumns(source, args.columns, args.method);
  if (choice.level !== 'transactions') throw new CliError(`${args.input}: --engine duckdb reads transactions (customer, date, amount); this looks like one row per customer — leave out --engine`);
  const m = choice.mapping;
  // DuckDB's own date sniffing may take 01.02.2024 as January or February: only ISO dates go
  // through DuckDB, so it can never disagree with the engine's reading of the date order
  const notIso = (source.sample[m.date as number] ?? []).find((c) => typeof c === 'string' && c.trim() !== '' && !ISO_DATE.test(c.trim()));
  if (notIso !== undefined) {
    throw new CliError(`${args.input}: --engine duckdb reads ISO dates (2024-03-01, 2024-03-01 14:30), and column "${source.headers[m.date as number]}" has "${String(notIso)}"; leave out --engine to read other date formats`);
  }
  const q = db.dialect.quote;
  const name = (i: number | undefined): string => q(source.headers[i as number]);
  const textTypes = [m.customer, m.invoice].filter((i): i is number => i !== undefined).map((i) => `${textLiteral(source.headers[i])}: 'VARCHAR'`);
  const amount = m.amount !== undefined ? name(m.amount) : `${name(m.quantity)} * ${name(m.price)}`;
  const invoice = m.invoice !== undefined ? name(m.invoice) : 'CAST(NULL AS VARCHAR)';
  await db.run(
    `CREATE VIEW tierwise_tx AS SELECT ${name(m.customer)} AS customer, ${name(m.date)} AS tx_date, ${amount} AS amount, ${invoice} AS invoice
     FROM read_csv(${textLiteral(args.input)}, header = true, delim = ${textLiteral(source.delimiter)}, types = {${textTypes.join(', ')}})`,
  );
  const types = new Map((await db.query('DESCRIBE tierwise_tx')).map((r) => [r[0], r[1] ?? '']));
  const dateColumn = source.headers[m.date as number];
  if (!DATE_TYPES.test(types.get('tx_date') ?? '')) {
    throw new CliError(`${args.input}: DuckDB reads column "${dateColumn}" as ${types.get('tx_date')}, not as dates (it knows ISO dates such as 2024-03-01); leave out --engine to read other date formats`);
  }
  if (!NUMBER_TYPES.test(types.get('amount') ?? '')) {
    throw new CliError(`${args.input}: DuckDB reads the amount as ${types.get('amount')}, not as numbers (plain numbers such as 1200.50); leave out --engine to read other number formats`);
  }
  return { source, hasInvoice: m.invoice !== undefined };
}

/** What one scan of the table counts: its rows, the rows left out by column and reason, and the total-row labels found. */
interface TableScan {
  inputRows: number;
  listed: number;
  textKeys: boolean;
  causes: [string, 'blank' | 'error' | 'total-row' | 'after-as-of' | 'cancellation', number][];
  /** Customer and invoice keys that are total labels (`isTotalLabel`): their rows are total rows. */
  totalLabels: string[];
  /** No customer or invoice text needs more than `NULLIF(text, '')` to be its key (see `SqlSource.plainKeys`). */
  plainKeys: boolean;
}

/** True (as SQL) when text expression `e` matches regular expression `re` (DuckDB, PostgreSQL). */
function matchesSql(d: SqlDialect, e: string, re: string): string {
  return d.id === 'postgres' ? `${e} ~ ${textLiteral(re)}` : `regexp_matches(${e}, ${textLiteral(re)})`;
}

/** The distinct values of text expression `e` where `cond` holds, as one JSON array (NULL when none). */
function jsonListSql(d: SqlDialect, e: string, cond: string): string {
  return d.id === 'postgres' ? `json_agg(DISTINCT ${e}) FILTER (WHERE ${cond})` : `to_json(list(DISTINCT ${e}) FILTER (WHERE ${cond}))`;
}

/**
 * The table's rows and those the aggregation leaves out, by column and reason, counted by the
 * database in one scan, as the engine logs them; with `keep` true, rows with a customer and
 * neither date nor amount list that customer (counted in `listed`, not left out). The customer
 * and invoice are keys as in the engine (`keySql`): a row whose customer is an Excel error text
 * is left out for "error", one whose customer is NULL or blank for "blank", one whose customer
 * or invoice is a total label ("Grand Total", "合计": `s.totalLabels`) for "total-row". The same
 * scan lists the keys that may be total labels (at most 24 characters, no digit), which the
 * engine tests; when some are, the caller scans again with them.
 */
async function scanTable(db: SqlRunner, s: SqlSource, keep: SqlKeepNoPurchase): Promise<TableScan> {
  const d = db.dialect;
  const q = d.quote;
  const sum = (cond: string, n = 'n'): string => `SUM(CASE WHEN ${cond} THEN ${n} ELSE 0 END)`;
  // the rows grouped by their customer and invoice texts (a hash aggregation, cheaper than working
  // out keys on every row), with what the counts need of their dates and amounts
  const after = s.asOf !== undefined ? `CAST(${q(s.date)} AS DATE) >= DATE ${textLiteral(s.asOf)}` : '1 = 0';
  const [dt, a] = [q(s.date), q(s.amount)];
  const rowSum = (cond: string): string => `SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
  const rawInvoice = s.invoice === undefined ? `CAST(NULL AS ${d.text})` : q(s.invoice);
  const groups =
    `SELECT ${q(s.customer)} AS raw_c, ${rawInvoice} AS raw_i, COUNT(*) AS n, ${rowSum(`${dt} IS NULL AND ${a} IS NULL`)} AS n_list, ` +
    `${rowSum(`${dt} IS NULL`)} AS n_no_date, ${rowSum(`${dt} IS NOT NULL AND ${a} IS NULL`)} AS n_no_amount, ` +
    `${rowSum(`${dt} IS NOT NULL AND ${a} IS NOT NULL AND ${after}`)} AS n_after, ${rowSum(`${dt} IS NOT NULL AND ${a} IS NOT NULL AND NOT (${after})`)} AS n_before ` +
    `FROM ${quoteTable(d, s.table)} GROUP BY ${q(s.customer)}${s.invoice === undefined ? '' : `, ${rawInvoice}`}`;
  // then per group: c the customer's key, i the invoice's, e an error text as customer (tested only
  // where there is no key), txt a customer key that is text, not a number (the engine lists
  // customers in numeric order when every customer id of the table is a number, `keyOrder`, ids
  // of rows left out included), p a key that differs from its plain text (then `plainKeys` cannot be used)
  const keyOf = (raw: string): string => keySql(d, raw);
  const keys = `SELECT ${keyOf('raw_c')} AS c, ${s.invoice === undefined ? `CAST(NULL AS ${d.text})` : keyOf('raw_i')} AS i, raw_c, raw_i, n, n_list, n_no_date, n_no_amount, n_after, n_before FROM (${groups}) g`;
  const text = `COALESCE(NOT (${matchesSql(d, 'c', '^-?[0-9]+([.][0-9]+)?$')}), FALSE)`;
  const plain = (k: string, raw: string): string => `${k} IS DISTINCT FROM NULLIF(CAST(${raw} AS ${d.text}), '')`;
  const keyed = `SELECT c, i, CASE WHEN c IS NULL THEN ${keyErrorSql(d, 'raw_c')} ELSE FALSE END AS e, ${text} AS txt, (${plain('c', 'raw_c')}) OR (${plain('i', 'raw_i')}) AS p, n, n_list, n_no_date, n_no_amount, n_after, n_before FROM (${keys}) k`;
  const total = totalRowSql(s.totalLabels, ['c', 'i']);
  const cancelled = s.invoice !== undefined && s.returns === 'drop' ? "UPPER(i) LIKE 'C%'" : '1 = 0';
  const counted = `NOT ${total} AND c IS NOT NULL`;
  const counts = [
    sum('txt'),
    keep === true ? sum(counted, 'n_list') : '0',
    sum(total),
    sum(`NOT ${total} AND c IS NULL AND NOT e`),
    sum(`NOT ${total} AND e`),
    sum(counted, keep === true ? 'n_no_date - n_list' : 'n_no_date'),
    sum(counted, 'n_no_amount'),
    sum(counted, 'n_after'),
    sum(`${counted} AND ${cancelled}`, 'n_before'),
    sum('p'),
  ];
  // keys that may be total labels (`isTotalLabel`: at most 24 characters, and a label has no digit)
  const maybeLabel = (k: string): string => `${k === 'c' ? 'txt' : `${k} IS NOT NULL`} AND LENGTH(${k}) <= 24 AND NOT (${matchesSql(d, k, '[0-9]')})`;
  const keyColumns = s.totalLabels === undefined ? ['c', ...(s.invoice === undefined ? [] : ['i'])] : [];
  const lists = keyColumns.map((k) => jsonListSql(d, k, maybeLabel(k)));
  const [row] = await db.query(`SELECT SUM(n), ${[...counts, ...lists].join(', ')} FROM (${keyed}) x`);
  const [inputRows, textIds, listed, ...n] = row.slice(0, 1 + counts.length).map((v) => Number(v ?? 0));
  const plainKeys = n[7] === 0;
  const found = row.slice(1 + counts.length).flatMap((v) => (v === null ? [] : (JSON.parse(v) as string[])));
  return {
    inputRows,
    listed,
    textKeys: textIds > 0,
    causes: [
      ['customer', 'total-row', n[0]],
      ['customer', 'blank', n[1]],
      ['customer', 'error', n[2]],
      ['date', 'blank', n[3]],
      ['amount', 'blank', n[4]],
      ['date', 'after-as-of', n[5]],
      ['invoice', 'cancellation', n[6]],
    ],
    totalLabels: [...new Set(found.filter(isTotalLabel))].sort(),
    plainKeys,
  };
}

/**
 * The skip log of a scan, once the customer table says how many rows it used. The reasons come in
 * a fixed order: a table has no row order to list them by (the engine lists them in the order of
 * their first row in the file).
 */
function skipLogOf(scan: TableScan, rowsUsed: number, returns: SqlSource['returns']): SkipLog {
  const causes: [string, SkipReason, number][] = [...scan.causes];
  // the rest: returns dropped ("drop"), or the rows of customers with nothing but returns ("net")
  const rest = scan.inputRows - rowsUsed - causes.reduce((x, y) => x + y[2], 0);
  if (rest > 0) causes.push(returns === 'net' ? ['customer', 'returns-only', rest] : ['amount', 'return', rest]);
  const log: SkipLog = { total: 0, byReason: {}, byCause: {}, rows: [] };
  for (const [column, reason, n] of causes) {
    if (n <= 0) continue;
    log.total += n;
    log.byReason[reason] = (log.byReason[reason] ?? 0) + n;
    log.byCause[`${column}|${reason}`] = n;
  }
  return log;
}

/**
 * The customer table the database computed, in the engine's customer order: text order when
 * `textKeys` (an id of the table is not a number), otherwise `keyOrder`'s.
 */
function customersOf(rows: (string | null)[][], skipped: SkipLog, textKeys: boolean): Customers {
  const keys = rows.map((r) => r[0] as string);
  const order = textKeys ? Int32Array.from(keys, (_k, i) => i).sort((x, y) => (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : 0)) : keyOrder(keys);
  const n = rows.length;
  // NULL (first and last purchase, recency of a customer kept without a purchase) is NaN, as in the engine
  const col = (j: number): Float64Array => Float64Array.from(order, (i) => (rows[i][j] === null ? NaN : Number(rows[i][j])));
  return {
    keys: Array.from(order, (i) => keys[i]),
    first: col(1),
    last: col(2),
    recency: col(3),
    frequency: col(4),
    monetary: col(5),
    asOf: n ? Number(rows[0][6]) : 0,
    rowsUsed: rows.reduce((s, r) => s + Number(r[7]), 0),
    skipped,
  };
}

/** What to classify on a database: the method, its parameters and the as-of date given. */
export interface DatabaseRequest {
  method: MethodId;
  params: Readonly<Record<string, unknown>>;
  /** `YYYY-MM-DD` as given (also in the source). */
  asOf?: string;
}

/**
 * Classifies the transactions of `source` on a database the caller opened: the customer table
 * (and, for methods reading the timeline, the purchases) computed there, the method fitted in
 * the engine. `where` names the input in messages.
 *
 * @example
 * const db = await openDuckDb();
 * await db.run("CREATE TABLE sales AS SELECT * FROM read_csv('tx.csv')");
 * const r = await classifyOnRunner(db, { table: "sales", customer: "id", date: "day", amount: "amount", returns: "net", decimals: 6 }, { method: "lifecycle", params: {} }, "sales");
 * r.classification.keys; // ["1", "2", …]
 */
export async function classifyOnRunner(db: SqlRunner, given: SqlSource, request: DatabaseRequest, where: string): Promise<TableResult> {
  const method = methodById(request.method);
  const needs = timelineNeeds(method, request.params);
  // one scan counts the rows left out and finds total labels; a second only when there are some
  let source = given;
  let scan = await scanTable(db, source, needs.keepNoPurchase);
  if (scan.totalLabels.length > 0) {
    source = { ...source, totalLabels: scan.totalLabels };
    scan = { ...(await scanTable(db, source, needs.keepNoPurchase)), totalLabels: scan.totalLabels };
  }
  // the usual table: every id and invoice is its own key, the customer SQL needs no key work per row
  if (scan.plainKeys) source = { ...source, plainKeys: true };
  const context = { dialect: db.dialect, source };
  const rows = await db.query(customersSql(context, needs.keepNoPurchase));
  const used = rows.reduce((s, r) => s + Number(r[7]), 0);
  const { inputRows, listed, textKeys } = scan;
  const skipped = skipLogOf(scan, used, source.returns);
  if (rows.length === 0 || used === listed) throw new CliError(`${where}: no usable rows (every row lacks a customer, date or amount, or was left out)`);
  const customers = customersOf(rows, skipped, textKeys);
  if (request.asOf !== undefined) {
    const [y, m, d] = request.asOf.split('-').map(Number);
    if (dayNumber(y, m, d) !== customers.asOf) throw new Error('as-of mismatch');
  }
  let purchases: Purchases | undefined;
  if (needs.purchases) {
    // the purchases grouped per customer, day and invoice, read in batches where the database streams
    const sql = purchasesSql(context, { zeroValue: needs.zeroValue, keep: needs.keepNoPurchase });
    const reader = purchaseGroupsReader(customers.keys);
    if (db.each) await db.each(sql, reader.add);
    else reader.add(await db.query(sql));
    purchases = reader.done();
  }
  try {
    const classification = classifyCustomers({ ...customers, customers, purchases }, { ...request.params, method: request.method });
    return { level: 'transactions', classification, customers, inputRows, reading: { totalRows: skipped.byCause['customer|total-row'] ?? 0 } };
  } catch (e) {
    if (e instanceof TierwiseError) throw new CliError(`${where}: ${e.message}`);
    throw e;
  }
}

/**
 * Classifies with the aggregation done by DuckDB (`--engine duckdb`) or PostgreSQL (`--db`).
 *
 * @example
 * const { result } = await classifyOnDatabase(parseArgs(["classify", "big.csv", "--engine", "duckdb"]).args);
 */
export async function classifyOnDatabase(args: ClassifyArgs): Promise<{ result: TableResult; rowNumber: (i: number) => number }> {
  const method = methodById(args.method);
  const flag = args.db ? '--db' : '--engine duckdb';
  const named = namedColumns(method, args.params);
  if (named.length > 0) {
    throw new CliError(`--method ${method.id} reads the columns ${named.map((n) => `"${n}"`).join(', ')} of each row, and ${flag} brings back recency, frequency and monetary per customer; leave out ${flag} for this method`, 2);
  }
  const db = args.db ? openPostgres(args.db.url) : await openDuckDb();
  const where = args.db ? `${args.db.table}` : args.input;
  try {
    let source: SqlSource;
    if (args.db) {
      const { customer, date, amount, invoice } = args.columns;
      if (customer === undefined || date === undefined || amount === undefined) throw new CliError('--db needs the column names: --customer COL --date COL --amount COL [--invoice COL]', 2);
      source = { table: args.db.table, customer, date, amount, invoice, asOf: args.asOf, returns: sqlReturnsOf(args.returns), decimals: 6 };
    } else {
      const view = await csvView(db, args);
      source = { table: 'tierwise_tx', customer: 'customer', date: 'tx_date', amount: 'amount', invoice: view.hasInvoice ? 'invoice' : undefined, asOf: args.asOf, returns: sqlReturnsOf(args.returns), decimals: 6 };
    }
    const result = await classifyOnRunner(db, source, { method: args.method, params: args.params, asOf: args.asOf }, where);
    return { result, rowNumber: (i) => i + 2 };
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (e instanceof Error && !(e instanceof TypeError) && !(e instanceof RangeError)) throw new CliError(`${where}: ${e.message.split('\n')[0]}`);
    throw e;
  } finally {
    db.close();
  }
}
