/**
 * Finding colour rules by the ids Tierwise recorded (records of version 1, and the fallback when a
 * sheet's rules cannot be read — see `selection.ts`).
 */
import { excelApiSupports } from './requirements';

/**
 * Queues the lookup of recorded rule ids on a sheet; after the sync, the function returned gives
 * the ids that still exist. `getItemOrNullObject` is ExcelApi 1.14: older Excel loads the ids of
 * the sheet's rules instead (ids only — no rule or format property is read).
 * @example const existing = queueRulesById(context, sheetId, record.rules); await context.sync(); existing()
 */
export function queueRulesById(context: Excel.RequestContext, sheetId: string, ids: readonly string[]): () => string[] {
  const whole = context.workbook.worksheets.getItem(sheetId).getRange();
  if (excelApiSupports('1.14')) {
    const found = ids.map((id) => whole.conditionalFormats.getItemOrNullObject(id));
    return () => ids.filter((_, i) => !found[i].isNullObject);
  }
  const all = whole.conditionalFormats.load('items/id');
  return () => {
    const present = new Set(all.items.map((cf) => cf.id));
    return ids.filter((id) => present.has(id));
  };
}
