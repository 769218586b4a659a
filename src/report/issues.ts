/** Skipped input rows as lines a user can read: "row 1,204: blank customer id". */
import { type Language, type StringKey, t } from '../i18n/strings';
import { type SkipLog, type SkipReason, formatNumber } from '../engine';
import type { IssueLine, SheetPlan } from './plan';

/** How many skipped rows a plan lists one by one. */
export const MAX_ISSUE_LINES = 200;

function fieldName(language: Language, column: string): string {
  const key = `field.${column}` as StringKey;
  return key in { 'field.customer': 1, 'field.date': 1, 'field.amount': 1, 'field.invoice': 1, 'field.value': 1 } ? t(language, key) : column;
}

/**
 * The reason a row was skipped, in words.
 *
 * @example
 * reasonText("en", "blank", "customer"); // "blank customer id"
 */
export function reasonText(language: Language, reason: SkipReason, column: string, value?: string): string {
  if (value === undefined) return t(language, `reason.${reason}` as StringKey, { column: fieldName(language, column) });
  // quote the offending value beside its column: amount "12,3,4" is not a number / 金额“12,3,4”不是数字
  const zh = language === 'zh-CN';
  const quoted = zh ? `“${value}”` : `"${value}"`;
  const text = t(language, `reason.${reason}` as StringKey, { column: `${fieldName(language, column)}${zh ? '' : ' '}${quoted}` });
  return text.includes(quoted) ? text : `${text} (${quoted})`;
}

/**
 * Turns a skip log into issue lines (rows 1-based within the data, plus `rowOffset`).
 *
 * @example
 * buildIssues(log, "en", 1).lines[0].message; // "row 1,205: blank customer id"
 */
export function buildIssues(log: SkipLog, language: Language, rowOffset = 0): SheetPlan['issues'] {
  const lines: IssueLine[] = log.rows.slice(0, MAX_ISSUE_LINES).map((r) => {
    const row = r.row + 1 + rowOffset;
    const reason = reasonText(language, r.reason, r.column, r.value);
    return { row, column: r.column, reason: r.reason, message: t(language, 'issue.row', { row: formatNumber(row), reason }) };
  });
  const byReason = Object.entries(log.byCause).map(([cause, count]) => {
    const [column, reason] = cause.split('|') as [string, SkipReason];
    return { reason, column, count, message: reasonText(language, reason, column) };
  });
  return { total: log.total, lines, byReason };
}
