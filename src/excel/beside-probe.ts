/**
 * The probe of the cells right of the user's table: are they free for the tier columns (empty, or
 * Tierwise's own previous output)?
 */
import type { TablePlan } from '../report';
import type { Block } from './a1';
import { type SheetArea, type WorkbookState, sameArea } from './selection';

/** True when the used part of the block right of the input lies within Tierwise's own block. */
function usedIsOwn(used: Block | null, input: SheetArea, ownBlock: SheetArea | null): boolean {
  if (!used) return true;
  if (!ownBlock || ownBlock.sheetId !== input.sheetId) return false;
  return (
    used.row >= ownBlock.row &&
    used.column >= ownBlock.column &&
    used.row + used.rows <= ownBlock.row + ownBlock.rows &&
    used.column + used.columns <= ownBlock.column + ownBlock.columns
  );
}

/**
 * Checks whether the columns right of the input are free: empty, or Tierwise's own previous output.
 * Answers from the state when its first request probed them, else with one request.
 * @example await besideIsFree(context, area, 2, state.previous.beside, state) // true
 */
export async function besideIsFree(context: Excel.RequestContext, input: SheetArea, columns: number, ownBlock: SheetArea | null, state?: WorkbookState): Promise<boolean> {
  const target: Block = { row: input.row, column: input.column + input.columns, rows: input.rows, columns };
  if (target.column + columns > 16384) return false;
  if (state && sameArea(state.probedArea, input) && columns >= 1 && columns <= state.besideUsed.length) {
    return usedIsOwn(state.besideUsed[columns - 1], input, ownBlock);
  }
  const used = context.workbook.worksheets
    .getItem(input.sheetId)
    .getRangeByIndexes(target.row, target.column, target.rows, target.columns)
    .getUsedRangeOrNullObject(true)
    .load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  return usedIsOwn(used.isNullObject ? null : { row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount }, input, ownBlock);
}

/**
 * The block right of the input that the beside columns take.
 * @example besideTarget({ ...area, column: 0, columns: 3 }, table).column // 3
 */
export function besideTarget(input: SheetArea, table: TablePlan): Block {
  return { row: input.row, column: input.column + input.columns, rows: input.rows, columns: table.columns.length };
}
