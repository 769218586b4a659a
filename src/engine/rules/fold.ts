/**
 * How rule values and cells are compared as text: trimmed always; case folded unless
 * `caseSensitive`; full-width and half-width forms folded (Unicode NFKC: "ＡＢＣ１２" = "ABC12",
 * "（" = "(") only with `foldWidth`; simplified and traditional Chinese folded (後 = 后, 學 = 学;
 * OpenCC's character tables, see `chinese.ts`) only with `foldChinese`.
 */
import { type Cell, errorCode, isBlank } from '../cells';
import { parseNumberText } from '../coerce';
import { foldChinese } from './chinese';

/** Text comparison options of a rule table. */
export interface FoldOptions {
  caseSensitive: boolean;
  foldWidth: boolean;
  /** Simplified and traditional Chinese alike (optional: off when absent). */
  foldChinese?: boolean;
}

/** The default: trimmed, case-insensitive, widths and simplified/traditional forms kept apart. */
export const DEFAULT_FOLD: FoldOptions = { caseSensitive: false, foldWidth: false, foldChinese: false };

/**
 * A text folded for comparison.
 *
 * @example
 * foldText("  Ｃｉｔｙ ", { caseSensitive: false, foldWidth: true }); // "city"
 * foldText("  Ｃｉｔｙ ", DEFAULT_FOLD); // "ｃｉｔｙ"
 * foldText("學校", { caseSensitive: false, foldWidth: false, foldChinese: true }); // "学校"
 */
export function foldText(text: string, options: FoldOptions): string {
  let s = text.trim();
  if (options.foldWidth) s = s.normalize('NFKC').trim();
  if (options.foldChinese) s = foldChinese(s);
  if (!options.caseSensitive) s = s.toLowerCase();
  return s;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A cell as the text a rule compares (numbers as JavaScript writes them, dates as YYYY-MM-DD,
 * booleans as TRUE/FALSE, errors as their code, blanks as "").
 *
 * @example
 * cellText(1200); // "1200"
 * cellText({ error: "#N/A" }); // "#N/A"
 */
export function cellText(cell: Cell): string {
  if (isBlank(cell)) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
  return errorCode(cell) ?? '';
}

/**
 * A column prepared for matching: each row's code into the column's distinct cells, and per
 * distinct cell its text as written (trimmed), its folded text, its number (NaN when not numeric)
 * and whether it is blank. Conditions are evaluated once per distinct cell.
 */
export interface PreparedColumn {
  name: string;
  /** Per row: index into the distinct cells. */
  code: Int32Array;
  /** Per distinct cell. */
  shown: string[];
  text: string[];
  num: number[];
  blank: boolean[];
}

/**
 * The cell of row i as written (trimmed), for reports and explanations.
 *
 * @example
 * shownAt(prepareColumn("Stage", [" 中学 "], DEFAULT_FOLD), 0); // "中学"
 */
export function shownAt(col: PreparedColumn, i: number): string {
  return col.shown[col.code[i]];
}

/**
 * Prepares cells (or a numeric measure) for matching.
 *
 * @example
 * const c = prepareColumn("Revenue", ["1,200", "", "abc", "1,200"], DEFAULT_FOLD);
 * c.code; // Int32Array [0, 1, 2, 0]
 * c.num; // [1200, NaN, NaN]
 */
export function prepareColumn(name: string, cells: ArrayLike<Cell>, options: FoldOptions): PreparedColumn {
  const n = cells.length;
  const col: PreparedColumn = { name, code: new Int32Array(n), shown: [], text: [], num: [], blank: [] };
  // cells that read the same once trimmed share a code (their text, number and blankness agree)
  const byShown = new Map<string, number>();
  const byText = new Map<string, number>();
  const byNumber = new Map<number, number>();
  const codeOf = (c: Cell, shown: string): number => {
    let code = byShown.get(shown);
    if (code === undefined) {
      code = col.shown.push(shown) - 1;
      col.text.push(foldText(shown, options));
      col.blank.push(shown === '');
      col.num.push(typeof c === 'number' ? c : typeof c === 'string' && errorCode(c) === undefined ? parseNumberText(c) : NaN);
      byShown.set(shown, code);
    }
    return code;
  };
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    let code: number | undefined;
    if (typeof c === 'number') {
      code = byNumber.get(c);
      if (code === undefined) byNumber.set(c, (code = codeOf(c, Number.isNaN(c) ? '' : cellText(c))));
    } else if (typeof c === 'string') {
      code = byText.get(c);
      if (code === undefined) byText.set(c, (code = codeOf(c, c.trim())));
    } else code = codeOf(c, isBlank(c) ? '' : cellText(c).trim());
    col.code[i] = code;
  }
  return col;
}
