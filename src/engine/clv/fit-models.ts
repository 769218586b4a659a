/**
 * The whole CLV model on a customer summary: BG/NBD on everyone, Gamma-Gamma on the repeat
 * buyers with positive mean spend, and (when the data have a holdout period) the standard model
 * check of Fader, Hardie & Lee (2005, fig. 3): actual vs predicted holdout purchases by x.
 */
import { type BgNbdFit, fitBgNbd } from './bgnbd-fit';
import { conditionalExpectedPurchases, conditionalExpectedPurchasesMbg } from './bgnbd-predict';
import { type GammaGammaFit, fitGammaGamma } from './gamma-gamma';
import type { RepeatSummary } from './repeat-summary';

/** The fitted purchase and spend models of one summary. */
export interface ClvModels {
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  /** Repeat buyers whose repeat purchases had no value (left out of the Gamma-Gamma fit). */
  zeroValueRepeatBuyers: number;
}

/**
 * Fits BG/NBD and Gamma-Gamma to a customer summary.
 *
 * @example
 * const models = fitClvModels(repeatSummary(tx, { unit: 'week', calibrationEnd }));
 * models.bgnbd.params; // { r, alpha, a, b }
 */
export function fitClvModels(summary: Pick<RepeatSummary, 'x' | 'tx' | 'T' | 'meanValue'>, options: { purchaseModel?: 'bg/nbd' | 'mbg/nbd' } = {}): ClvModels {
  const bgnbd = fitBgNbd(summary, { model: options.purchaseModel });
  const x: number[] = [];
  const m: number[] = [];
  let zero = 0;
  for (let i = 0; i < summary.x.length; i++) {
    if (summary.x[i] === 0) continue;
    if (summary.meanValue[i] > 0) {
      x.push(summary.x[i]);
      m.push(summary.meanValue[i]);
    } else zero++;
  }
  return { bgnbd, gammaGamma: fitGammaGamma(x, m), zeroValueRepeatBuyers: zero };
}

/** One row of the holdout check: customers with x repeat purchases (the last row: x and more). */
export interface HoldoutCheckRow {
  x: number;
  orMore: boolean;
  customers: number;
  /** Mean purchases in the holdout period, actual and predicted by the BG/NBD. */
  actual: number;
  predicted: number;
}

/**
 * Actual vs predicted mean holdout purchases grouped by calibration-period repeat purchases
 * x = 0 … maxX−1 and maxX+ (Fader, Hardie & Lee 2005, fig. 3). Empty without a holdout.
 *
 * @example
 * holdoutCheck(summaryWithHoldout, fit.params)[0]; // { x: 0, orMore: false, customers: 1411, actual: 0.24, predicted: 0.23 }
 */
export function holdoutCheck(summary: RepeatSummary, params: BgNbdFit['params'], maxX = 7, purchaseModel: BgNbdFit['model'] = 'bg/nbd'): HoldoutCheckRow[] {
  const expected = purchaseModel === 'mbg/nbd' ? conditionalExpectedPurchasesMbg : conditionalExpectedPurchases;
  const { holdoutPurchases, holdoutLength } = summary;
  if (!holdoutPurchases || !holdoutLength || !(holdoutLength > 0)) return [];
  const rows: HoldoutCheckRow[] = Array.from({ length: maxX + 1 }, (_, x) => ({ x, orMore: x === maxX, customers: 0, actual: 0, predicted: 0 }));
  for (let i = 0; i < summary.x.length; i++) {
    const row = rows[Math.min(summary.x[i], maxX)];
    row.customers++;
    row.actual += holdoutPurchases[i];
    row.predicted += expected(params, holdoutLength, summary.x[i], summary.tx[i], summary.T[i]);
  }
  return rows
    .filter((r) => r.customers > 0)
    .map((r) => ({ ...r, actual: r.actual / r.customers, predicted: r.predicted / r.customers }));
}
