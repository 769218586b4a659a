/**
 * The Rules sheet of the rules method: created from the selected table (example rules from the
 * most frequent values of its category-like columns, over the preview's sample of rows) and read
 * back as the rule table's CSV text when classifying.
 */
import { type Cell, exampleRuleGrid, gridToCsv, parseRuleGrid } from '../engine';
import { addTextSheet, readSheetCells } from '../excel';
import { type ExcelRunner, previewSelection } from './flow';

/** The name the Rules sheet is created with (a taken name gets " (2)"…). */
export const RULES_SHEET = 'Rules';

/**
 * Writes a new Rules sheet pre-filled with example rules for the selected table; returns its
 * name and how many rules it holds. Throws a TierwiseError when no column looks like categories.
 * @example await createRulesSheet(Excel.run) // { sheet: "Rules", rules: 5 }
 */
export async function createRulesSheet(run: ExcelRunner): Promise<{ sheet: string; rules: number }> {
  const preview = await previewSelection(run);
  const grid = exampleRuleGrid(preview.sample.headers.map((name, j) => ({ name, cells: preview.sample.sample[j] })));
  const sheet = await run((context) => addTextSheet(context, RULES_SHEET, grid));
  return { sheet, rules: grid.length - 1 };
}

function text(cell: Cell): string | number {
  if (typeof cell === 'number') return cell;
  return cell === null || cell === undefined ? '' : typeof cell === 'object' && !(cell instanceof Date) ? (cell.error ?? cell.code ?? '') : String(cell);
}

/**
 * The rule table on a sheet as CSV text (checked: a bad table throws its bilingual ParamError
 * naming the row and column), or null when there is no such sheet.
 * @example await readRulesSheet(Excel.run) // "Class,Class zh,…\nType 1,类型1,…\n"
 */
export async function readRulesSheet(run: ExcelRunner, name = RULES_SHEET): Promise<string | null> {
  const cells = await run((context) => readSheetCells(context, name));
  if (cells === null) return null;
  parseRuleGrid(cells);
  return gridToCsv(cells.map((row) => row.map((c) => String(text(c)))));
}
