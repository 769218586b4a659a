/** The workbook texts the CLI's xlsx renderer needs, from the shared strings. */
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
  return {
    customersSheet: t(language, 'sheet.customers'),
    skippedTitle: t(language, 'cli.skippedTitle'),
    chartNote: t(language, 'cli.chartNote'),
    splitNote: t(language, 'cli.splitNote'),
  };
}
