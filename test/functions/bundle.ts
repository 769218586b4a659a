/**
 * Loads the built custom-functions bundle (dist/functions.js) in a fresh `vm` context with a stub
 * `CustomFunctions` runtime that records `associate(id, fn)`, so tests call the functions exactly as
 * Excel does: 2-D arrays, "" for blanks, null for omitted arguments, error objects for error cells.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const BUNDLE = path.join(DIST, 'functions.js');
export const METADATA = path.join(DIST, 'functions.json');

/**
 * An Excel error value as the runtime makes it (and as Excel passes error cells in): like
 * `CustomFunctionError` in @microsoft/office-js dist/custom-functions-runtime.debug.js, an Error
 * whose message is "" when none is given — error cells from the sheet always arrive so.
 */
export class StubError extends Error {
  readonly type = 'Error';
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message || '');
  }
}

/**
 * A linked data type cell (Stocks, Geography) as Excel passes it to a function whose metadata sets
 * `allowCustomDataForDataTypeAny`: `LinkedEntityCellValue` JSON of the Excel JavaScript API.
 * @example linkedEntity('Contoso') // { type: 'LinkedEntity', text: 'Contoso', basicType: 'Error', basicValue: '#VALUE!', … }
 */
export function linkedEntity(text: string | undefined): Record<string, unknown> {
  return { type: 'LinkedEntity', text, basicType: 'Error', basicValue: '#VALUE!', id: { entityId: text ?? '', domainId: 'stocks', serviceId: 268435456, culture: 'en-US' }, properties: {} };
}

/**
 * A formatted number cell as Excel passes it under `allowCustomDataForDataTypeAny`
 * (`FormattedNumberCellValue` JSON).
 * @example formattedNumber(12.5, '$0.00')
 */
export function formattedNumber(value: number, numberFormat = '#,##0.00'): Record<string, unknown> {
  return { type: 'FormattedNumber', basicValue: value, basicType: 'Double', numberFormat };
}

/** The error codes of CustomFunctions.ErrorCode. */
export const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

/** A registered function, called like Excel calls it. */
export type Fn = (...args: unknown[]) => unknown[][];
/** One that answers later (RFM_TABLE asks Excel for the workbook's date system first). */
export type AsyncFn = (...args: unknown[]) => Promise<unknown[][]>;

/** The loaded bundle: functions by id, and how often each id was associated. */
export interface Loaded {
  fns: Record<string, Fn>;
  associations: Record<string, number>;
}

/** Fails with a clear message when the bundle has not been built. */
export function requireBuilt(): void {
  if (!fs.existsSync(BUNDLE) || !fs.existsSync(METADATA)) {
    throw new Error(`${path.relative(ROOT, BUNDLE)} is missing: run \`npm run build\` (or \`npx webpack --mode production\`) first`);
  }
}

/**
 * Evaluates dist/functions.js in a new context (with `globals` added, e.g. a stub `Excel`) and
 * returns what it registered.
 * @example const { fns } = loadBundle(); fns.ABC_CLASS([[50], [30]], null, null, null);
 */
export function loadBundle(globals: Record<string, unknown> = {}): Loaded {
  requireBuilt();
  const fns: Record<string, Fn> = {};
  const associations: Record<string, number> = {};
  const CustomFunctions = {
    Error: StubError,
    ErrorCode,
    associate(id: string, fn: Fn) {
      fns[id] = fn;
      associations[id] = (associations[id] ?? 0) + 1;
    },
  };
  const context: Record<string, unknown> = { CustomFunctions, console, ...globals };
  context.self = context;
  context.window = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(BUNDLE, 'utf8'), context, { filename: BUNDLE });
  return { fns, associations };
}

/** True for an error value with the given code. */
export function isError(cell: unknown, code?: string): cell is StubError {
  return cell !== null && typeof cell === 'object' && 'code' in cell && (code === undefined || (cell as StubError).code === code);
}

/** Calls a function and returns the error it throws (or fails when it returns normally). */
export function thrown(call: () => unknown): StubError {
  try {
    const result = call();
    throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  } catch (error) {
    if (error instanceof StubError) return error;
    throw error;
  }
}

/** Awaits a function that answers later and returns the error it rejects with (or fails when it resolves). */
export async function rejected(call: () => Promise<unknown>): Promise<StubError> {
  try {
    const result = await call();
    throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  } catch (error) {
    if (error instanceof StubError) return error;
    throw error;
  }
}

/** A column (n×1 range) of cells. */
export const col = (cells: readonly unknown[]): unknown[][] => cells.map((c) => [c]);
