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
