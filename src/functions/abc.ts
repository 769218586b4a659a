/**
 * TIER.ABC_CLASS: A/B/C by cumulative share of value (engine: `abcCuts`, `abcClassOf`), with the
 * engine's default rule "reach" (the customer crossing a_share is A).
 */
import { ABC_TIERS, type AbcCuts, NO_CLASS, abcClassOf, abcCuts, checkShares } from '../engine';
import { type Out, optionalNumber, run } from './args';
import { type Method, classifyCells } from './each';

/**
 * The ABC method for a pair of shares.
 *
 * @example
 * abcMethod(0.8, 0.95).key; // "abc|0.8|0.95"
 */
export function abcMethod(aShare: number, bShare: number): Method<AbcCuts> {
  checkShares(aShare, bShare);
  return {
    key: `abc|${aShare}|${bShare}`,
    cuts: (population) => abcCuts(population, { aShare, bShare }),
    classOf: (value, cuts) => {
      const k = abcClassOf(value, cuts);
      return k === NO_CLASS ? '' : ABC_TIERS[k].key;
    },
  };
}

/**
 * Classifies each value A, B or C against the population's cumulative shares of value.
 *
 * @example
 * abcClass([[50], [30], [10], [5], [5]], null, null, null); // [["A"], ["A"], ["B"], ["B"], ["B"]]
 */
export function abcClass(values: unknown, population: unknown, aShare: unknown, bShare: unknown): Out[][] {
  return run(() => classifyCells(values, population, abcMethod(optionalNumber(aShare, 0.8, 'a_share'), optionalNumber(bShare, 0.95, 'b_share'))));
}
