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

const ERROR_LITERALS = new Set([
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
]);

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
