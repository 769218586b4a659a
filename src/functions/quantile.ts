/** TIER.QUANTILE_SCORE: tie-safe quantile scores 1…bins (engine: `quantileCuts`, `scoreWithCuts`). */
import { checkBins, quantileCuts, scoreWithCuts } from '../engine';
import { type Out, optionalNumber, run } from './args';
import { type CellRule, classifyCells } from './per-row';

/**
 * The quantile rule for a number of bins and direction.
 *
 * @example
 * quantileRule(5, false).key; // "quantile|5"
 */
export function quantileRule(bins: number, descending: boolean): CellRule<(number | null)[]> {
  checkBins(bins);
  return {
    key: `quantile|${bins}`, // the cut points do not depend on the direction
    cuts: (population) => quantileCuts(population, bins),
    classOf: (value, cuts) => scoreWithCuts(value, cuts, bins, descending),
  };
}

/**
 * Scores each value 1…bins against the population's quintiles (or other quantiles).
 *
 * @example
 * quantileScore([[1], [2], [3], [4], [5], [6], [7], [8], [9], [10]], null, 5); // [[1], [1], [2], [2], …, [5]]
 */
export function quantileScore(values: unknown, population: unknown, bins: unknown, descending: unknown): Out[][] {
  return run(() => {
    const rule = quantileRule(optionalNumber(bins, 5, 'bins'), descending === true || descending === 1 || descending === 'TRUE');
    return classifyCells(values, population, rule);
  });
}
