/**
 * Argument shaping for the custom functions: Excel passes ranges as rows of cells (`""` for a
 * blank, an error object for an error cell when `allowErrorForDataTypeAny` is on), omitted
 * optional arguments as `null`, and takes back rows of cells. Errors thrown here reach the cell
 * as `#VALUE!` with the message in its tooltip.
 */
import { type Cell, TierwiseError, coerceNumber, errorCode, isBlank } from '../engine';

/** A range argument as Excel passes it: rows of cells. */
export type Matrix = readonly (readonly unknown[])[];

/** One cell of a result: a value, `""` for blank, or an error. */
export type Out = string | number | boolean | CustomFunctions.Error;

/**
 * Error codes a custom function may return; other input errors come back as `#N/A`. `#REF!` and
 * `#NAME?` arrive as inputs but cannot be returned (CustomFunctions.ErrorCode in
 * @types/custom-functions-runtime: "supported as a custom function input error, but not as a
 * custom function output error").
 */
const RETURNABLE = new Set(['#VALUE!', '#N/A', '#DIV/0!', '#NUM!', '#NULL!']);

type Runtime = { Error: new (code: CustomFunctions.ErrorCode, message?: string) => CustomFunctions.Error };

/**
 * An Excel error value (a `CustomFunctions.Error`; a plain `{ code, message }` outside Excel).
 *
 * @example
 * excelError("#VALUE!", "bins must be a whole number from 2 to 10, got 12");
 */
export function excelError(code: string, message?: string): CustomFunctions.Error {
  const runtime = (globalThis as { CustomFunctions?: Runtime }).CustomFunctions;
  const c = code as CustomFunctions.ErrorCode;
  if (runtime) return message === undefined ? new runtime.Error(c) : new runtime.Error(c, message);
  return { code: c, message } as CustomFunctions.Error;
}

/**
 * Throws `#VALUE!` with a message Excel shows in the cell's tooltip.
 *
 * @example
 * fail("the rfm block must be 3 columns wide, got 2"); // throws
 */
export function fail(message: string): never {
  throw excelError('#VALUE!', message);
}

/**
 * Runs a function body, turning engine errors (`TierwiseError`) and stray exceptions into `#VALUE!`.
 *
 * @example
 * run(() => checkBins(12)); // throws #VALUE! "bins must be a whole number from 2 to 10, got 12"
 */
export function run<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof TierwiseError) fail(error.message);
    if (error instanceof Error) fail(error.message);
    throw error; // already an Excel error value
  }
}

/**
 * The error value a cell holds, as a result cell (`#N/A` for codes a function cannot return),
 * or undefined.
 *
 * @example
 * errorOut({ code: "#DIV/0!" }); // CustomFunctions.Error #DIV/0!
 * errorOut(5); // undefined
 */
export function errorOut(cell: unknown): CustomFunctions.Error | undefined {
  const code = errorCode(cell as Cell);
  if (code === undefined) return undefined;
  const out = RETURNABLE.has(code) ? code : '#N/A';
  // an error cell from Excel has an empty message; one made by plainCell says what is wrong
  const message = (cell as { message?: unknown }).message;
  return typeof message === 'string' && message !== '' && (out === '#VALUE!' || out === '#N/A') ? excelError(out, message) : excelError(out);
}

/**
 * True for an error that came from an input cell (Excel gives those an empty message), as opposed
 * to one Tierwise made with a message.
 *
 * @example
 * inputError(excelError("#N/A")); // true
 * inputError(excelError("#VALUE!", '"x" is not a number')); // false
 */
export function inputError(error: unknown): boolean {
  const message = (error as { message?: unknown } | null)?.message;
  return message === undefined || message === '';
}

/**
 * A cell as Tierwise reads it. With `allowCustomDataForDataTypeAny` in the metadata, Excel passes
 * data types as objects (Excel JavaScript API `CellValue` JSON): a linked data type (Stocks,
 * Geography) or an entity gives its display text, a formatted number or other basic value its
 * `basicValue`, a data-type error its code; error cells (CustomFunctions.Error) stay as they are.
 *
 * @example
 * plainCell({ type: "LinkedEntity", text: "Contoso", basicType: "Error", basicValue: "#VALUE!" }); // "Contoso"
 * plainCell({ type: "FormattedNumber", basicValue: 12.5, numberFormat: "$0.00" }); // 12.5
 */
export function plainCell(cell: unknown): unknown {
  if (cell === null || typeof cell !== 'object' || Array.isArray(cell)) return cell;
  const o = cell as { code?: unknown; type?: unknown; text?: unknown; basicValue?: unknown; basicType?: unknown };
  if (typeof o.code === 'string') return cell;
  if (o.type === 'Entity' || o.type === 'LinkedEntity') {
    if (typeof o.text === 'string' && o.text.trim() !== '') return o.text;
    return excelError('#VALUE!', 'a data type cell (Stocks, Geography, …) has no display text: pass one of its fields, e.g. =A2.Name');
  }
  if (o.type === 'Error' || o.basicType === 'Error') return { error: typeof o.basicValue === 'string' ? o.basicValue : '#VALUE!' };
  if ('basicValue' in o && (typeof o.basicValue === 'number' || typeof o.basicValue === 'string' || typeof o.basicValue === 'boolean')) return o.basicValue;
  return excelError('#VALUE!', `a data type cell of type ${JSON.stringify(o.type)} cannot be read: pass its value`);
}

