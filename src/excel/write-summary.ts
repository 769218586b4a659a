/**
 * The Tier Summary sheet's values: title, notes, the tier table and the Pareto table.
 */
import type { DateSystem } from '../engine';
import type { SheetPlan } from '../report';
import { toExcelValue } from './cell-value';
import { notesTable } from './output-size';
import type { RequestPacker } from './packer';
import { summaryLayout } from './summary-layout';
import { writeTable } from './write-table';

/**
 * Queues the summary values (title, notes, tier table, Pareto table) into a sheet.
 * @example await writeSummary(packer, sheet, plan, '1900');
 */
export async function writeSummary(packer: RequestPacker, sheet: Excel.Worksheet, plan: SheetPlan, dateSystem: DateSystem | undefined): Promise<void> {
  const layout = summaryLayout(plan.summary);
  await packer.add(200, 1, () => {
    sheet.getRangeByIndexes(0, 0, 1, 1).values = [[toExcelValue(plan.summary.title, 'label')]];
  });
  await writeTable(packer, { sheet, row: layout.notes.row, column: 0 }, notesTable(plan), { header: false, dateSystem });
  await writeTable(packer, { sheet, row: layout.table.row, column: 0 }, plan.summary.table, { dateSystem });
  for (const [k, extra] of plan.summary.extras.entries()) {
    const at = layout.extraTitles[k];
    await packer.add(200 + extra.title.length * 3, 1, () => {
      sheet.getRangeByIndexes(at.row, 0, 1, 1).values = [[toExcelValue(extra.title, 'label')]];
    });
    await writeTable(packer, { sheet, row: layout.extras[k].row, column: 0 }, extra.table, { dateSystem });
  }
}
