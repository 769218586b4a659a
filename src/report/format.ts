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
  return (typeof value === 'number' && Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(15)) : value) as T;
}
