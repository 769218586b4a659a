/**
 * Excel requirement sets: the one the add-in declares in manifest.xml (every call it always makes
 * is in it), and the check before a newer call that is only used when present.
 *
 * Why 1.9: `Range.copyFrom` (staged beside output) is ExcelApi 1.9; everything else the adapter
 * always calls is older (`getSurroundingRegion`, `getRangeByIndexes`, chart series 1.7 — with the
 * scatter chart's markers, `format.line.lineStyle` and axis `scaleType` —,
 * `ChartSeries.axisGroup` 1.8, conditional formats and `suspendApiCalculationUntilNextSync` 1.6).
 * `ConditionalFormatCollection.getItemOrNullObject` is ExcelApi 1.14: guarded, with a fallback.
 */

/** The ExcelApi version manifest.xml declares (a test keeps them equal). */
export const EXCEL_API_MINIMUM = '1.9';

type Requirements = { isSetSupported(name: string, version?: string): boolean };

/**
 * True when Excel supports an ExcelApi version (`Office.context.requirements.isSetSupported`);
 * outside Office (Node, tests without a host answer) the declared minimum only.
 * @example excelApiSupports('1.14') // false in Excel 2019 (ExcelApi 1.8–1.9)
 */
export function excelApiSupports(version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
  const requirements = office?.context?.requirements;
  if (requirements && typeof requirements.isSetSupported === 'function') return requirements.isSetSupported('ExcelApi', version);
  return Number(version.split('.')[1] ?? 0) <= Number(EXCEL_API_MINIMUM.split('.')[1]);
}
