/**
 * Formats for a written table: bold header, one number format per column, widths — a handful of
 * calls per table whatever its number of rows.
 */
import type { TablePlan } from '../report';
import { NUMBER_FORMATS } from './cell-value';

/**
 * Queues the header and number formats of a table written at (row, column) with its header.
 * @example formatTable(sheet, 0, 0, plan.customers); await context.sync();
 */
export function formatTable(sheet: Excel.Worksheet, row: number, column: number, table: TablePlan): void {
  const width = table.columns.length;
  if (width === 0) return;
  sheet.getRangeByIndexes(row, column, 1, width).format.font.bold = true;
  if (table.rows > 0) {
    table.columns.forEach((col, c) => {
      const format = NUMBER_FORMATS[col.kind];
      if (format === null) return;
      // one value applies to every cell of the range: O(columns) bytes, not O(rows)
      sheet.getRangeByIndexes(row + 1, column + c, table.rows, 1).numberFormat = format as unknown as string[][];
    });
  }
  sheet.getRangeByIndexes(row, column, Math.min(table.rows, 200) + 1, width).format.autofitColumns();
}
