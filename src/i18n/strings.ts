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
  'col.r': 'R',
  'col.f': 'F',
  'col.m': 'M',
  'col.rfm': 'RFM',
  'col.segment': 'Segment',
  'col.tier': 'Tier',
  'col.tierLabel': 'Tier label',
  'col.why': 'Why',
  'col.cumShare': 'Cumulative % of value',
  'sheet.customers': 'Customers',
  'sheet.summary': 'Tier Summary',
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
  'sum.paretoTitle': 'Pareto: value by customer rank',
  'sum.paretoBucket': 'Top customers',
  'sum.paretoValue': 'Value',
  'sum.paretoCum': 'Cumulative % of value',
  'method.rfm': 'RFM (recency, frequency, monetary)',
  'method.abc': 'ABC (Pareto 80/20)',
  'method.pyramid': 'Customer pyramid',
  'cuts.abc': 'A: cumulative share ≤ {a} (value ≥ {aValue}); B: ≤ {b} (value ≥ {bValue}); C: the rest',
  'cuts.pyramid': 'Platinum: top {p1} of customers (value ≥ {v1}); Gold: to {p2} (≥ {v2}); Iron: to {p3} (≥ {v3}); Lead: the rest',
  'cuts.rfm': '{bins} bins. R (days, lower is better) cut at {r}; F cut at {f}; M cut at {m}',
  'cuts.none': 'none',
  'reason.blank': 'blank {column}',
  'reason.error': 'error value in {column}',
  'reason.boolean': 'TRUE/FALSE in {column}',
  'reason.not-a-number': '{column} is not a number',
  'reason.not-a-date': '{column} is not a date',
  'reason.date-out-of-range': '{column} is not a valid date',
  'reason.return': 'return (amount ≤ 0)',
  'reason.cancellation': 'cancelled invoice',
  'reason.after-as-of': 'date on or after the as-of date',
  'issue.row': 'row {row}: {reason}',
  'field.customer': 'customer id',
  'field.date': 'date',
  'field.amount': 'amount',
  'field.invoice': 'invoice',
  'field.value': 'value',
  'cli.skippedTitle': 'Skipped rows',
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
  'col.r': 'R',
  'col.f': 'F',
  'col.m': 'M',
  'col.rfm': 'RFM',
  'col.segment': '客户细分',
  'col.tier': '层级',
  'col.tierLabel': '层级名称',
  'col.why': '分层原因',
  'col.cumShare': '累计价值占比',
  'sheet.customers': '客户',
  'sheet.summary': '客户分层汇总',
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
  'sum.paretoTitle': '帕累托图：按客户排名的价值',
  'sum.paretoBucket': '前列客户',
  'sum.paretoValue': '价值',
  'sum.paretoCum': '累计价值占比',
  'method.rfm': 'RFM（最近购买、频次、金额）',
  'method.abc': 'ABC（帕累托 80/20）',
  'method.pyramid': '客户金字塔',
  'cuts.abc': 'A：累计占比 ≤ {a}（价值 ≥ {aValue}）；B：≤ {b}（价值 ≥ {bValue}）；C：其余',
  'cuts.pyramid': '重要客户：前 {p1} 客户（价值 ≥ {v1}）；次要客户：至 {p2}（≥ {v2}）；普通客户：至 {p3}（≥ {v3}）；小客户：其余',
  'cuts.rfm': '{bins} 档。R（天数，越小越好）分界 {r}；F 分界 {f}；M 分界 {m}',
  'cuts.none': '无',
  'reason.blank': '{column}为空',
  'reason.error': '{column}为错误值',
  'reason.boolean': '{column}为 TRUE/FALSE',
  'reason.not-a-number': '{column}不是数字',
  'reason.not-a-date': '{column}不是日期',
  'reason.date-out-of-range': '{column}不是有效日期',
  'reason.return': '退货（金额 ≤ 0）',
  'reason.cancellation': '已取消的单据',
  'reason.after-as-of': '日期不早于分析日期',
  'issue.row': '第 {row} 行：{reason}',
  'field.customer': '客户编号',
  'field.date': '日期',
  'field.amount': '金额',
  'field.invoice': '单号',
  'field.value': '价值',
  'cli.skippedTitle': '跳过的行',
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
