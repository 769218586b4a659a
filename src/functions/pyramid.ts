/** TIER.PYRAMID: Platinum/Gold/Iron/Lead by share of customers (engine: the `pyramid` method). */
import { DEFAULT_PYRAMID_CUTS } from '../engine';
import { type Out, asMatrix, fail, flatten, omitted, populationNumbers, run } from './args';
import { methodRows, tierKeyOf } from './per-row';

/**
 * Reads the `cuts` argument: omitted → 1 % / 20 % / 50 %; otherwise the shares as given (the
 * registry checks them: three ascending shares).
 *
 * @example
 * pyramidShares([[0.05, 0.25, 0.6]]); // [0.05, 0.25, 0.6]
 */
export function pyramidShares(cuts: unknown): readonly number[] {
  if (omitted(cuts)) return DEFAULT_PYRAMID_CUTS;
  const cells = flatten(asMatrix(cuts)).filter((c) => c !== '' && !omitted(c));
  return Array.from(populationNumbers(cells));
}

/**
 * Places each value in a pyramid tier against the population's ranking.
 *
 * @example
 * pyramid([[5], [400], [20], [1]], null, null); // [["Lead"], ["Platinum"], ["Iron"], ["Lead"]]
 */
export function pyramid(values: unknown, population: unknown, cuts: unknown): Out[][] {
  return run(() => {
    try {
      return methodRows(values, population, 'pyramid', { pyramidCuts: pyramidShares(cuts) }, tierKeyOf);
    } catch (e) {
      // the registry names the parameter by its CLI flag; here the argument is called "cuts"
      const message = (e as { message?: unknown }).message;
      if (typeof message === 'string' && message.startsWith('pyramid_cuts ')) fail(message.replace('pyramid_cuts ', 'cuts '));
      throw e;
    }
  });
}
