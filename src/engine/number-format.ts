/**
 * Numbers as people type them: the decimal mark (`.` or `,`) and the thousands separators
 * (`,` `.` space, narrow space, apostrophe), currency signs before or after, accounting
 * parentheses and trailing minus signs. The mark of a column is decided from all its values.
 */

/** The character that separates whole from fractional digits. */
export type DecimalMark = '.' | ',';

/** How a column's decimal mark was decided. */
export interface DecimalFinding {
  mark: DecimalMark;
  /** "values": the values show it; "flag": the user said so; "assumed": nothing in the values decides it. */
  how: 'values' | 'flag' | 'assumed';
  /** Values that read differently with the other mark (such as `1.234`), with one example. */
  ambiguous: number;
  ambiguousExample?: string;
  /** Values that show the other mark (read as not-a-number), with one example. */
  conflicting: number;
  conflictExample?: string;
}

const CURRENCY_PREFIX = /^(?:US\$|HK\$|NT\$|R\$|RMB|CNY|USD|EUR|GBP|JPY|CHF|[$£€¥￥₹₩])\s*/i;
const CURRENCY_SUFFIX = /\s*(?:RMB|CNY|USD|EUR|GBP|JPY|CHF|元|円|[$£€¥￥₹₩])$/i;
const SPACE_GROUPED = /^\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+(?:[.,]\d+)?$/;
const DOT_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const COMMA_GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d*)?$/;
const DOT_PLAIN = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_PLAIN = /^(?:\d+,?\d*|,\d+)$/;
const SIMPLE = /^-?\d+(?:\.\d+)?$/;

/**
 * Parses numeric text with a given decimal mark: `"1,234.50"`, `"1.234,50"` (mark ","),
 * `"1 234,56"`, `"1'234.56"`, `"-12"`, `"$1,200"`, `"12,50 €"`, `"(35.00)"`, `"35-"`, `"12%"`.
 * Returns NaN for anything else, including a value that only reads with the other mark.
 *
 * @example
 * parseNumberWith("1.234,56", ","); // 1234.56
 * parseNumberWith("1,234.56", "."); // 1234.56
 * parseNumberWith("46,80", "."); // NaN
 */
export function parseNumberWith(text: string, mark: DecimalMark): number {
  if (mark === '.' && SIMPLE.test(text)) return Number(text);
  let s = text.trim();
  let sign = 1;
  if (s.startsWith('(') && s.endsWith(')')) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s.startsWith('-')) sign = -sign;
    s = s.slice(1).trim();
  } else if (s.endsWith('-') && s.length > 1) {
    sign = -sign;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '').trim();
  if (s.startsWith('-') && sign === 1) {
    sign = -1;
    s = s.slice(1).trim();
  }
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  if (SPACE_GROUPED.test(s)) s = s.replace(/[ \u00a0\u202f'’]/g, '');
  if (mark === '.') {
    if (DOT_GROUPED.test(s)) s = s.replace(/,/g, '');
    else if (!DOT_PLAIN.test(s)) return NaN;
  } else if (COMMA_GROUPED.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (COMMA_PLAIN.test(s)) s = s.replace(',', '.');
  else return NaN;
  if (s === '' || s === '.') return NaN;
  const v = Number(s) * scale * sign;
  return Number.isFinite(v) ? v : NaN;
}

/** What one value says about the decimal mark: "." or "," when it shows it, "?" when it reads both ways, "" when it says nothing. */
function markEvidence(text: string): '.' | ',' | '?' | '' {
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma < 0 && dot < 0) return '';
  if (comma >= 0 && dot >= 0) return comma > dot ? ',' : '.';
  const at = comma >= 0 ? comma : dot;
  const sep = text[at] as '.' | ',';
  if (text.indexOf(sep) !== at) {
    // repeated: a thousands separator when it makes groups of three (1.234.567), else nothing
    const groups = sep === ',' ? /^\D*\d{1,3}(?:,\d{3})+\D*$/ : /^\D*\d{1,3}(?:\.\d{3})+\D*$/;
    return groups.test(text.trim()) ? (sep === ',' ? '.' : ',') : '';
  }
  let after = 0;
  while (at + 1 + after < text.length && isDigit(text.charCodeAt(at + 1 + after))) after++;
  let before = 0;
  while (at - 1 - before >= 0 && isDigit(text.charCodeAt(at - 1 - before))) before++;
  if (after === 0 && before === 0) return '';
  // a group of three after 1–3 leading digits (not a lone 0) reads both ways: 1.234 / 1,234
  if (after === 3 && before >= 1 && before <= 3 && !(before === 1 && text.charCodeAt(at - 1) === 48)) {
    // a thousands separator in a group like "1 234" or "1'234" does not count
    return /[ \u00a0\u202f'’]/.test(text) ? sep : '?';
  }
  return sep === ',' ? ',' : '.';
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Decides the decimal mark of a column from all its text values: `1.234,56` or `46,80` show a
 * comma, `1,234.56` or `12.5` a dot; `1.234` alone reads both ways and is counted as ambiguous.
 * A forced mark wins; when nothing decides, `fallback` is assumed. With `weights`, cell i stands
 * for `weights[i]` rows (distinct values in order of first appearance give the rows' finding).
 *
 * @example
 * decideDecimalMark(["46,80", "1.234,56"]).mark; // ","
 * decideDecimalMark(["1.234"]); // { mark: ".", how: "assumed", ambiguous: 1, … }
 */
export function decideDecimalMark(cells: ArrayLike<unknown>, forced?: DecimalMark, fallback: DecimalMark = '.', weights?: ArrayLike<number>): DecimalFinding {
  let dots = 0;
  let commas = 0;
  let ambiguous = 0;
  let dotExample: string | undefined;
  let commaExample: string | undefined;
  let ambiguousExample: string | undefined;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c !== 'string') continue;
    const e = markEvidence(c);
    const w = weights ? weights[i] : 1;
    if (e === '.') {
      dots += w;
      dotExample ??= c;
    } else if (e === ',') {
      commas += w;
      commaExample ??= c;
    } else if (e === '?') {
      ambiguous += w;
      ambiguousExample ??= c.trim();
    }
  }
  const finding = (mark: DecimalMark, how: DecimalFinding['how']): DecimalFinding => {
    const conflicting = mark === '.' ? commas : dots;
    const out: DecimalFinding = { mark, how, ambiguous: how === 'values' ? 0 : ambiguous, conflicting };
    if (out.ambiguous > 0) out.ambiguousExample = ambiguousExample;
    if (conflicting > 0) out.conflictExample = (mark === '.' ? commaExample : dotExample)?.trim();
    return out;
  };
  if (forced) return finding(forced, 'flag');
  if (dots > 0 || commas > 0) return finding(commas > dots ? ',' : '.', 'values');
  return finding(fallback, 'assumed');
}
