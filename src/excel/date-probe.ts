/**
 * The workbook's date system, read without touching a cell: `DATE(2000,1,1)` evaluated through
 * `workbook.functions` answers in the workbook's own serials (36526 in the 1900 system, 35064 in
 * the 1904 one). Small and Office-free at import, so the custom functions can use it too.
 */
import { type DateSystem, dayNumber, dayNumberToSerial } from '../engine';

/** 2000-01-01 as a 1904-system serial: what the workbook's DATE(2000,1,1) returns there. */
const Y2K_1904 = dayNumberToSerial(dayNumber(2000, 1, 1), '1904');

/** The arguments of the probe: DATE(2000, 1, 1). */
export const DATE_PROBE_ARGS = [2000, 1, 1] as const;

/**
 * The date system whose DATE(2000,1,1) is `serial`.
 *
 * @example
 * dateSystemOfProbe(36526); // "1900"
 * dateSystemOfProbe(35064); // "1904"
 */
export function dateSystemOfProbe(serial: unknown): DateSystem {
  return serial === Y2K_1904 ? '1904' : '1900';
}

/** Where the date system learnt outside calculation is kept: one runtime holds both the pane's and the functions' bundles. */
const REMEMBERED = Symbol.for('tierwise.workbookDateSystem');

/**
 * Keeps the workbook's date system for the custom functions (the pane reads it when it starts,
 * so a calculation never has to ask Excel).
 * @example rememberDateSystem('1904'); rememberedDateSystem() // "1904"
 */
export function rememberDateSystem(dateSystem: DateSystem): void {
  (globalThis as Record<symbol, unknown>)[REMEMBERED] = dateSystem;
}

/**
 * The date system kept by {@link rememberDateSystem}, if any.
 * @example rememberedDateSystem() // undefined before the pane started
 */
export function rememberedDateSystem(): DateSystem | undefined {
  const v = (globalThis as Record<symbol, unknown>)[REMEMBERED];
  return v === '1900' || v === '1904' ? v : undefined;
}

/**
 * Asks Excel for the workbook's date system in one small request (DATE(2000,1,1)).
 * @example const system = await readDateSystem(context); // "1900"
 */
export async function readDateSystem(context: Excel.RequestContext): Promise<DateSystem> {
  const y2k = context.workbook.functions.date(...DATE_PROBE_ARGS).load('value');
  await context.sync();
  return dateSystemOfProbe(y2k.value);
}
