/**
 * Whether a date argument holds text (which needs the workbook's date system to become a serial).
 */

/**
 * True when `as_of` or any cell of `dates` is text (other than blank).
 *
 * @example
 * hasDateText([[40513], [40517]], null); // false
 * hasDateText([[40513], ["2010-12-05"]], null); // true
 */
export function hasDateText(dates: unknown, asOf: unknown): boolean {
  const text = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
  if (text(asOf)) return true;
  if (!Array.isArray(dates)) return text(dates);
  for (const row of dates) {
    if (Array.isArray(row)) {
      for (const cell of row) if (text(cell)) return true;
    } else if (text(row)) return true;
  }
  return false;
}
