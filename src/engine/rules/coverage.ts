/**
 * The coverage report of a rule table over rows: rows no rule matches (grouped by their values,
 * with counts and the first row), rows several rules match (which rules, how many), rules that
 * match nothing or are shadowed by earlier rules, conditions that can never be true and listed
 * values the column does not hold. Counts add up: covered + uncovered = rows; the rules'
 * `assigned` sum to covered.
 */
import { parseNumberText } from '../coerce';
import { conditionText, isEmptyRange } from './condition';
import { type FoldOptions, type PreparedColumn, foldText, shownAt } from './fold';
import { NO_RULE, type RuleMatches } from './match';
import type { RuleTable } from './table';

/** How one rule fared. */
export interface RuleUse {
  /** Index into the table's rules; `row` is its row in the rule table. */
  rule: number;
  row: number;
  className: string;
  /** The class's Chinese label (the class name when the table gives none). */
  classNameZh: string;
  /** Rows where all its conditions hold. */
  matched: number;
  /** Rows it classified (matched and no earlier rule did). */
  assigned: number;
  catchAll: boolean;
}

/** Rows that the same set of (two or more) rules match. */
export interface Overlap {
  rules: number[];
  rows: number;
  /** The first few rows (0-based data rows). */
  examples: number[];
}

/** Uncovered rows with the same values in the condition columns. */
export interface UncoveredPattern {
  values: string[];
  rows: number;
  /** The first such row (0-based). */
  first: number;
}

/** A condition no row satisfies. */
export interface NeverTrue {
  rule: number;
  row: number;
  column: string;
  condition: string;
  /** The condition in Chinese (为空, 中学、大学, ≥ 100 …). */
  conditionZh: string;
  reason: 'empty-range' | 'not-present' | 'no-numbers' | 'no-match';
}

/** Listed values (in an equals / one-of condition) that the column does not hold. */
export interface MissingValues {
  rule: number;
  row: number;
  column: string;
  values: string[];
}

/** The coverage report. */
export interface CoverageReport {
  rows: number;
  covered: number;
  uncovered: number;
  /** Uncovered rows by their values, most frequent first (at most `MAX_PATTERNS`). */
  uncoveredPatterns: UncoveredPattern[];
  /** How many distinct value combinations the uncovered rows have. */
  uncoveredDistinct: number;
  rules: RuleUse[];
  /** Rows matched by two or more rules other than an "everyone else" rule. */
  overlapping: number;
  overlaps: Overlap[];
  /** Rules no row matches. */
  unused: number[];
  /** Rules that match rows but classify none (earlier rules take them all). */
  shadowed: number[];
  neverTrue: NeverTrue[];
  missingValues: MissingValues[];
}

/** Most uncovered value combinations and overlap groups a report lists. */
export const MAX_PATTERNS = 10;
const MAX_EXAMPLES = 3;

function valuesAbsent(values: readonly string[], col: PreparedColumn, options: FoldOptions): string[] {
  const texts = new Set(col.text);
  const nums = new Set(col.num.filter((v) => !Number.isNaN(v)));
  return values.filter((v) => {
    const n = parseNumberText(v);
    return !texts.has(foldText(v, options)) && !(!Number.isNaN(n) && nums.has(n));
  });
}

/**
 * Builds the coverage report of a matched rule table.
 *
 * @example
 * const report = coverageReport(table, columns, matchRules(table, columns, n, DEFAULT_FOLD), DEFAULT_FOLD);
 * report.covered + report.uncovered === report.rows; // true
 */
export function coverageReport(table: RuleTable, columns: readonly PreparedColumn[], m: RuleMatches, options: FoldOptions): CoverageReport {
  const { n } = m;
  const rules: RuleUse[] = table.rules.map((r, k) => ({ rule: k, row: r.row, className: table.classes[r.classIndex].key, classNameZh: table.classes[r.classIndex].labelZh, matched: 0, assigned: 0, catchAll: r.catchAll }));
  const patterns = new Map<number | string, UncoveredPattern>();
  const overlapGroups = new Map<string, Overlap>();
  let uncovered = 0;
  let overlapping = 0;
  const specific = table.rules.map((r, k) => k).filter((k) => !table.rules[k].catchAll);
  // uncovered rows are grouped by their cells' codes: one number when the combinations fit
  const radix = columns.reduce((p, c) => p * Math.max(1, c.shown.length), 1);
  const numericKey = radix < Number.MAX_SAFE_INTEGER;
  const hits: number[] = [];
  for (let i = 0; i < n; i++) {
    const f = m.first[i];
    if (f === NO_RULE) {
      uncovered++;
      let key: number | string = 0;
      if (numericKey) for (const c of columns) key = (key as number) * Math.max(1, c.shown.length) + c.code[i];
      else key = columns.map((c) => c.code[i]).join(',');
      const p = patterns.get(key);
      if (p) p.rows++;
      else patterns.set(key, { values: columns.map((c) => shownAt(c, i)), rows: 1, first: i });
    } else rules[f].assigned++;
    let count = 0;
    for (const k of specific) if (m.rules[k][i]) count++;
    if (count >= 2) {
      overlapping++;
      hits.length = 0;
      for (const k of specific) if (m.rules[k][i]) hits.push(k);
      const key = hits.join(',');
      const g = overlapGroups.get(key);
      if (g) {
        g.rows++;
        if (g.examples.length < MAX_EXAMPLES) g.examples.push(i);
      } else overlapGroups.set(key, { rules: [...hits], rows: 1, examples: [i] });
    }
  }
  for (const use of rules) use.matched = m.rules[use.rule].reduce((s, v) => s + v, 0);
  const neverTrue: NeverTrue[] = [];
  const missingValues: MissingValues[] = [];
  table.rules.forEach((r, k) => {
    r.conditions.forEach((c, j) => {
      const base = { rule: k, row: r.row, column: table.columns[j] };
      if (c.kind === 'equals' && !c.negate) {
        const absent = valuesAbsent(c.values, columns[j], options);
        if (absent.length > 0 && absent.length < c.values.length) missingValues.push({ ...base, values: absent });
      }
      if (c.kind === 'any' || m.conditions[k][j].some((v) => v === 1)) return;
      let reason: NeverTrue['reason'] = 'no-match';
      if (isEmptyRange(c)) reason = 'empty-range';
      else if (c.kind === 'equals' && !c.negate) reason = 'not-present';
      else if (c.kind === 'range' && columns[j].num.every((v) => Number.isNaN(v))) reason = 'no-numbers';
      neverTrue.push({ ...base, condition: conditionText(c), conditionZh: conditionText(c, 'zh-CN'), reason });
    });
  });
  const byCount = <T extends { rows: number }>(a: T, b: T): number => b.rows - a.rows;
  return {
    rows: n,
    covered: n - uncovered,
    uncovered,
    uncoveredPatterns: [...patterns.values()].sort((a, b) => byCount(a, b) || a.first - b.first).slice(0, MAX_PATTERNS),
    uncoveredDistinct: patterns.size,
    rules,
    overlapping,
    overlaps: [...overlapGroups.values()].sort((a, b) => byCount(a, b) || a.examples[0] - b.examples[0]),
    unused: rules.filter((u) => u.matched === 0).map((u) => u.rule),
    shadowed: rules.filter((u) => u.matched > 0 && u.assigned === 0).map((u) => u.rule),
    neverTrue,
    missingValues,
  };
}
