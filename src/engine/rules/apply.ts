/**
 * A rule table applied to rows: prepares the columns the rules name, matches, and reports coverage.
 */
import type { Cell } from '../cells';
import { parseCsvText } from './csv-text';
import { type CoverageReport, coverageReport } from './coverage';
import { type FoldOptions, type PreparedColumn, prepareColumn } from './fold';
import { NO_RULE, type RuleMatches, matchRules } from './match';
import { type RuleTable, parseRuleGrid } from './table';

/** A rule table applied to rows. */
export interface RulesApplied {
  table: RuleTable;
  columns: PreparedColumn[];
  matches: RuleMatches;
  /** Class index per row, or -1 when no rule matches. */
  classOf: Int32Array;
  report: CoverageReport;
}

/**
 * Reads a rule table from CSV text.
 *
 * @example
 * parseRuleCsv("Class,Stage\nType 1,中学\n").columns; // ["Stage"]
 */
export function parseRuleCsv(text: string): RuleTable {
  return parseRuleGrid(parseCsvText(text));
}

/**
 * Applies a rule table to `n` rows; `column(name)` gives the cells (or numbers) of a condition
 * column and throws when the input has no such column.
 *
 * @example
 * const a = applyRules(parseRuleCsv("Class,Stage\nType 1,中学\n"), 2, () => ["中学", "小学"], DEFAULT_FOLD);
 * a.classOf; // Int32Array [0, -1]
 * a.report.uncovered; // 1
 */
export function applyRules(table: RuleTable, n: number, column: (name: string) => ArrayLike<Cell>, options: FoldOptions): RulesApplied {
  const columns = table.columns.map((name) => {
    const cells = column(name);
    if (cells.length !== n) throw new RangeError(`rule column "${name}" has ${cells.length} rows, expected ${n}`);
    return prepareColumn(name, cells, options);
  });
  const matches = matchRules(table, columns, n, options);
  const classOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = matches.first[i];
    classOf[i] = r === NO_RULE ? -1 : table.rules[r].classIndex;
  }
  return { table, columns, matches, classOf, report: coverageReport(table, columns, matches, options) };
}
