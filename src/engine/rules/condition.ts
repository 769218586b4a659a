/**
 * One cell of a rule table: a condition on one column. The grammar (README "Rules"):
 *
 * | written                              | true when the row's cell…                          |
 * | ------------------------------------ | -------------------------------------------------- |
 * | (empty), `*`, `any`, `任意`           | always                                             |
 * | `blank`, `空白`                       | is blank                                           |
 * | `not blank`, `非空`                   | is not blank                                       |
 * | `x`, `= x`, `"x"`                     | equals x (numbers by value)                        |
 * | `x, y, z` (also `，` `;` `；` `、` `|`) | equals one of them                                 |
 * | `<> x`, `!= x`, `≠ x` (lists allowed) | is not blank and equals none of them              |
 * | `contains x`, `包含 x`                | holds the text x                                   |
 * | `starts with x`, `开头是 x`            | begins with the text x                             |
 * | `>= n` `> n` `<= n` `< n` (`≥` `≤`)   | is a number in that range                          |
 * | `a..b` (`a..`, `..b`)                 | is a number from a to b, both included             |
 * | `a..<b`                               | is a number from a, up to but not including b      |
 */
import { parseNumberText } from '../coerce';

/** A parsed condition. `equals` with `negate` is "none of". */
export type Condition =
  | { kind: 'any' }
  | { kind: 'blank' }
  | { kind: 'notBlank' }
  | { kind: 'equals'; values: readonly string[]; negate: boolean }
  | { kind: 'contains'; text: string }
  | { kind: 'startsWith'; text: string }
  | { kind: 'range'; min: number; max: number; minOpen: boolean; maxOpen: boolean };

/** Why a condition could not be read: the message in both languages. */
export interface ConditionProblem {
  en: string;
  zh: string;
}

const ANY = new Set(['', '*', 'any', '(any)', '任意', '不限']);
const BLANK = new Set(['blank', '(blank)', '空白', '为空']);
const NOT_BLANK = new Set(['not blank', '(not blank)', 'non-blank', 'nonblank', '非空', '不为空']);
const LIST_SEPARATOR = /[,，;；、|]/;

/** A literal that may be written in double quotes ("any" is the word, not the keyword). */
function literal(text: string): string {
  const t = text.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t;
}

/** Splits a list on its separators outside double quotes; one item when the text is a number such as 1,200. */
function listItems(text: string): string[] {
  if (!Number.isNaN(parseNumberText(text))) return [text.trim()];
  const items: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && LIST_SEPARATOR.test(ch)) {
      items.push(cur);
      cur = '';
    } else cur += ch;
  }
  items.push(cur);
  return items.map(literal).filter((s) => s !== '');
}

function num(text: string): number {
  return text.trim() === '' ? NaN : parseNumberText(text);
}

const notNumber = (what: string, cell: string): ConditionProblem => ({
  en: `"${cell}": ${what} is not a number`,
  zh: `"${cell}"：${what} 不是数字`,
});

/**
 * Reads one condition cell. Numbers in a workbook cell are an `equals` of that number.
 * Returns the condition or the problem (never throws).
 *
 * @example
 * parseCondition(">= 1,000"); // { kind: "range", min: 1000, max: Infinity, minOpen: false, maxOpen: false }
 * parseCondition("中学, 大学"); // { kind: "equals", values: ["中学", "大学"], negate: false }
 * parseCondition("> abc"); // { problem: { en: '"> abc": abc is not a number', … } }
 */
