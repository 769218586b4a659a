/**
 * Every user-facing string of the report, the CLI messages and the task pane, in English and
 * 简体中文. One dictionary per language; a test checks that both have the same keys.
 */

/** Languages the product speaks. */
export type Language = 'en' | 'zh-CN';

const en = {
  'col.customer': 'Customer',
  'col.row': 'Row',
  'col.value': 'Value',
  'col.firstPurchase': 'First purchase',
  'col.lastPurchase': 'Last purchase',
  'col.recency': 'Recency (days)',
  'col.frequency': 'Frequency',
  'col.monetary': 'Monetary',
  'col.tier': 'Tier',
  'col.tierLabel': 'Tier label',
  'col.why': 'Why',
  'sheet.customers': 'Customers',
  'sheet.summary': 'Tier Summary',
  'sheet.playbook': 'Playbook',
  'sheet.history': 'Tier History',
  'sheet.calls': 'Call List {date}',
  'sum.title': 'Tier Summary',
  'sum.tier': 'Tier',
  'sum.label': 'Label',
  'sum.customers': 'Customers',
  'sum.customerShare': '% customers',
  'sum.value': 'Value',
  'sum.valueShare': '% value',
  'sum.meanRecency': 'Mean recency (days)',
  'sum.meanFrequency': 'Mean frequency',
  'sum.meanMonetary': 'Mean monetary',
  'sum.range': 'Value range',
  'sum.strategy': 'Strategy',
  'sum.total': 'Total',
  'sum.method': 'Method',
  'sum.asOf': 'As of',
  'sum.rowsUsed': 'Rows used',
  'sum.rowsSkipped': 'Rows skipped',
  'sum.cuts': 'Cut points',
  'sum.chartTitle': 'Customers and value by tier',
  'reason.blank': 'blank {column}',
  'reason.error': 'error value in {column}',
  'reason.boolean': 'TRUE/FALSE in {column}',
  'reason.not-a-number': '{column} is not a number',
  'reason.not-a-date': '{column} is not a date',
  'reason.date-out-of-range': '{column} is not a valid date',
  'reason.return': 'return (amount ≤ 0)',
  'reason.cancellation': 'cancelled invoice',
  'reason.returns-only': 'customer with no purchase (only returns or zero amounts)',
  'reason.after-as-of': 'date on or after the as-of date',
  'reason.total-row': 'total row',
  'issue.row': 'row {row}: {reason}',
  'field.customer': 'customer id',
  'field.date': 'date',
  'field.amount': 'amount',
  'field.invoice': 'invoice',
  'field.value': 'value',
  'cli.skippedTitle': 'Skipped rows',
  'cli.splitNote': 'The customers do not fit one sheet (at most {perSheet} rows below the header): they continue on {sheets}.',
  'cli.chartNote':
    'Charts: this file was written by the command-line tool, and ExcelJS cannot create charts. Select the summary table above and use Insert → Chart; the Excel add-in draws them itself.',
} as const;

/** A string key. */
export type StringKey = keyof typeof en;

const zh: Record<StringKey, string> = {
  'col.customer': '客户',
  'col.row': '行',
  'col.value': '价值',
  'col.firstPurchase': '首次购买',
  'col.lastPurchase': '最近购买',
  'col.recency': '最近购买间隔(天)',
  'col.frequency': '购买频次',
  'col.monetary': '消费金额',
  'col.tier': '层级',
  'col.tierLabel': '层级名称',
  'col.why': '分层原因',
  'sheet.customers': '客户',
  'sheet.summary': '客户分层汇总',
  'sheet.playbook': '策略手册',
  'sheet.history': '分层历史',
  'sheet.calls': '拜访清单 {date}',
  'sum.title': '客户分层汇总',
  'sum.tier': '层级',
  'sum.label': '名称',
  'sum.customers': '客户数',
  'sum.customerShare': '客户占比',
  'sum.value': '价值',
  'sum.valueShare': '价值占比',
  'sum.meanRecency': '平均间隔(天)',
  'sum.meanFrequency': '平均频次',
  'sum.meanMonetary': '平均金额',
  'sum.range': '价值区间',
  'sum.strategy': '管理策略',
  'sum.total': '合计',
  'sum.method': '方法',
  'sum.asOf': '分析日期',
  'sum.rowsUsed': '使用行数',
  'sum.rowsSkipped': '跳过行数',
  'sum.cuts': '分界点',
  'sum.chartTitle': '各层级客户数与价值占比',
  'reason.blank': '{column}为空',
  'reason.error': '{column}为错误值',
  'reason.boolean': '{column}为 TRUE/FALSE',
  'reason.not-a-number': '{column}不是数字',
  'reason.not-a-date': '{column}不是日期',
  'reason.date-out-of-range': '{column}不是有效日期',
  'reason.return': '退货（金额 ≤ 0）',
  'reason.cancellation': '已取消的单据',
  'reason.returns-only': '没有购买的客户（只有退货或零金额）',
  'reason.after-as-of': '日期不早于分析日期',
  'reason.total-row': '合计行',
  'issue.row': '第 {row} 行：{reason}',
  'field.customer': '客户编号',
  'field.date': '日期',
  'field.amount': '金额',
  'field.invoice': '单号',
  'field.value': '价值',
  'cli.skippedTitle': '跳过的行',
  'cli.splitNote': '客户超出一张工作表的容量（表头下最多 {perSheet} 行）：依次写在 {sheets}。',
  'cli.chartNote': '图表：本文件由命令行工具生成，ExcelJS 无法创建图表。选中上方汇总表，点击“插入 → 图表”即可；Excel 加载项生成的汇总表自带图表。',
};

/** The dictionaries. */
export const STRINGS: Record<Language, Record<StringKey, string>> = { en, 'zh-CN': zh };

/**
 * A string in a language, with `{name}` placeholders filled in.
 *
 * @example
 * t('en', 'issue.row', { row: '1,204', reason: 'blank customer id' }); // "row 1,204: blank customer id"
 */
export function t(language: Language, key: StringKey, params: Record<string, string | number> = {}): string {
  return fill(STRINGS[language][key], params);
}

/**
 * Fills `{name}` placeholders of a template; unknown names stay as they are.
 *
 * @example
 * fill('{n} rows', { n: 3 }); // "3 rows"
 */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The product language for an Office display language or locale ("zh-CN", "zh-Hans", "en-US" …).
 *
 * @example
 * languageOf("zh-Hans-CN"); // "zh-CN"
 * languageOf("fr-FR"); // "en"
 */
export function languageOf(locale: string | undefined): Language {
  return locale !== undefined && /^zh/i.test(locale) ? 'zh-CN' : 'en';
}
