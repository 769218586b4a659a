/**
 * Plan values as Excel cell values: dates as serials, and user text kept as text — Excel reads
 * `values` strings like typed input, so "=cmd", "+1", "-x", "@x", "007" or "TRUE" would turn into
 * formulas, numbers or booleans; an apostrophe prefix keeps them text.
 */
import { dayNumberToSerial, type DateSystem } from '../engine';
import type { ColumnKind, PlanValue } from '../report';

/** A value ready for `Range.values`. */
export type ExcelValue = string | number | boolean;

/**
 * Text as it must be written so that Excel keeps it as the same text.
 * @example safeText("=HYPERLINK(\"x\")") // "'=HYPERLINK(\"x\")"
 * @example safeText("007") // "'007"
 * @example safeText("Alice") // "Alice"
 */
export function safeText(text: string): string {
  if (text === '') return text;
  const first = text[0];
  if (first === '=' || first === '+' || first === '-' || first === '@' || first === "'") return `'${text}`;
  const trimmed = text.trim();
  if (trimmed !== '' && !Number.isNaN(Number(trimmed))) return `'${text}`;
  if (/^(true|false)$/i.test(trimmed)) return `'${text}`;
  if (/^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(trimmed) || /^\d{1,2}:\d{2}/.test(trimmed) || /^\d+\s*%$/.test(trimmed)) return `'${text}`;
  return text;
}

/**
 * A plan value converted for a column kind.
 * @example toExcelValue(15317, "date") // 40886
 * @example toExcelValue("12346", "text") // 12346 (a plain number stays a number)
 * @example toExcelValue(null, "money") // ""
 */
export function toExcelValue(value: PlanValue, kind: ColumnKind, dateSystem: DateSystem = '1900'): ExcelValue {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return kind === 'date' ? dayNumberToSerial(value, dateSystem) : value;
  }
  if (kind === 'text' && value !== '' && String(Number(value)) === value) return Number(value);
  return safeText(value);
}

/** Excel number format per column kind (null: leave General). */
export const NUMBER_FORMATS: Record<ColumnKind, string | null> = {
  text: null,
  label: null,
  integer: '#,##0',
  number: '#,##0.0',
  money: '#,##0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
};
