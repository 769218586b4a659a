/**
 * SQL building blocks for the rank rules: tie-safe quantile scores (`../quantile.ts`), the ABC
 * classes (`../abc.ts`) and the customer pyramid (`../pyramid.ts`). Each needs only per-value
 * counts (or sums) and their cumulative sums over the distinct values in order — `GROUP BY` and
 * `SUM … OVER (ORDER BY … ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)` — compared with
 * integer arithmetic, so every engine computes them exactly at any scale: no `NTILE`, no
 * approximate percentiles, no floating-point division.
 */
import type { AbcRule } from '../abc';
import { shareFraction } from '../money';
import { textLiteral } from './dialect';

const CUMULATIVE = 'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW';

/**
 * CTEs scoring column `column` of CTE `from` 1…bins by tie-safe quantiles, ascending: CTE `name`
 * has one row per distinct value (`v`, `score`). A run of equal values at 0-based sorted
 * positions i…j−1 of n scores min(bins, ⌊bins·(i+j)/(2n)⌋ + 1), written as
 * 1 + #{k in 1…bins−1 : bins·(i+j) ≥ 2n·k}, with i + j = 2·(count up to the value) − count.
 *
 * @example
 * quantileCtes("f_scores", "measures", "frequency", 5); // ["f_scores_runs AS (…)", "f_scores_cum AS (…)", "f_scores AS (…)"]
 */
export function quantileCtes(name: string, from: string, column: string, bins: number): string[] {
  const steps: string[] = [];
  for (let k = 1; k < bins; k++) steps.push(`CASE WHEN ${bins} * (2 * upto - cnt) >= ${2 * k} * n THEN 1 ELSE 0 END`);
  return [
    `${name}_runs AS (\n  SELECT ${column} AS v, COUNT(*) AS cnt FROM ${from} GROUP BY ${column}\n)`,
    `${name}_cum AS (\n  SELECT v, cnt, SUM(cnt) OVER (ORDER BY v ${CUMULATIVE}) AS upto, SUM(cnt) OVER () AS n\n  FROM ${name}_runs\n)`,
    `${name} AS (\n  SELECT v, 1\n    + ${steps.join('\n    + ')} AS score\n  FROM ${name}_cum\n)`,
  ];
}

/**
 * CTEs placing each distinct positive value of `column` in an ABC class: CTE `name` (`v`, `tier`).
 * Values are ranked descending; a tie group's cumulative value `upto` (including the group) is
 * compared with the line exactly as upto·den ≤ num·total ("within"), or the value ranked above
 * it, (upto − group)·den < num·total ("reach"). Values ≤ 0 are not listed (they are C).
 *
 * @example
 * abcCtes("abc", "measures", "monetary", { aShare: 0.8, bShare: 0.95, rule: "within", keys: ["A", "B", "C"] });
 */
export function abcCtes(name: string, from: string, column: string, o: { aShare: number; bShare: number; rule: AbcRule; keys: readonly string[] }): string[] {
  const line = (share: number): string => {
    const { num, den } = shareFraction(share);
    return o.rule === 'within' ? `upto * ${den} <= ${num} * total` : `(upto - grp) * ${den} < ${num} * total`;
  };
  const [a, b, c] = o.keys.map(textLiteral);
  return [
    `${name}_groups AS (\n  SELECT ${column} AS v, SUM(${column}) AS grp FROM ${from} WHERE ${column} > 0 GROUP BY ${column}\n)`,
    `${name}_cum AS (\n  SELECT v, grp, SUM(grp) OVER (ORDER BY v DESC ${CUMULATIVE}) AS upto, SUM(grp) OVER () AS total\n  FROM ${name}_groups\n)`,
    `${name} AS (\n  SELECT v, CASE WHEN ${line(o.aShare)} THEN ${a} WHEN ${line(o.bShare)} THEN ${b} ELSE ${c} END AS tier\n  FROM ${name}_cum\n)`,
  ];
}

/**
 * CTEs placing each distinct value of `column` in a pyramid tier: CTE `name` (`v`, `tier`). With
 * n customers and `above` of them with a larger value, a positive value is in the first tier k
 * with above / n < cuts[k] (exactly: above·den < num·n); values ≤ 0 and the rest are in the last tier.
 *
 * @example
 * pyramidCtes("pyramid", "measures", "monetary", { cuts: [0.01, 0.2, 0.5], keys: ["Platinum", "Gold", "Iron", "Lead"] });
 */
export function pyramidCtes(name: string, from: string, column: string, o: { cuts: readonly number[]; keys: readonly string[] }): string[] {
  const keys = o.keys.map(textLiteral);
  const whens = o.cuts.map((cut, k) => {
    const { num, den } = shareFraction(cut);
    return `WHEN (upto - cnt) * ${den} < ${num} * n THEN ${keys[k]}`;
  });
  return [
    `${name}_runs AS (\n  SELECT ${column} AS v, COUNT(*) AS cnt FROM ${from} GROUP BY ${column}\n)`,
    `${name}_cum AS (\n  SELECT v, cnt, SUM(cnt) OVER (ORDER BY v DESC ${CUMULATIVE}) AS upto, SUM(cnt) OVER () AS n\n  FROM ${name}_runs\n)`,
    `${name} AS (\n  SELECT v, CASE WHEN v <= 0 THEN ${keys[o.cuts.length]}\n    ${whens.join('\n    ')}\n    ELSE ${keys[o.cuts.length]} END AS tier\n  FROM ${name}_cum\n)`,
  ];
}

/**
 * A statement from CTEs and a final query.
 *
 * @example
 * withCtes(["a AS (SELECT 1 AS x)"], "SELECT x FROM a"); // "WITH\na AS (SELECT 1 AS x)\nSELECT x FROM a"
 */
export function withCtes(ctes: readonly string[], select: string): string {
  return `WITH\n${ctes.join(',\n')}\n${select}`;
}