/** True when a cell is a data-type object (not an error cell) that {@link plainCell} must read. */
function dataTypeCell(cell: unknown): boolean {
  return cell !== null && typeof cell === 'object' && !Array.isArray(cell) && typeof (cell as { code?: unknown }).code !== 'string';
}

/** True for an omitted optional argument (Excel passes `null`; JavaScript callers `undefined`). */
export function omitted(arg: unknown): arg is null | undefined {
  return arg === null || arg === undefined;
}

/**
 * A range argument as rows; a scalar becomes a 1×1 range.
 *
 * @example
 * asMatrix(5); // [[5]]
 * asMatrix([[1], [2]]); // [[1], [2]]
 */
export function asMatrix(arg: unknown): Matrix {
  if (!Array.isArray(arg)) return [[plainCell(arg)]];
  const rows = arg.length > 0 && !Array.isArray(arg[0]) ? (arg as unknown[]).map((cell) => [cell]) : (arg as Matrix);
  // data types (linked entities, formatted numbers) become plain values; a range without them is kept as it is
  if (!rows.some((row) => row.some(dataTypeCell))) return rows;
  return rows.map((row) => row.map(plainCell));
}

/**
 * The cells of a range, row by row.
 *
 * @example
 * flatten([[1, 2], [3, 4]]); // [1, 2, 3, 4]
 */
export function flatten(rows: Matrix): unknown[] {
  if (rows.length > 0 && rows[0].length === 1) {
    const out = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = rows[i][0];
    return out;
  }
  const out: unknown[] = [];
  for (const row of rows) for (const cell of row) out.push(cell);
  return out;
}

/**
 * Cells back into rows of `width` (the shape of the first argument).
 *
 * @example
 * reshape(["A", "B", "C", "C"], 2); // [["A", "B"], ["C", "C"]]
 */
export function reshape(cells: readonly Out[], width: number): Out[][] {
  const rows = new Array<Out[]>(Math.ceil(cells.length / width));
  if (width === 1) {
    for (let i = 0; i < cells.length; i++) rows[i] = [cells[i]];
    return rows;
  }
  for (let r = 0; r < rows.length; r++) rows[r] = cells.slice(r * width, (r + 1) * width);
  return rows;
}

/**
 * Width of a range (Excel ranges are rectangular).
 *
 * @example
 * widthOf([[1, 2, 3]]); // 3
 */
export function widthOf(rows: Matrix): number {
  return rows.length === 0 ? 0 : rows[0].length;
}

/** Numbers read from cells: NaN where a cell is no number, with what that cell's result should be. */
export interface NumberCells {
  values: Float64Array;
  /** Per cell, the result for a cell that is no number: "" (blank), its error, or #VALUE!. */
  instead: (Out | undefined)[];
  /** How many cells hold a number. */
  count: number;
}

/**
 * Reads the cells to classify: numbers, numeric text (`"1,200"`), blanks (result ""), errors
 * (result: the same error) and other text (result `#VALUE!`).
 *
 * @example
 * readNumbers([5, "1,200", "", "x"]).values; // Float64Array [5, 1200, NaN, NaN]
 * readNumbers([5, "1,200", "", "x"]).instead; // [undefined, undefined, "", #VALUE!]
 */
export function readNumbers(cells: readonly unknown[]): NumberCells {
  const n = cells.length;
  const values = new Float64Array(n);
  const instead = new Array<Out | undefined>(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    if (typeof c === 'number' && Number.isFinite(c)) {
      values[i] = c;
      count++;
      continue;
    }
    values[i] = NaN;
    if (isBlank(c as Cell)) {
      instead[i] = '';
      continue;
    }
    const error = errorOut(c);
    if (error) {
      instead[i] = error;
      continue;
    }
    const r = coerceNumber(c as Cell);
    if (r.ok) {
      values[i] = r.value;
      count++;
    } else instead[i] = excelError('#VALUE!', `${JSON.stringify(c)} is not a number`);
  }
  return { values, instead, count };
}

/**
 * The numbers of a population: every other cell (blank, text, error) is NaN and ignored.
 *
 * @example
 * populationNumbers(["", 3, "#N/A", "4"]); // Float64Array [NaN, 3, NaN, 4]
 */
export function populationNumbers(cells: readonly unknown[]): Float64Array {
  const values = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c === 'number') values[i] = Number.isFinite(c) ? c : NaN;
    else {
      const r = coerceNumber(c as Cell);
      values[i] = r.ok ? r.value : NaN;
    }
  }
  return values;
}

/**
 * Throws `#VALUE!` unless the values hold at least one number.
 *
 * @example
 * requireNumbers(new Float64Array([NaN]), "the population"); // throws "the population has no numbers"
 */
export function requireNumbers(values: Float64Array, what: string): Float64Array {
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) return values;
  return fail(`${what} has no numbers`);
}

/**
 * An optional number argument: its default when omitted or blank, numeric text accepted.
 *
 * @example
 * optionalNumber(null, 5, "bins"); // 5
 * optionalNumber("4", 5, "bins"); // 4
 */
export function optionalNumber(arg: unknown, fallback: number, name: string): number {
  if (omitted(arg) || arg === '') return fallback;
  if (typeof arg === 'number') return arg;
  const r = coerceNumber(arg as Cell);
  return r.ok ? r.value : fail(`${name} must be a number, got ${JSON.stringify(arg)}`);
}

/**
 * An optional text argument, trimmed; its default when omitted or blank.
 *
 * @example
 * optionalText(null, "en"); // "en"
 */
export function optionalText(arg: unknown, fallback: string): string {
  if (omitted(arg)) return fallback;
  const text = String(arg).trim();
  return text === '' ? fallback : text;
}
