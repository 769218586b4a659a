/**
 * Workbook texts the CLI needs and `src/i18n/strings.ts` does not have yet (to move there:
 * keys `cli.skippedTitle`, `cli.chartNote`).
 */
import type { Language } from '../i18n/strings';
import { t } from '../i18n/strings';
import type { XlsxTexts } from './render-xlsx';

/**
 * The xlsx texts in a language.
 *
 * @example
 * xlsxTexts("zh-CN").customersSheet; // "客户"
 */
export function xlsxTexts(language: Language): XlsxTexts {
  const zh = language === 'zh-CN';
  return {
    customersSheet: t(language, 'sheet.customers'),
    skippedTitle: zh ? '跳过的行' : 'Skipped rows',
    chartNote: zh
      ? '图表：本文件由命令行工具生成，ExcelJS 无法创建图表。选中上方汇总表，点击“插入 → 图表”即可；Excel 加载项生成的汇总表自带图表。'
      : 'Charts: this file was written by the command-line tool, and ExcelJS cannot create charts. Select the summary table above and use Insert → Chart; the Excel add-in draws them itself.',
  };
}
