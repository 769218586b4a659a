/**
 * TIER.CUTS: the cut points the other functions take from a population, so users can see them.
 * One row per boundary under a header: the score, class or tier that starts there, and the
 * smallest value in it ("" when no value reaches it).
 */
import { ABC_TIERS, PYRAMID_TIERS } from '../engine';
import { type Out, asMatrix, fail, optionalNumber, optionalText, run } from './args';
import { abcMethod } from './abc';
import { populationCuts } from './each';
import { pyramidMethod, pyramidShares } from './pyramid';
import { quantileMethod } from './quantile';

/** The methods TIER.CUTS knows. */
export const CUT_METHODS = ['quantile', 'abc', 'pyramid'] as const;

const cell = (v: number | null): Out => (v === null ? '' : v);

/**
 * The cut points of a population for one method, as a table with a header row.
 *
 * @example
 * cuts([[1], [2], [3], [4], [5], [6], [7], [8], [9], [10]], null, null);
 * // [["Score", "From"], [2, 3], [3, 5], [4, 7], [5, 9]]
 * cuts([[50], [30], [10], [5], [5]], "abc", null); // [["Class", "From"], ["A", 30], ["B", 5]]
 */
export function cuts(values: unknown, method: unknown, bins: unknown): Out[][] {
  return run(() => {
    const name = optionalText(method, 'quantile').toLowerCase();
    const rows = asMatrix(values);
    if (name === 'quantile') {
      const b = optionalNumber(bins, 5, 'bins');
      const c = populationCuts(rows, quantileMethod(b, false));
      return [['Score', 'From'], ...c.map((v, k): Out[] => [k + 2, cell(v)])];
    }
    if (name === 'abc') {
      const c = populationCuts(rows, abcMethod(0.8, 0.95));
      return [['Class', 'From'], [ABC_TIERS[0].key, cell(c.a)], [ABC_TIERS[1].key, cell(c.b)]];
    }
    if (name === 'pyramid') {
      const c = populationCuts(rows, pyramidMethod(pyramidShares(null)));
      return [['Tier', 'From'], ...c.map((v, k): Out[] => [PYRAMID_TIERS[k].key, cell(v)])];
    }
    return fail(`method must be one of ${CUT_METHODS.join(', ')}, got ${JSON.stringify(name)}`);
  });
}
