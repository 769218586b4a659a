/** Number and share formatting for text the report writes (cut points, ranges, row numbers). */

/**
 * A number with thousands separators and at most two decimals.
 *
 * @example
 * formatNumber(1234.5); // "1,234.5"
 */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * A share 0…1 as a percentage with at most one decimal.
 *
 * @example
 * formatShare(0.2); // "20%"
 * formatShare(0.015); // "1.5%"
 */
export function formatShare(share: number): string {
  return `${(share * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
}

/**
 * A list of cut points, "none" standing for a bin no value reaches.
 *
 * @example
 * formatCuts([3, 5, null], "none"); // "3 / 5 / none"
 */
export function formatCuts(cuts: readonly (number | null)[], none: string): string {
  return cuts.map((c) => (c === null ? none : formatNumber(c))).join(' / ');
}

/**
 * A number as Excel holds it: 15 significant digits, so sums of cents read as cents
 * (1028.4099999999999 → 1028.41). Non-numbers pass through.
 *
 * @example
 * tidyNumber(0.1 + 0.2); // 0.3
 */
export function tidyNumber<T>(value: T): T {
  return (typeof value === 'number' && Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(15)) : value) as T;
}
