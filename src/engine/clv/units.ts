/**
 * Time units of the CLV models. Every time (t_x, T, horizon, α's scale) is in one unit, stated
 * in every result; a month is 30.4375 days (365.25 / 12), never a hard-coded 30.
 */
import { TierwiseError } from '../errors';

/** The unit that t_x, T, the horizon and the BG/NBD α are measured in. */
export type TimeUnit = 'day' | 'week' | 'month';

/** Days per unit. */
export const UNIT_DAYS: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7, month: 30.4375 };

/** Days per (Julian) year, used to turn an annual discount rate into a per-unit one. */
export const DAYS_PER_YEAR = 365.25;

/**
 * Checks a unit name ("day", "week" or "month", any case) and returns it.
 *
 * @example
 * checkTimeUnit("Week"); // "week"
 * checkTimeUnit("fortnight"); // throws TierwiseError('option', …)
 */
export function checkTimeUnit(unit: string): TimeUnit {
  const u = unit.trim().toLowerCase();
  if (u === 'day' || u === 'week' || u === 'month') return u;
  throw new TierwiseError('option', `unit must be "day", "week" or "month", got "${unit}"`);
}

/**
 * The discount rate per unit equivalent to an annual rate: (1 + annual)^(days per unit / 365.25) − 1.
 *
 * @example
 * periodDiscountRate(0.1, 'month'); // 0.0079741… (12 months compound to 10 %)
 */
export function periodDiscountRate(annualRate: number, unit: TimeUnit): number {
  if (!Number.isFinite(annualRate) || annualRate < 0 || annualRate >= 10) {
    throw new TierwiseError('option', `discount rate must be a yearly rate from 0 to 10 (e.g. 0.1 for 10 %), got ${String(annualRate)}`);
  }
  return Math.expm1((UNIT_DAYS[unit] / DAYS_PER_YEAR) * Math.log1p(annualRate));
}
