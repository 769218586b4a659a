/** TIER.PYRAMID: Platinum/Gold/Iron/Lead by share of customers (engine: `pyramidThresholds`, `pyramidTierOf`). */
import { DEFAULT_PYRAMID_CUTS, PYRAMID_TIERS, type PyramidThresholds, checkPyramidCuts, pyramidThresholds, pyramidTierOf } from '../engine';
import { type Out, asMatrix, fail, flatten, omitted, populationNumbers, run } from './args';
import { type Method, classifyCells } from './each';

/**
 * Reads the `cuts` argument: omitted → 1 % / 20 % / 50 %; otherwise three ascending shares.
 *
 * @example
 * pyramidShares([[0.05, 0.25, 0.6]]); // [0.05, 0.25, 0.6]
 */
export function pyramidShares(cuts: unknown): readonly number[] {
  if (omitted(cuts)) return DEFAULT_PYRAMID_CUTS;
  const cells = flatten(asMatrix(cuts)).filter((c) => c !== '' && !omitted(c));
  const shares = Array.from(populationNumbers(cells));
  const tiers = PYRAMID_TIERS.length - 1;
  if (shares.length !== tiers || shares.some((s) => s !== s)) {
    fail(`cuts must be ${tiers} shares of customers (Platinum, Gold, Iron), e.g. {0.01,0.2,0.5}; got ${JSON.stringify(cells)}`);
  }
  checkPyramidCuts(shares);
  return shares;
}

/**
 * The pyramid method for a set of shares.
 *
 * @example
 * pyramidMethod([0.01, 0.2, 0.5]).key; // "pyramid|0.01,0.2,0.5"
 */
export function pyramidMethod(shares: readonly number[]): Method<PyramidThresholds> {
  return {
    key: `pyramid|${shares.join(',')}`,
    cuts: (population) => pyramidThresholds(population, { cuts: shares }),
    classOf: (value, thresholds) => {
      const k = pyramidTierOf(value, thresholds);
      return k === 255 ? '' : PYRAMID_TIERS[k].key;
    },
  };
}

/**
 * Places each value in a pyramid tier against the population's ranking.
 *
 * @example
 * pyramid([[5], [400], [20], [1]], null, null); // [["Lead"], ["Platinum"], ["Iron"], ["Lead"]]
 */
export function pyramid(values: unknown, population: unknown, cuts: unknown): Out[][] {
  return run(() => classifyCells(values, population, pyramidMethod(pyramidShares(cuts))));
}
