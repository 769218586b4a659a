/**
 * How rule values and cells are compared as text: trimmed always; case folded unless
 * `caseSensitive`; full-width and half-width forms folded (Unicode NFKC: "ＡＢＣ１２" = "ABC12",
 * "（" = "(") only with `foldWidth`. Simplified and traditional Chinese are not folded (no mapping
 * ships with Tierwise; see the README).
 */
import { type Cell, errorCode, isBlank } from '../cells';
import { parseNumberText } from '../coerce';

/** Text comparison options of a rule table. */
export interface FoldOptions {
  caseSensitive: boolean;
  foldWidth: boolean;
}

/** The default: trimmed, case-insensitive, widths kept apart. */
export const DEFAULT_FOLD: FoldOptions = { caseSensitive: false, foldWidth: false };

/**
 * A text folded for comparison.
 *
 * @example
 * foldText("  Ｃｉｔｙ ", { caseSensitive: false, foldWidth: true }); // "city"
 * foldText("  Ｃｉｔｙ ", DEFAULT_FOLD); // "ｃｉｔｙ"
 */
export function foldText(text: string, options: FoldOptions): string {
  let s = text.trim();
  if (options.foldWidth) s = s.normalize('NFKC').trim();
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

/** A column prepared for matching: folded text, number (NaN when not numeric) and blank flag per row. */
export interface PreparedColumn {
  name: string;
  /** The cells as written (trimmed), for reports and explanations. */
  shown: string[];
  text: string[];
  num: Float64Array;
  blank: Uint8Array;
}

/**
 * Prepares cells (or a numeric measure) for matching.
 *
 * @example
 * prepareColumn("Revenue", ["1,200", "", "abc"], DEFAULT_FOLD).num; // Float64Array [1200, NaN, NaN]
 */
export function prepareColumn(name: string, cells: ArrayLike<Cell>, options: FoldOptions): PreparedColumn {
  const n = cells.length;
  const col: PreparedColumn = { name, shown: new Array<string>(n), text: new Array<string>(n), num: new Float64Array(n), blank: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    const shown = typeof c === 'number' && Number.isNaN(c) ? '' : cellText(c).trim();
    col.shown[i] = shown;
    col.text[i] = foldText(shown, options);
    col.blank[i] = shown === '' ? 1 : 0;
    col.num[i] = typeof c === 'number' ? c : typeof c === 'string' && errorCode(c) === undefined ? parseNumberText(c) : NaN;
  }
  return col;
}
