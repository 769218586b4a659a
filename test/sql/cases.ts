/** The random transaction tables the SQL equality tests run on the engine and on the databases. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Cell, type MethodId, type SqlSource, type TableColumns, type TableResult, TierwiseError, classifyTable, isoDate, sqlReturnsOf } from '../../src/engine';
import { classifyOnRunner } from '../../src/cli/db-run';
import { CliError } from '../../src/cli/errors';
import type { SqlEngine } from './engines';
import { runnerOf, view } from './timeline-view';

/** One transaction row (null: a blank cell). */
export interface Tx {
  customer: string | null;
  day: number | null;
  amount: number | null;
  invoice: string | null;
}

/** A table and how it is classified. */
export interface Case {
  rows: Tx[];
  withInvoice: boolean;
  asOf: number | null;
  returns: 'net' | 'drop';
  method: MethodId;
  params: Record<string, unknown>;
}

/** A result, or the message of the error both paths must give ("no usable rows" in either wording). */
export type Outcome<T> = { ok: T } | { error: string };

/**
 * The cases of one test file as the engine and the databases read them (dates count from
 * `start`): their cells, the in-memory classification, and a CSV loaded as table `sales`.
 */
export function caseTables(start: number, name: string) {
  const dir = mkdtempSync(join(tmpdir(), `tierwise-${name}-`));
  let file = 0;
  const columns = (c: Case): TableColumns => {
    const cells = <T>(f: (r: Tx) => T | null): Cell[] => c.rows.map((r) => (f(r) === null ? '' : (f(r) as Cell)));
    return {
      customer: cells((r) => r.customer),
      date: cells((r) => (r.day === null ? null : isoDate(start + r.day))),
      amount: cells((r) => r.amount),
      invoice: c.withInvoice ? cells((r) => r.invoice) : undefined,
    };
  };
  const csv = (rows: Tx[]): string => {
    const text = (v: string | null): string => (v === null ? '' : `"${v.replace(/"/g, '""')}"`);
    const lines = rows.map((r) => [text(r.customer), r.day === null ? '' : isoDate(start + r.day), r.amount === null ? '' : String(r.amount), text(r.invoice)].join(','));
    return ['customer,day,amount,invoice', ...lines].join('\n') + '\n';
  };
  const classify = (c: Case): TableResult => classifyTable(columns(c), { method: c.method, ...c.params, returns: c.returns, asOf: c.asOf === null ? undefined : start + c.asOf });
  const source = (c: Case, decimals: number): SqlSource => ({
    table: 'sales',
    customer: 'customer',
    date: 'day',
    amount: 'amount',
    invoice: c.withInvoice ? 'invoice' : undefined,
    asOf: c.asOf === null ? undefined : isoDate(start + c.asOf),
    returns: sqlReturnsOf(c.returns),
    decimals,
  });
  return {
    /** The in-memory engine's classification of the case (throws as it does). */
    classify,
    /** {@link classify}, its "no usable transactions" error as an outcome. */
    inMemory(c: Case): Outcome<TableResult> {
      try {
        return { ok: classify(c) };
      } catch (e) {
        if (!(e instanceof TierwiseError)) throw e;
        return { error: /^no usable transactions/.test(e.message) ? 'no usable rows' : e.message };
      }
    },
    /** The `--engine duckdb` / `--db` path on the loaded table `sales`, as plain data (`view`). */
    async onDatabase(engine: SqlEngine, c: Case): Promise<Outcome<unknown>> {
      const from = source(c, 6);
      try {
        return { ok: view(await classifyOnRunner(runnerOf(engine), from, { method: c.method, params: c.params, asOf: from.asOf }, 'sales')) };
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        return { error: /no usable rows/.test(e.message) ? 'no usable rows' : e.message.replace(/^sales: /, '') };
      }
    },
    /** Writes the case as CSV and loads it into the database as table `sales`. */
    async load(engine: SqlEngine, c: Case): Promise<void> {
      const path = join(dir, `t${file++}.csv`);
      writeFileSync(path, csv(c.rows));
      const pg = engine.name === 'postgres';
      await engine.load('sales', [['customer', pg ? 'TEXT' : 'VARCHAR'], ['day', 'DATE'], ['amount', pg ? 'NUMERIC(18,2)' : 'DECIMAL(18,2)'], ['invoice', pg ? 'TEXT' : 'VARCHAR']], path);
    },
    /** Table `sales` as an SQL source for the case. */
    source,
    remove: (): void => rmSync(dir, { recursive: true, force: true }),
  };
}
