/**
 * Matching a rule table against rows: which rows each condition and each rule holds for, and the
 * first matching rule per row (first match wins).
 */
import { parseNumberText } from '../coerce';
import type { Condition } from './condition';
import { type FoldOptions, type PreparedColumn, foldText } from './fold';
import type { RuleTable } from './table';

/** Rule index of a row no rule matches. */
export const NO_RULE = -1;

/**
 * The rows a condition holds for, as a 0/1 mask.
 *
 * @example
 * conditionMask({ kind: "range", min: 10, max: 50, minOpen: false, maxOpen: false }, prepareColumn("x", [5, "20", ""], DEFAULT_FOLD), DEFAULT_FOLD);
 * // Uint8Array [0, 1, 0]
 */
export function conditionMask(c: Condition, col: PreparedColumn, options: FoldOptions): Uint8Array {
  const n = col.text.length;
  const out = new Uint8Array(n);
  switch (c.kind) {
    case 'any':
      out.fill(1);
      break;
    case 'blank':
      for (let i = 0; i < n; i++) out[i] = col.blank[i];
      break;
    case 'notBlank':
      for (let i = 0; i < n; i++) out[i] = 1 - col.blank[i];
      break;
    case 'equals': {
      const texts = new Set(c.values.map((v) => foldText(v, options)));
      const nums = new Set(c.values.map((v) => parseNumberText(v)).filter((v) => !Number.isNaN(v)));
      for (let i = 0; i < n; i++) {
        if (col.blank[i]) continue;
        const hit = texts.has(col.text[i]) || (!Number.isNaN(col.num[i]) && nums.has(col.num[i]));
        out[i] = hit !== c.negate ? 1 : 0;
      }
      break;
    }
    case 'contains':
    case 'startsWith': {
      const want = foldText(c.text, options);
      for (let i = 0; i < n; i++) out[i] = !col.blank[i] && (c.kind === 'contains' ? col.text[i].includes(want) : col.text[i].startsWith(want)) ? 1 : 0;
      break;
    }
    case 'range':
      for (let i = 0; i < n; i++) {
        const v = col.num[i];
        out[i] = v === v && (c.minOpen ? v > c.min : v >= c.min) && (c.maxOpen ? v < c.max : v <= c.max) ? 1 : 0;
      }
      break;
  }
  return out;
}

/** Every rule matched against the rows. */
export interface RuleMatches {
  n: number;
  /** Per rule, per condition column: the condition's mask. */
  conditions: Uint8Array[][];
  /** Per rule: rows where all its conditions hold. */
  rules: Uint8Array[];
  /** Per row: the first matching rule, or {@link NO_RULE}. */
  first: Int32Array;
}

/**
 * Matches every rule of a table against `n` rows of prepared columns (one per condition column, in order).
 *
 * @example
 * const m = matchRules(table, [prepareColumn("Stage", ["中学", "小学"], DEFAULT_FOLD)], 2, DEFAULT_FOLD);
 * m.first; // Int32Array [0, -1]
 */
export function matchRules(table: RuleTable, columns: readonly PreparedColumn[], n: number, options: FoldOptions): RuleMatches {
  const first = new Int32Array(n).fill(NO_RULE);
  const conditions: Uint8Array[][] = [];
  const rules: Uint8Array[] = [];
  for (let r = 0; r < table.rules.length; r++) {
    const masks = table.rules[r].conditions.map((c, j) => conditionMask(c, columns[j], options));
    const all = new Uint8Array(n).fill(1);
    for (const m of masks) for (let i = 0; i < n; i++) all[i] &= m[i];
    for (let i = 0; i < n; i++) if (all[i] && first[i] === NO_RULE) first[i] = r;
    conditions.push(masks);
    rules.push(all);
  }
  return { n, conditions, rules, first };
}
