/**
 * Numbers as the report writes them. Formatting for sentences (thousands separators, shares, cut
 * points) is the engine's `formatNumber`, `formatShare` and `formatCuts`.
 */

/**
 * A number as Excel holds it: 15 significant digits, so sums of cents read as cents
 * (1028.4099999999999 → 1028.41). Non-numbers pass through.
 *
 * @example
 * tidyNumber(0.1 + 0.2); // 0.3
 */
export function tidyNumber<T>(value: T): T {
  if (typeof value !== 'number' || !Number.isFinite(value) || value === 0) return value;
  // a whole number below 10^15 has at most 15 digits: it is its own 15-digit form (and the most common value)
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value;
  return Number(value.toPrecision(15)) as T;
}
