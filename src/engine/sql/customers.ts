/**
 * Transactions → one row per customer, in SQL, by the engine's aggregation rules
 * (`../aggregate.ts`): rows with a missing customer, date or amount are left out; an as-of date
 * leaves out rows on or after it, and by default is the day after the latest transaction; customer
 * ids and invoices are keys as the engine reads them (trimmed; blank and Excel error texts are no
 * key: `keys.ts`); recency
 * is whole calendar days from the last purchase to the as-of date; frequency counts distinct
 * invoices (each row without an invoice counts once; rows when there is no invoice column);
 * monetary is the exact `DECIMAL` sum of the amounts.
 */
import type { ReturnsPolicy } from '../aggregate';
import { type SqlDialect, quoteTable, textLiteral } from './dialect';
import { keySql, totalRowSql } from './keys';

/**
 * How returns count, in the SQL:
 * - "all": every row is a transaction (returns count toward frequency and reduce monetary);
 * - "drop": rows with an amount ≤ 0 or an invoice starting with "C" are left out;
 * - "net": frequency, first and last purchase count purchases only (a positive amount on an
 *   invoice not starting with "C"), returns reduce monetary, customers with no purchase are left
 *   out; the default as-of date is the day after the latest row of the customers kept.
 */
export type SqlReturns = 'all' | 'drop' | 'net';

/** The transaction table and its columns, as the user's engine names them. */
export interface SqlSource {
  table: string;
  customer: string;
  date: string;
  amount: string;
  invoice?: string;
  /** `YYYY-MM-DD`; default the day after the latest transaction. */
  asOf?: string;
  returns: SqlReturns;
  /** Decimals money is summed at (0…9). */
  decimals: number;
  /**
   * Customer or invoice keys that mark a total row ("Grand Total", "合计": the engine's
   * `isTotalLabel`), as found in the table: rows holding one are left out, as the engine does.
   */
  totalLabels?: readonly string[];
  /**
   * True when a scan found no customer or invoice text that is an Excel error text or needs
   * trimming: the keys are then the texts (blank as NULL), at no cost per row.
   */
  plainKeys?: boolean;
}

/** Name of the CTE with one row per customer: customer, recency, frequency, monetary (and first_tx, last_tx, rows_used). */
export const MEASURES = 'measures';

/**
 * The engine's returns policy (`../aggregate.ts`) as the SQL's: the same three rules, "net" by default.
 *
 * @example
 * sqlReturnsOf(undefined); // "net"
 */
export function sqlReturnsOf(policy: ReturnsPolicy | undefined): SqlReturns {
  return policy ?? 'net';
}

/**
 * Which customers without a purchase the customer table keeps (the engine's `keepNoPurchase`,
 * `../aggregate.ts`): none (false); every customer with a row, frequency 0 (true: lifecycle's
 * "Potential"; a row with a customer and a blank date and amount lists that customer); or those
 * with a zero-amount row not on a cancelled invoice ("zero-value": purchases of no value for CLV).
 */
export type SqlKeepNoPurchase = boolean | 'zero-value';

/**
 * The CTEs from the transaction table to `measures` (customer, recency, frequency, monetary):
 * `keyed` (the keys), `tx` (the rows used), `used`, `per_customer`, `as_of`, `measures`.
 * `keep` keeps customers without a purchase as the engine does (see {@link SqlKeepNoPurchase});
 * their first and last purchase and recency are NULL.
 *
 * @example
 * customerCtes(SQL_DIALECTS.duckdb, { table: "sales", customer: "id", date: "d", amount: "a", returns: "all", decimals: 2 });
 * // ["keyed AS (SELECT CASE WHEN … THEN NULL ELSE NULLIF(regexp_replace(CAST(\"id\" AS VARCHAR), …), '') END AS customer, …", "tx AS (…)", …, "measures AS (…)"]
 */
