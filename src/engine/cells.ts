/**
 * What a spreadsheet cell can hold when it reaches the engine, whichever adapter read it
 * (Office.js `values`, custom-function arguments, ExcelJS, CSV text).
 */

/** An Excel error value in object form (ExcelJS `{ error }`, custom functions `{ code }`). */
export interface ErrorCell {
  error?: string;
  code?: string;
}

/** One cell's value. Blank is `""`, `null` or `undefined`. */
export type Cell = string | number | boolean | Date | null | undefined | ErrorCell;

/** The error texts Excel shows in a cell (`#N/A`, …): a cell holding exactly one of them is an error, not text. */
export const EXCEL_ERROR_TEXTS: readonly string[] = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BUSY!',
  '#CONNECT!',
  '#BLOCKED!',
  '#UNKNOWN!',
  '#PYTHON!',
];

const ERROR_LITERALS = new Set(EXCEL_ERROR_TEXTS);

/**
 * The characters `keyText` trims from the ends of a key (those `String.prototype.trim` removes:
 * tab, line feed, vertical tab, form feed, carriage return, space, no-break space, the Unicode
 * space separators, line and paragraph separator, and the byte-order mark U+FEFF), as code points.
 * The SQL generator trims the same set, so a database groups ids exactly as the engine does.
 */
export const KEY_TRIM_CODE_POINTS: readonly number[] = [
  9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f,
  0x3000, 0xfeff,
];

/**
 * True for an empty cell (`""`, whitespace only, `null`, `undefined`).
 *
 * @example
 * isBlank("  "); // true
 * isBlank(0); // false
 */
export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * The Excel error code a cell holds (`"#N/A"`, …), or undefined when it holds no error.
 *
 * @example
 * errorCode("#N/A"); // "#N/A"
 * errorCode({ error: "#REF!" }); // "#REF!"
 * errorCode("N/A"); // undefined
 */
export function errorCode(cell: Cell): string | undefined {
  if (typeof cell === 'string') return ERROR_LITERALS.has(cell) ? cell : undefined;
  if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
    const code = cell.error ?? cell.code;
    return typeof code === 'string' ? code : '#VALUE!';
  }
  return undefined;
}

/**
 * Text for a cell used as a key (customer id, invoice): numbers without exponent noise,
 * trimmed strings; blank and error cells give "".
 *
 * @example
 * keyText(12346); // "12346"
 * keyText(" C-01 "); // "C-01"
 */
export function keyText(cell: Cell): string {
  if (typeof cell === 'string') return ERROR_LITERALS.has(cell) ? '' : cell.trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return '';
}
