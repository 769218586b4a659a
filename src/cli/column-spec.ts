/** `--customer COL` and friends: a header name, a 1-based index or a column letter → index. */
import { CliError } from './errors';

/**
 * Column index (0-based) of a letter such as `A`, `K` or `AB`, or -1 when it is not one.
 *
 * @example
 * letterIndex("K"); // 10
 * letterIndex("AB"); // 27
 */
export function letterIndex(text: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(text)) return -1;
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

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
