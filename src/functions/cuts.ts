/**
 * TIER.CUTS: the cut points the other functions take from a population, so users can see them.
 * One row per boundary under a header: the score, class or tier that starts there, and the
 * smallest value in it ("" when no value reaches it). Methods come from the registry.
 */
import { METHOD_LIST, pick } from '../engine';
import { type Out, asMatrix, fail, optionalNumber, optionalText, run } from './args';
import { fittedMethod, populationCuts } from './per-row';
import { quantileRule } from './quantile';

/** The methods TIER.CUTS knows: quantile scores and every value method with cut points. */
export const CUT_METHODS: readonly string[] = ['quantile', ...METHOD_LIST.filter((m) => m.cutTable && m.needs.includes('value')).map((m) => m.id)];

const cell = (v: number | null): Out => (v === null ? '' : v);

/**
 * The cut points of a population for one method, as a table with a header row.
 *
 * @example
 * cuts([[1], [2], [3], [4], [5], [6], [7], [8], [9], [10]], null, null);
 * // [["Score", "From"], [2, 3], [3, 5], [4, 7], [5, 9]]
 * cuts([[50], [30], [10], [5], [5]], "abc", null); // [["Class", "From"], ["A", 30], ["B", 10]]
 */
export function cuts(values: unknown, method: unknown, bins: unknown): Out[][] {
  return run(() => {
    const name = optionalText(method, 'quantile').toLowerCase();
    const rows = asMatrix(values);
    if (name === 'quantile') {
      const b = optionalNumber(bins, 5, 'bins');
      const c = populationCuts(rows, quantileRule(b, false));
      return [['Score', 'From'], ...c.map((v, k): Out[] => [k + 2, cell(v)])];
    }
    if (!CUT_METHODS.includes(name)) return fail(`method must be one of ${CUT_METHODS.join(', ')}, got ${JSON.stringify(name)}`);
    const fitted = fittedMethod(rows, name, {});
    const table = fitted.method.cutTable?.(fitted.fit.model);
    if (!table) return fail(`${name} has no cut points`);
    return [[pick(table.header, 'en'), 'From'], ...table.rows.map(([key, v]): Out[] => [key, cell(v)])];
  });
}
