/**
 * Arguments of `tierwise sql` (the statement for the user's engine) and the flags that make
 * `classify` / `verify` run on DuckDB (`--engine duckdb`) or a PostgreSQL table (`--db URL --table NAME`).
 */
import { type MethodId, type ParamValue, SQL_DIALECT_IDS, type SqlDialectId, type SqlSource, sqlReturnsOf } from '../engine';
import { CliError } from './errors';

/** Value flags of `sql`, `verify` and the database paths. */
export const SQL_VALUE_FLAGS = ['table', 'dialect', 'decimals', 'sample', 'engine', 'db'] as const;

/** Everything `tierwise sql` was asked to do. */
export interface SqlArgs extends SqlSource {
  method: MethodId;
  params: Record<string, ParamValue>;
  dialect: SqlDialectId;
}

function needed(flags: ReadonlyMap<string, string>, name: string): string {
  const v = flags.get(name);
  if (v === undefined || v.trim() === '') throw new CliError(`sql needs --${name}`, 2);
  return v;
}

/**
 * The `sql` command's arguments from the parsed flags.
 *
 * @example
 * sqlArgs(new Map([["table", "sales"], ["customer", "id"], ["date", "d"], ["amount", "a"]]), "abc", {});
 * // { method: "abc", dialect: "duckdb", table: "sales", …, returns: "all", decimals: 6 }
 */
export function sqlArgs(flags: ReadonlyMap<string, string>, method: MethodId, params: Record<string, ParamValue>): SqlArgs {
  for (const f of ['quantity', 'price', 'value']) {
    if (flags.has(f)) throw new CliError(`sql takes --amount (a column or an expression in your table), not --${f}`, 2);
  }
  const dialect = flags.get('dialect') ?? 'duckdb';
  if (!(SQL_DIALECT_IDS as readonly string[]).includes(dialect)) throw new CliError(`--dialect must be one of ${SQL_DIALECT_IDS.join(', ')}, got "${dialect}"`, 2);
  const returns = flags.get('returns') ?? 'net';
  if (returns !== 'net' && returns !== 'drop') throw new CliError(`--returns must be one of net, drop, got "${returns}"`, 2);
  const decimalsText = flags.get('decimals') ?? '6';
  const decimals = Number(decimalsText);
  if (!/^\d$/.test(decimalsText)) throw new CliError(`--decimals must be a whole number from 0 to 9, got "${decimalsText}"`, 2);
  const asOf = flags.get('as-of');
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new CliError(`--as-of must be a date as YYYY-MM-DD, got "${asOf}"`, 2);
  return {
    method,
    params,
    dialect: dialect as SqlDialectId,
    table: needed(flags, 'table'),
    customer: needed(flags, 'customer'),
    date: needed(flags, 'date'),
    amount: needed(flags, 'amount'),
    invoice: flags.get('invoice'),
    asOf,
    returns: sqlReturnsOf(returns),
    decimals,
  };
}

/**
 * Where `classify` / `verify` aggregate: `--engine duckdb` or `--db URL --table NAME`.
 *
 * @example
 * runOn(new Map([["engine", "duckdb"]])); // { engine: "duckdb" }
 */
export function runOn(flags: ReadonlyMap<string, string>): { engine?: 'duckdb'; db?: { url: string; table: string } } {
  const engine = flags.get('engine');
  const db = flags.get('db');
  if (engine !== undefined && engine !== 'duckdb') throw new CliError(`--engine must be duckdb, got "${engine}"`, 2);
  if (engine !== undefined && db !== undefined) throw new CliError('give --engine duckdb (a file) or --db URL (a database table), not both', 2);
  const reading = ['encoding', 'decimal', 'date-order', 'lenient'].find((f) => flags.has(f));
  if ((engine !== undefined || db !== undefined) && reading !== undefined) {
    throw new CliError(`--${reading} applies to the in-memory reader; --engine duckdb and --db read UTF-8 text with plain numbers and ISO dates (leave out --engine/--db to use --${reading})`, 2);
  }
  if (db !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(db)) throw new CliError(`--db must be a postgres:// or postgresql:// URL, got "${db}"`, 2);
    const table = flags.get('table');
    if (table === undefined || table.trim() === '') throw new CliError('--db needs --table NAME: the table of transactions', 2);
    return { db: { url: db, table } };
  }
  if (flags.has('table')) throw new CliError('--table applies to --db (or to the sql command)', 2);
  return engine === 'duckdb' ? { engine } : {};
}
