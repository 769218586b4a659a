/**
 * TIER.EXPLAIN: why each row gets its tier, from the method's model fitted to the population
 * (engine: the method's `assign` and `explain`).
 */
import { METHOD_LIST, methodById } from '../engine';
import { type Out, asMatrix, optionalText, run } from './args';
import { language } from './label';
import { methodRows, optionParams } from './per-row';

/**
 * The method for a block when none is named: the first method whose measures fill the block's
 * width (one column: ABC; three columns: RFM).
 *
 * @example
 * defaultMethodFor([[12, 3, 450]]); // "rfm"
 */
export function defaultMethodFor(values: unknown): string {
  const width = asMatrix(values)[0]?.length ?? 1;
  const fits = METHOD_LIST.find((m) => m.assign && (m.needs.includes('value') ? width === 1 : m.needs.length === width));
  return fits?.id ?? 'abc';
}

/**
 * The reason for each row's tier, in English or Chinese.
 *
 * @example
 * explain([[50], [30], [20]], null, "abc", null, null);
 * // [["A: customers ranked above hold 0% of value; with this customer 50% (≤ 80%)"], …]
 */
export function explain(values: unknown, population: unknown, method: unknown, options: unknown, lang: unknown): Out[][] {
  return run(() => {
    const l = language(lang);
    const m = methodById(optionalText(method, defaultMethodFor(values)));
    const params = optionParams(m, optionalText(options, ''));
    return methodRows(values, population, m.id, params, (fitted, tier, row) => fitted.method.explain({ fit: fitted.fit, row, tier, lang: l }));
  });
}
