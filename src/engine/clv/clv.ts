/**
 * Customer lifetime value over a horizon: expected purchases (BG/NBD) × expected value per
 * purchase (Gamma-Gamma) × margin, discounted per period — the approach of Fader, Hardie & Lee
 * (2005) and Fader & Hardie (2013), as in the `lifetimes` package's customer_lifetime_value.
 */
import { TierwiseError } from '../errors';
import type { BgNbdParams } from './bgnbd';
import { conditionalExpectedPurchases, conditionalExpectedPurchasesMbg, probabilityAlive, probabilityAliveMbg } from './bgnbd-predict';
import { type GammaGammaParams, conditionalExpectedValue } from './gamma-gamma';
import { type TimeUnit, periodDiscountRate } from './units';

/** CLV settings. */
export interface ClvOptions {
  /** Length of the forecast, in `unit`s (> 0; a fractional last period is allowed). */
  horizon: number;
  unit: TimeUnit;
  /** Profit margin on revenue, 0…1 (1 = value is revenue). */
  margin: number;
  /** Yearly discount rate (0.1 = 10 %), converted to the unit. */
  discountRate: number;
  /** The purchase model the parameters belong to: "bg/nbd" (default) or "mbg/nbd". */
  purchaseModel?: 'bg/nbd' | 'mbg/nbd';
}

/** Per-customer summary inputs (one unit). */
export interface ClvCustomers {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  /** Mean value of repeat purchases (ignored when x = 0). */
  meanValue: ArrayLike<number>;
}

/** CLV per customer with its parts. */
export interface ClvResult {
  clv: Float64Array;
  /** Expected purchases over the horizon (undiscounted). */
  expectedPurchases: Float64Array;
  /** Expected value per purchase (Gamma-Gamma). */
  expectedValue: Float64Array;
  pAlive: Float64Array;
  horizon: number;
  unit: TimeUnit;
  margin: number;
  /** Yearly rate as given and the per-unit rate used. */
  discountRate: number;
  periodDiscountRate: number;
}

/**
 * Validates CLV options; returns the per-unit discount rate.
 *
 * @example
 * checkClvOptions({ horizon: 12, unit: 'month', margin: 0.3, discountRate: 0.1 }); // 0.00797…
 */
export function checkClvOptions(o: ClvOptions): number {
  if (!(Number.isFinite(o.horizon) && o.horizon > 0 && o.horizon <= 1e4)) {
    throw new TierwiseError('option', `horizon must be a number of ${o.unit}s above 0 (up to 10,000), got ${String(o.horizon)}`);
  }
  if (!(Number.isFinite(o.margin) && o.margin > 0 && o.margin <= 1)) {
    throw new TierwiseError('option', `margin must be a share above 0 and at most 1 (e.g. 0.3 for 30 %), got ${String(o.margin)}`);
  }
  return periodDiscountRate(o.discountRate, o.unit);
}

/**
 * CLV_i = margin · E[value_i] · Σ_k (E[X_i(t_k)] − E[X_i(t_{k−1})]) / (1+d)^t_k over the periods
 * k = 1…⌈H⌉ with t_k = min(k, H), where E[X_i(t)] is the BG/NBD conditional expectation for
 * (x, t_x, T), E[value_i] the Gamma-Gamma conditional mean, and d the per-unit discount rate.
 *
 * @example
 * const r = customerLifetimeValue(bgnbd, gg, { x: [2], tx: [30.43], T: [38.86], meanValue: [22.35] },
 *   { horizon: 52, unit: 'week', margin: 0.3, discountRate: 0.1 });
 * r.clv[0]; // ≈ 0.3 × 23.8 × (discounted 1.5 purchases)
 */
export function customerLifetimeValue(bgnbd: BgNbdParams, gg: GammaGammaParams, customers: ClvCustomers, options: ClvOptions): ClvResult {
  const d = checkClvOptions(options);
  const n = customers.x.length;
  if (customers.tx.length !== n || customers.T.length !== n || customers.meanValue.length !== n) {
    throw new TierwiseError('length', 'x, t_x, T and mean value must have the same length');
  }
  const { horizon } = options;
  const steps = Math.ceil(horizon);
  const times = Float64Array.from({ length: steps }, (_, k) => Math.min(k + 1, horizon));
  const discount = times.map((t) => Math.pow(1 + d, -t));
  const mbg = options.purchaseModel === 'mbg/nbd';
  const expected = mbg ? conditionalExpectedPurchasesMbg : conditionalExpectedPurchases;
  const alive = mbg ? probabilityAliveMbg : probabilityAlive;
  const out: ClvResult = {
    clv: new Float64Array(n),
    expectedPurchases: new Float64Array(n),
    expectedValue: new Float64Array(n),
    pAlive: new Float64Array(n),
    horizon,
    unit: options.unit,
    margin: options.margin,
    discountRate: options.discountRate,
    periodDiscountRate: d,
  };
  for (let i = 0; i < n; i++) {
    const x = customers.x[i];
    const tx = customers.tx[i];
    const T = customers.T[i];
    const value = conditionalExpectedValue(gg, x, customers.meanValue[i]);
    let previous = 0;
    let discounted = 0;
    for (let k = 0; k < steps; k++) {
      const e = expected(bgnbd, times[k], x, tx, T);
      discounted += (e - previous) * discount[k];
      previous = e;
    }
    out.expectedPurchases[i] = previous;
    out.expectedValue[i] = value;
    out.pAlive[i] = alive(bgnbd, x, tx, T);
    out.clv[i] = options.margin * value * discounted;
  }
  return out;
}