export function parseCondition(cell: string | number): Condition | { problem: ConditionProblem } {
  if (typeof cell === 'number') return { kind: 'equals', values: [String(cell)], negate: false };
  const text = cell.trim();
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  if (ANY.has(lower)) return { kind: 'any' };
  if (BLANK.has(lower)) return { kind: 'blank' };
  if (NOT_BLANK.has(lower)) return { kind: 'notBlank' };
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"') && !text.slice(1, -1).replace(/""/g, '').includes('"')) {
    return { kind: 'equals', values: [literal(text)], negate: false };
  }
  const word = /^(contains|包含|starts with|开头是)\s*(.*)$/i.exec(text);
  if (word) {
    const rest = literal(word[2]);
    if (rest === '') return { problem: { en: `"${text}": the text to look for is missing`, zh: `"${text}"：缺少要查找的文字` } };
    return /^(contains|包含)$/i.test(word[1]) ? { kind: 'contains', text: rest } : { kind: 'startsWith', text: rest };
  }
  const op = /^(>=|<=|<>|!=|≥|≤|≠|>|<|=)\s*(.*)$/.exec(text);
  if (op) {
    const [, sign, rest] = op;
    if (sign === '=') return rest.trim() === '' ? { problem: { en: `"${text}": the value is missing`, zh: `"${text}"：缺少值` } } : { kind: 'equals', values: [literal(rest)], negate: false };
    if (sign === '<>' || sign === '!=' || sign === '≠') {
      const values = listItems(rest);
      return values.length === 0 ? { problem: { en: `"${text}": the value is missing`, zh: `"${text}"：缺少值` } } : { kind: 'equals', values, negate: true };
    }
    const n = num(rest);
    if (Number.isNaN(n)) return { problem: notNumber(rest.trim() || '(nothing)', text) };
    if (sign === '>=' || sign === '≥') return { kind: 'range', min: n, max: Infinity, minOpen: false, maxOpen: false };
    if (sign === '>') return { kind: 'range', min: n, max: Infinity, minOpen: true, maxOpen: false };
    if (sign === '<=' || sign === '≤') return { kind: 'range', min: -Infinity, max: n, minOpen: false, maxOpen: false };
    return { kind: 'range', min: -Infinity, max: n, minOpen: false, maxOpen: true };
  }
  const range = /^(.*?)\s*\.\.(<?)\s*(.*)$/.exec(text);
  if (range && (range[1].trim() !== '' || range[3].trim() !== '')) {
    const lo = range[1].trim() === '' ? -Infinity : num(range[1]);
    const hi = range[3].trim() === '' ? Infinity : num(range[3]);
    if (Number.isNaN(lo)) return { problem: notNumber(range[1].trim(), text) };
    if (Number.isNaN(hi)) return { problem: notNumber(range[3].trim(), text) };
    return { kind: 'range', min: lo, max: hi, minOpen: false, maxOpen: range[2] === '<' && hi !== Infinity };
  }
  return { kind: 'equals', values: listItems(text), negate: false };
}

/**
 * True for a range no number can fall in (`50..10`, `> 5` with `< 5` cannot be written in one cell).
 *
 * @example
 * isEmptyRange({ kind: "range", min: 50, max: 10, minOpen: false, maxOpen: false }); // true
 */
export function isEmptyRange(c: Condition): boolean {
  if (c.kind !== 'range') return false;
  return c.min > c.max || (c.min === c.max && (c.minOpen || c.maxOpen));
}

function show(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 10 });
}

/** A list of values as written back: quoted when an item holds a separator (and is no number). */
function listText(values: readonly string[], separator: string): string {
  return values.map((v) => (LIST_SEPARATOR.test(v) && Number.isNaN(parseNumberText(v)) ? `"${v}"` : v)).join(separator);
}

/**
 * A condition written back in the grammar's canonical form (for reports and explanations), in
 * English or Chinese (`lang` "zh-CN": 任意, 为空, 非空, 中学、大学, 不是 …, 包含 …, 开头是 …,
 * ≥ 100, 10 至 50 — the words the grammar reads, where it has them).
 *
 * @example
 * conditionText({ kind: "range", min: 10, max: 50, minOpen: false, maxOpen: false }); // "10..50"
 * conditionText({ kind: "equals", values: ["中学", "大学"], negate: false }); // "中学, 大学"
 * conditionText({ kind: "equals", values: ["中学", "大学"], negate: false }, "zh-CN"); // "中学、大学"
 * conditionText({ kind: "range", min: 100, max: Infinity, minOpen: false, maxOpen: false }, "zh-CN"); // "≥ 100"
 */
export function conditionText(c: Condition, lang: 'en' | 'zh-CN' = 'en'): string {
  const zh = lang === 'zh-CN';
  switch (c.kind) {
    case 'any':
      return zh ? '任意' : 'any';
    case 'blank':
      return zh ? '为空' : 'blank';
    case 'notBlank':
      return zh ? '非空' : 'not blank';
    case 'equals': {
      const list = listText(c.values, zh ? '、' : ', ');
      return c.negate ? `${zh ? '不是' : '<>'} ${list}` : list;
    }
    case 'contains':
      return `${zh ? '包含' : 'contains'} ${c.text}`;
    case 'startsWith':
      return `${zh ? '开头是' : 'starts with'} ${c.text}`;
    case 'range': {
      const ge = zh ? '≥' : '>=';
      const le = zh ? '≤' : '<=';
      if (c.max === Infinity) return `${c.minOpen ? '>' : ge} ${show(c.min)}`;
      if (c.min === -Infinity) return `${c.maxOpen ? '<' : le} ${show(c.max)}`;
      if (c.minOpen || (zh && c.maxOpen)) return `${c.minOpen ? '>' : ge} ${show(c.min)}${zh ? ' 且 ' : ' and '}${c.maxOpen ? '<' : le} ${show(c.max)}`;
      return zh ? `${show(c.min)} 至 ${show(c.max)}` : `${show(c.min)}..${c.maxOpen ? '<' : ''}${show(c.max)}`;
    }
  }
}
