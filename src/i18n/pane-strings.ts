/**
 * The task pane's own strings, in English and 简体中文 (report strings live in `strings.ts`).
 * A test checks that both languages have the same keys.
 */
import { type Language, fill } from './strings';

const en = {
  'pane.title': 'Tierwise',
  'pane.subtitle': 'Customer tiers: RFM, ABC, pyramid',
  'pane.language': 'Language',
  'sel.heading': 'Selection',
  'sel.none': 'Select a table with a header row, then press Refresh.',
  'sel.refresh': 'Refresh',
  'sel.rows': '{rows} data rows × {columns} columns',
  'sel.expanded': 'Expanded to the table around the selected cell.',
  'sel.trimmed': 'Trimmed to the rows and columns in use.',
  'sel.level.transactions': 'Transactions: one row per purchase',
  'sel.level.customers': 'Customers: one row per customer',
  'sel.level.none': 'Cannot use this table yet',
  'cols.heading': 'Columns',
  'cols.none': '(none)',
  'role.customer': 'Customer',
  'role.date': 'Date',
  'role.amount': 'Amount',
  'role.invoice': 'Invoice',
  'role.quantity': 'Quantity',
  'role.price': 'Unit price',
  'role.value': 'Value',
  'method.heading': 'Method',
  'method.needsTransactions': 'needs transactions',
  'param.asOf': 'As-of date',
  'param.asOfHint': 'Blank: the day after the last purchase',
  'cuts.heading': 'Cut points',
  'cuts.pending': 'Shown once the columns are set.',
  'cuts.sample': 'Estimated from the first {rows} rows; the run uses all rows.',
  'cuts.final': 'Used for all {rows} rows.',
  'run.classify': 'Classify selection',
  'run.cancel': 'Cancel',
  'run.reading': 'Reading the table…',
  'run.computing': 'Classifying customers…',
  'run.writing': 'Writing results…',
  'run.finishing': 'Adding colours, tables and charts…',
  'run.cancelled': 'Cancelled. The workbook is as it was.',
  'run.done': 'Done: {customers} customers classified.',
  'run.wroteSheet': 'Wrote the sheets "{customers}" and "{summary}".',
  'run.wroteBeside': 'Wrote the tier columns at {address} and the sheet "{summary}".',
  'run.fellBack': 'The columns right of the table are not empty, so the tiers went to the new sheet "{customers}" instead.',
  'result.heading': 'Tiers',
  'result.tier': 'Tier',
  'result.customers': 'Customers',
  'issues.heading': 'Skipped rows ({count})',
  'issues.more': '… and {count} more',
  'issues.none': 'No rows skipped.',
  'error.empty': 'The selection holds no table: select a header row and at least one data row.',
  'error.ownOutput': 'This sheet was written by Tierwise. Select your own data.',
  'error.noColumns': 'Choose the customer column.',
  'error.noSuchColumn': 'No column "{name}" in the selection: the headers are {headers}.',
  'error.params': 'Check the parameters: {detail}',
  'error.generic': 'Something went wrong: {detail}',
} as const;

/** A pane string key. */
export type PaneKey = keyof typeof en;

const zh: Record<PaneKey, string> = {
  'pane.title': 'Tierwise',
  'pane.subtitle': '客户分层：RFM、ABC、客户金字塔',
  'pane.language': '语言',
  'sel.heading': '所选区域',
  'sel.none': '请选择带标题行的表格，然后点击“刷新”。',
  'sel.refresh': '刷新',
  'sel.rows': '{rows} 行数据 × {columns} 列',
  'sel.expanded': '已扩展到所选单元格所在的表格。',
  'sel.trimmed': '已裁剪到有数据的行和列。',
  'sel.level.transactions': '交易明细：每行一笔购买',
  'sel.level.customers': '客户表：每行一位客户',
  'sel.level.none': '暂时无法使用此表格',
  'cols.heading': '列',
  'cols.none': '（无）',
  'role.customer': '客户',
  'role.date': '日期',
  'role.amount': '金额',
  'role.invoice': '单号',
  'role.quantity': '数量',
  'role.price': '单价',
  'role.value': '价值',
  'method.heading': '方法',
  'method.needsTransactions': '需要交易明细',
  'param.asOf': '分析日期',
  'param.asOfHint': '留空：最后一次购买的次日',
  'cuts.heading': '分界点',
  'cuts.pending': '设置好列之后显示。',
  'cuts.sample': '根据前 {rows} 行估算；运行时使用全部行。',
  'cuts.final': '已用于全部 {rows} 行。',
  'run.classify': '对所选区域分层',
  'run.cancel': '取消',
  'run.reading': '正在读取表格…',
  'run.computing': '正在为客户分层…',
  'run.writing': '正在写入结果…',
  'run.finishing': '正在添加颜色、表格和图表…',
  'run.cancelled': '已取消，工作簿保持原样。',
  'run.done': '完成：已为 {customers} 位客户分层。',
  'run.wroteSheet': '已写入工作表“{customers}”和“{summary}”。',
  'run.wroteBeside': '已在 {address} 写入层级列，并写入工作表“{summary}”。',
  'run.fellBack': '表格右侧的列不为空，因此层级已写入新工作表“{customers}”。',
  'result.heading': '层级',
  'result.tier': '层级',
  'result.customers': '客户数',
  'issues.heading': '跳过的行（{count}）',
  'issues.more': '……另有 {count} 行',
  'issues.none': '没有跳过的行。',
  'error.empty': '所选区域没有表格：请选择标题行和至少一行数据。',
  'error.ownOutput': '此工作表由 Tierwise 生成，请选择您自己的数据。',
  'error.noColumns': '请选择客户列。',
  'error.noSuchColumn': '所选区域中没有列“{name}”：现有标题为 {headers}。',
  'error.params': '请检查参数：{detail}',
  'error.generic': '出错了：{detail}',
};

/** The pane dictionaries. */
export const PANE_STRINGS: Record<Language, Record<PaneKey, string>> = { en, 'zh-CN': zh };

/**
 * A pane string in a language, with `{name}` placeholders filled in.
 * @example paneText('zh-CN', 'run.done', { customers: '1,204' }) // "完成：已为 1,204 位客户分层。"
 */
export function paneText(language: Language, key: PaneKey, params: Record<string, string | number> = {}): string {
  return fill(PANE_STRINGS[language][key], params);
}
