/**
 * Customer ids and invoices in SQL, read as the engine reads key cells (`keyText` and `errorCode`
 * in `../cells.ts`, `keyColumn` in `../columns.ts`): a text that is exactly an Excel error
 * (`#N/A`, `#VALUE!`, …) is no key (the row is rejected with reason "error"); any other text is
 * trimmed of the characters JavaScript's `trim` removes (tabs, line breaks, spaces, no-break and
 * other Unicode spaces, U+FEFF) and is no key when nothing is left (reason "blank"), nor is NULL.
 * So `" 17850"`, `"17850\t"` and `"17850"` are one customer in the database as in memory.
 */
import { EXCEL_ERROR_TEXTS, KEY_TRIM_CODE_POINTS } from '../cells';
import { type SqlDialect, textLiteral } from './dialect';

/** The column's value as text, as the generated SQL reads every key. */
function rawText(d: SqlDialect, column: string): string {
  return `CAST(${d.quote(column)} AS ${d.text})`;
}

/**
 * True (as SQL) when the column holds exactly an Excel error text; false for NULL and any other text.
 *
 * @example
 * keyErrorSql(SQL_DIALECTS.duckdb, "id"); // "COALESCE(CAST(\"id\" AS VARCHAR) LIKE '#%' AND CAST(\"id\" AS VARCHAR) IN ('#NULL!', …), FALSE)"
 */
export function keyErrorSql(d: SqlDialect, column: string): string {
  const raw = rawText(d, column);
  // every error text starts with "#": the cheap test first
  return `COALESCE(${raw} LIKE '#%' AND ${raw} IN (${EXCEL_ERROR_TEXTS.map(textLiteral).join(', ')}), FALSE)`;
}

/**
 * The key of the column as the engine makes it: the trimmed text, or NULL for NULL, a blank text
 * and an Excel error text. `plain`: the column is known to hold no text that needs more than
 * `NULLIF(text, '')` (a scan counted none), which is then the key.
 *
 * @example
 * keySql(SQL_DIALECTS.postgres, "id");
 * // "CASE WHEN COALESCE(… IN (…), FALSE) THEN NULL ELSE NULLIF(BTRIM(CAST(\"id\" AS TEXT), (CHR(9) || …)), '') END"
 */
export function keySql(d: SqlDialect, column: string, plain = false): string {
  const raw = rawText(d, column);
  // a table known to hold no text that needs trimming and no error text (`SqlSource.plainKeys`)
  if (plain) return `NULLIF(${raw}, '')`;
  const full = `CASE WHEN ${keyErrorSql(d, column)} THEN NULL ELSE NULLIF(${d.trimChars(raw, KEY_TRIM_CODE_POINTS)}, '') END`;
  const suspect = d.suspectKey?.(raw, KEY_TRIM_CODE_POINTS);
  return suspect === undefined ? full : `CASE WHEN ${suspect} THEN ${full} ELSE NULLIF(${raw}, '') END`;
}

/**
 * True (as SQL) for a total row: one of the key expressions `keys` (the customer's and the
 * invoice's, see {@link keySql}) is one of `labels` (key texts the engine's `isTotalLabel` takes
 * for a total label, found in the table beforehand); false when there are none. The engine leaves
 * such rows out (reason "total-row") wherever they stand.
 *
 * @example
 * totalRowSql(["Grand Total"], ["customer", "invoice"]);
 * // "(COALESCE(customer IN ('Grand Total'), FALSE) OR COALESCE(invoice IN ('Grand Total'), FALSE))"
 */
export function totalRowSql(labels: readonly string[] | undefined, keys: readonly string[]): string {
  if (!labels || labels.length === 0) return '(1 = 0)';
  const list = labels.map(textLiteral).join(', ');
  return `(${keys.map((k) => `COALESCE(${k} IN (${list}), FALSE)`).join(' OR ')})`;
}
