/**
 * `methodSql`: the SQL statement of a registered method, its parameters checked by the registry.
 */
import { methodById } from '../methods/registry';
import { resolveParams } from '../methods/params';
import { TierwiseError } from '../errors';
import type { SqlSource } from './customers';
import { SQL_DIALECTS, type SqlDialectId } from './dialect';

/** A request for SQL: method, dialect, the transaction table and the method's parameters. */
export interface SqlRequest {
  method: string;
  dialect: SqlDialectId;
  source: SqlSource;
  /** Method parameters by engine name (defaults filled in). */
  params?: Readonly<Record<string, unknown>>;
  /** Engine-only options the method reads (e.g. RFM segment `rules`). */
  options?: Readonly<Record<string, unknown>>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One SQL statement computing the method's per-customer result on the user's engine.
 *
 * @example
 * methodSql({ method: "abc", dialect: "postgres", source: { table: "sales", customer: "customer_id", date: "order_date", amount: "amount", returns: "all", decimals: 2 } });
 * // "WITH\ntx AS (…)\n…\nSELECT m.customer, m.recency, m.frequency, m.monetary, COALESCE(c.tier, 'A') …"
 */
export function methodSql(r: SqlRequest): string {
  const method = methodById(r.method);
  if (!method.sql) throw new TierwiseError('option', `${method.short.en} has no SQL form`);
  const s = r.source;
  if (s.asOf !== undefined && !DATE.test(s.asOf)) throw new TierwiseError('date', `as-of must be YYYY-MM-DD, got "${s.asOf}"`);
  if (!(Number.isInteger(s.decimals) && s.decimals >= 0 && s.decimals <= 9)) {
    throw new TierwiseError('option', `decimals must be a whole number from 0 to 9, got ${String(s.decimals)}`);
  }
  for (const [role, name] of [['table', s.table], ['customer', s.customer], ['date', s.date], ['amount', s.amount], ['invoice', s.invoice]] as const) {
    if (name !== undefined && name.trim() === '') throw new TierwiseError('column', `the ${role} name is empty`);
  }
  const params = resolveParams(method, r.params ?? {});
  return method.sql({ dialect: SQL_DIALECTS[r.dialect], source: s }, params, r.options ?? {});
}
