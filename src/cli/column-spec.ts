/** `--customer COL` and friends: a header name, a 1-based index or a column letter → index. */
import { letterIndex } from '../engine';
import { CliError } from './errors';

export { letterIndex };

/**
 * Resolves a column spec against the headers: an exact header (case and surrounding spaces
 * ignored) first, then a 1-based number, then a letter. Throws a CliError naming the flag.
 *
 * @example
 * resolveColumn("Amount", ["Date", "Amount"], "amount"); // 1
 * resolveColumn("2", ["Date", "Amount"], "amount"); // 1
 * resolveColumn("B", ["Date", "Amount"], "amount"); // 1
 */
export function resolveColumn(spec: string, headers: readonly string[], flag: string): number {
  const want = spec.trim().toLowerCase();
  const byName = headers.findIndex((h) => h.trim().toLowerCase() === want);
  if (byName >= 0) return byName;
  if (/^\d+$/.test(want)) {
    const i = Number(want) - 1;
    if (i >= 0 && i < headers.length) return i;
  } else {
    const i = letterIndex(want);
    if (i >= 0 && i < headers.length) return i;
  }
  const list = headers.map((h) => `"${h}"`).join(', ');
  throw new CliError(`--${flag} "${spec}": no such column (the columns are ${list}; or give a number 1–${headers.length} or a letter)`, 2);
}
