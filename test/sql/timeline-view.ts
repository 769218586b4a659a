/** A classification as plain data, and a test engine as the CLI's SQL runner, for the timeline equality tests. */
import { SQL_DIALECTS, type TableResult } from '../../src/engine';
import type { SqlRunner } from '../../src/cli/db-run';
import type { SqlEngine } from './engines';

/** Everything a classification writes, as plain data (NaN and typed arrays made comparable). */
export function view(r: TableResult): unknown {
  const c = r.classification;
  const cust = r.customers;
  const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>).map(String) : typeof v === 'number' ? String(v) : v)));
  return plain({
    keys: c.keys,
    tiers: Array.from(c.tierIndex),
    columns: c.columns.map((col) => [col.id, col.values]),
    model: c.model,
    summary: c.summary,
    why: c.keys.map((_k, i) => c.explain(i, 'en')),
    // whole days: the engine keeps a timestamp's time of day in first and last, a database's DATE does not
    customers: cust && { first: cust.first.map(Math.floor), last: cust.last.map(Math.floor), recency: cust.recency, frequency: cust.frequency, monetary: cust.monetary, asOf: cust.asOf, rowsUsed: cust.rowsUsed },
    skipped: { total: cust?.skipped.total, byCause: cust?.skipped.byCause },
    inputRows: r.inputRows,
  });
}

/** The CLI's runner over a test engine (the test closes the engine itself). */
export function runnerOf(engine: SqlEngine): SqlRunner {
  return { dialect: SQL_DIALECTS[engine.name === 'postgres' ? 'postgres' : 'duckdb'], run: engine.run, query: engine.query, close: () => undefined };
}