export function customerCtes(d: SqlDialect, s: SqlSource, keep: SqlKeepNoPurchase = false): string[] {
  const q = d.quote;
  const day = 'CAST(tx_date AS DATE)';
  const invoice = s.invoice === undefined ? `CAST(NULL AS ${d.text})` : keySql(d, s.invoice, s.plainKeys);
  const notTotal = s.totalLabels?.length ? ` AND NOT ${totalRowSql(s.totalLabels, ['customer', 'invoice'])}` : '';
  const where = [`customer IS NOT NULL${notTotal}`, 'tx_date IS NOT NULL', 'tx_amount IS NOT NULL'];
  if (s.asOf !== undefined) where.push(`${day} < DATE ${textLiteral(s.asOf)}`);
  const notCancelled = '(invoice IS NULL OR UPPER(invoice) NOT LIKE \'C%\')';
  let purchase = s.returns === 'net' ? `CASE WHEN amount > 0 AND ${notCancelled} THEN 1 ELSE 0 END` : '1';
  let dropped = s.returns === 'drop' ? `\n  WHERE amount > 0 AND ${notCancelled}` : '';
  let filter = where.join(' AND ');
  let listing = '';
  let monetary = 'SUM(amount)';
  if (keep === true) {
    // a row with a customer and neither date nor amount lists that customer (no purchase, no money)
    filter = `${where[0]} AND ((${where.slice(1).join(' AND ')}) OR (tx_date IS NULL AND tx_amount IS NULL))`;
    listing = ', CASE WHEN tx_date IS NULL THEN 1 ELSE 0 END AS listing';
    purchase = `CASE WHEN listing = 1 THEN 0 ELSE ${purchase} END`;
    if (dropped) dropped = `\n  WHERE listing = 1 OR (amount > 0 AND ${notCancelled})`;
    monetary = 'COALESCE(SUM(amount), 0)';
  }
  // "net" leaves out customers with no purchase (only returns); the other policies keep no such row
  const having =
    keep === true
      ? ''
      : keep === 'zero-value' && s.returns === 'net'
        ? `\n  HAVING SUM(purchase) > 0 OR SUM(CASE WHEN amount = 0 AND ${notCancelled} THEN 1 ELSE 0 END) > 0`
        : '\n  HAVING SUM(purchase) > 0';
  const asOf = s.asOf !== undefined ? `SELECT DATE ${textLiteral(s.asOf)} AS as_of` : `SELECT ${d.nextDay('MAX(last_row)')} AS as_of FROM per_customer`;
  return [
    // the keys computed once per row (customer and invoice as the engine reads them, `keys.ts`)
    `keyed AS (\n  SELECT ${keySql(d, s.customer, s.plainKeys)} AS customer, ${invoice} AS invoice,\n    ${q(s.date)} AS tx_date, ${q(s.amount)} AS tx_amount\n  FROM ${quoteTable(d, s.table)}\n)`,
    `tx AS (\n  SELECT customer, ${day} AS tx_day, CAST(tx_amount AS ${d.decimal(s.decimals)}) AS amount, invoice${listing}\n  FROM keyed\n  WHERE ${filter}\n)`,
    `used AS (\n  SELECT customer, tx_day, amount, invoice, ${purchase} AS purchase\n  FROM tx${dropped}\n)`,
    `per_customer AS (\n  SELECT customer, COUNT(*) AS rows_used,\n    MIN(CASE WHEN purchase = 1 THEN tx_day END) AS first_tx,\n    MAX(CASE WHEN purchase = 1 THEN tx_day END) AS last_tx, MAX(tx_day) AS last_row,\n    COUNT(DISTINCT CASE WHEN purchase = 1 THEN invoice END)\n      + SUM(CASE WHEN purchase = 1 AND invoice IS NULL THEN 1 ELSE 0 END) AS frequency,\n    ${monetary} AS monetary\n  FROM used\n  GROUP BY customer${having}\n)`,
    `as_of AS (\n  ${asOf}\n)`,
    `${MEASURES} AS (\n  SELECT p.customer, CAST(${d.daysBetween('p.last_tx', 'a.as_of')} AS ${d.bigint}) AS recency,\n    CAST(p.frequency AS ${d.bigint}) AS frequency, p.monetary, p.first_tx, p.last_tx, p.rows_used\n  FROM per_customer p CROSS JOIN as_of a\n)`,
  ];
}
