/** TIER.ABC_CLASS: A/B/C by cumulative share of value (engine: the `abc` method). */
import { type Out, optionalNumber, run } from './args';
import { methodRows, tierKeyOf } from './per-row';

/**
 * Classifies each value A, B or C against the population's cumulative shares of value.
 *
 * @example
 * abcClass([[50], [30], [10], [5], [5]], null, null, null); // [["A"], ["A"], ["B"], ["C"], ["C"]]
 */
export function abcClass(values: unknown, population: unknown, aShare: unknown, bShare: unknown): Out[][] {
  return run(() => {
    const params = { aShare: optionalNumber(aShare, 0.8, 'a_share'), bShare: optionalNumber(bShare, 0.95, 'b_share') };
    return methodRows(values, population, 'abc', params, tierKeyOf);
  });
}

