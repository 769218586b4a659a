/**
 * A sheet Tierwise writes whole from one table (the Call List): staged under a hidden temporary
 * name, then in one last request named, shown, coloured by tier — replacing its own earlier sheet
 * of the same name, never a user's sheet. A failure part-way leaves the workbook as it was.
 */
import type { DateSystem } from '../engine';
import type { TablePlan, TierColorRule } from '../report';
import { addTierRules } from './colors';
import { formatTable } from './formats';
import { RequestPacker } from './packer';
import { stamp } from './render-types';
import { uniqueSheetName } from './sheet-names';
import { discardStaged } from './write-staged';
import { writeTable } from './write-table';

/** What to write. */
export interface OwnSheetRequest {
  /** The sheet's name (a user's sheet of that name gets " (2)"…). */
  name: string;
  /** The defined name that marks the sheet as Tierwise's (moved to the new sheet). */
  definedName: string;
  /** Tierwise's sheet under `definedName` now, if any: replaced when it has the same name. */
  previous: { id: string; name: string } | null;
  table: TablePlan;
  /** Column id of the tier (coloured by `colorRules`). */
  tierColumn: string;
  colorRules: readonly TierColorRule[];
  dateSystem?: DateSystem;
}

/**
 * Writes the sheet; returns its name.
 * @example await writeOwnSheet(context, { name: 'Call List 2026-11-29', definedName: 'Tierwise_CallList', previous: null, table, tierColumn: 'tier', colorRules }) // "Call List 2026-11-29"
 */
export async function writeOwnSheet(context: Excel.RequestContext, request: OwnSheetRequest): Promise<string> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load('items/name');
  const names = wb.names.load('items/name');
  await context.sync();
  const temp = `Tierwise~${stamp()}~l`;
  const staged = [temp];
  try {
    const sheet = wb.worksheets.add(temp);
    sheet.visibility = 'Hidden';
    const packer = new RequestPacker(context);
    await writeTable(packer, { sheet, row: 0, column: 0 }, request.table, { dateSystem: request.dateSystem });
    formatTable(sheet, 0, 0, request.table);
    const tierCol = request.table.columns.findIndex((c) => c.id === request.tierColumn);
    if (tierCol >= 0) addTierRules(sheet, { row: 1, column: 0, rows: request.table.rows, columns: request.table.columns.length }, tierCol, request.colorRules);
    const replaced = request.previous && request.previous.name.toLowerCase() === request.name.toLowerCase() ? request.previous : null;
    const taken = sheets.items.map((s) => s.name).filter((n) => !replaced || n.toLowerCase() !== replaced.name.toLowerCase());
    if (replaced) wb.worksheets.getItem(replaced.id).delete();
    const name = uniqueSheetName(request.name, taken);
    sheet.name = name;
    sheet.visibility = 'Visible';
    if (names.items.some((n) => n.name.toLowerCase() === request.definedName.toLowerCase())) wb.names.getItem(request.definedName).delete();
    wb.names.add(request.definedName, sheet.getRange('A1'));
    sheet.activate();
    await context.sync();
    staged.length = 0;
    return name;
  } catch (error) {
    await discardStaged(context, staged);
    throw error;
  }
}
