/**
 * Tier colours as conditional formats: one custom-formula rule per tier over all the rows
 * (`=$H2="A"`), so colouring costs O(tiers) calls and follows the tier value if it changes.
 */
import type { TierColorRule } from '../report';
import { type Block, columnLetters } from './a1';

/**
 * The rule formula for rows whose tier cell (absolute column, relative row) equals a tier key.
 * @example tierFormula(7, 1, 'A') // '=$H2="A"'
 */
export function tierFormula(tierColumn: number, firstRow: number, tier: string): string {
  return `=$${columnLetters(tierColumn)}${firstRow + 1}="${tier.replace(/"/g, '""')}"`;
}

/**
 * Queues one conditional format per tier over a block of rows.
 * @example const rules = addTierRules(sheet, { row: 1, column: 0, rows: 500, columns: 9 }, 7, plan.colorRules);
 */
export function addTierRules(sheet: Excel.Worksheet, rows: Block, tierColumn: number, rules: readonly TierColorRule[]): Excel.ConditionalFormat[] {
  if (rows.rows < 1) return [];
  const range = sheet.getRangeByIndexes(rows.row, rows.column, rows.rows, rows.columns);
  return rules.map((rule) => {
    const cf = range.conditionalFormats.add('Custom');
    cf.custom.rule.formula = tierFormula(tierColumn, rows.row, rule.tier);
    cf.custom.format.fill.color = rule.fill;
    cf.custom.format.font.color = rule.fontColor;
    return cf;
  });
}
