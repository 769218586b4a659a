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
 * For each distinct cell of a column, whether a condition holds (1) or not (0).
 *
 * @example
 * conditionHits({ kind: "range", min: 10, max: 50, minOpen: false, maxOpen: false }, prepareColumn("x", [5, "20", ""], DEFAULT_FOLD), DEFAULT_FOLD);
 * // Uint8Array [0, 1, 0]
 */
export function conditionHits(c: Condition, col: PreparedColumn, options: FoldOptions): Uint8Array {
  const d = col.text.length;
  const out = new Uint8Array(d);
  switch (c.kind) {
    case 'any':
      out.fill(1);
      break;
    case 'blank':
      for (let k = 0; k < d; k++) out[k] = col.blank[k] ? 1 : 0;
      break;
    case 'notBlank':
      for (let k = 0; k < d; k++) out[k] = col.blank[k] ? 0 : 1;
      break;
    case 'equals': {
      const texts = new Set(c.values.map((v) => foldText(v, options)));
      const nums = new Set(c.values.map((v) => parseNumberText(v)).filter((v) => !Number.isNaN(v)));
      for (let k = 0; k < d; k++) {
        if (col.blank[k]) continue;
        const hit = texts.has(col.text[k]) || (!Number.isNaN(col.num[k]) && nums.has(col.num[k]));
        out[k] = hit !== c.negate ? 1 : 0;
      }
      break;
    }
    case 'contains':
    case 'startsWith': {
      const want = foldText(c.text, options);
      for (let k = 0; k < d; k++) out[k] = !col.blank[k] && (c.kind === 'contains' ? col.text[k].includes(want) : col.text[k].startsWith(want)) ? 1 : 0;
      break;
    }
    case 'range':
      for (let k = 0; k < d; k++) {
        const v = col.num[k];
        out[k] = v === v && (c.minOpen ? v > c.min : v >= c.min) && (c.maxOpen ? v < c.max : v <= c.max) ? 1 : 0;
      }
      break;
  }
  return out;
}

/**
 * The rows a condition holds for, as a 0/1 mask.
 *
 * @example
 * conditionMask({ kind: "range", min: 10, max: 50, minOpen: false, maxOpen: false }, prepareColumn("x", [5, "20", ""], DEFAULT_FOLD), DEFAULT_FOLD);
 * // Uint8Array [0, 1, 0]
 */
export function conditionMask(c: Condition, col: PreparedColumn, options: FoldOptions): Uint8Array {
  const hits = conditionHits(c, col, options);
  const out = new Uint8Array(col.code.length);
  for (let i = 0; i < out.length; i++) out[i] = hits[col.code[i]];
  return out;
}

/** Every rule matched against the rows. */
export interface RuleMatches {
  n: number;
  /** Per rule, per condition column: whether the condition holds for each distinct cell of the column. */
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
    const hits = table.rules[r].conditions.map((c, j) => conditionHits(c, columns[j], options));
    const all = new Uint8Array(n).fill(1);
    table.rules[r].conditions.forEach((c, j) => {
      if (c.kind === 'any') return;
      const h = hits[j];
      const code = columns[j].code;
      for (let i = 0; i < n; i++) all[i] &= h[code[i]];
    });
    for (let i = 0; i < n; i++) if (all[i] && first[i] === NO_RULE) first[i] = r;
    conditions.push(hits);
    rules.push(all);
  }
  return { n, conditions, rules, first };
}
