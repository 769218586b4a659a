/**
 * Calendar arithmetic. The engine's date unit is the **day number**: days since 1970-01-01
 * (UTC, proleptic Gregorian), fractional part = time of day. Excel serials convert to and from it.
 */

/** Day number of Excel serial 0 in the 1900 date system (1899-12-30, counting the fake 1900-02-29). */
const EXCEL_1900_EPOCH = -25569;
/** Day number of Excel serial 0 in the 1904 date system (1904-01-01). */
const EXCEL_1904_EPOCH = -24107;
/** Largest serial Excel accepts (9999-12-31 in the 1900 system). */
export const MAX_EXCEL_SERIAL = 2958465;

/** Which epoch a workbook's serial dates count from. */
export type DateSystem = '1900' | '1904';

/**
 * Days since 1970-01-01 for a calendar date (proleptic Gregorian).
 *
 * @example
 * dayNumber(1970, 1, 1); // 0
 * dayNumber(2011, 12, 9); // 15317
 */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Calendar date of a day number (its whole part).
 *
 * @example
 * civilDate(15317); // { year: 2011, month: 12, day: 9 }
 */
export function civilDate(dayNum: number): { year: number; month: number; day: number } {
  const z = Math.floor(dayNum) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * ISO text (`YYYY-MM-DD`) of a day number.
 *
 * @example
 * isoDate(15317); // "2011-12-09"
 */
export function isoDate(dayNum: number): string {
  const { year, month, day } = civilDate(dayNum);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True when the date exists in the calendar. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/**
 * Day number of an Excel serial date, or NaN for serials that are no date (≤ 0, the fictitious
 * 1900-02-29 = serial 60, beyond 9999-12-31).
 *
 * @example
 * serialToDayNumber(40886); // 15317 (2011-12-09)
 * serialToDayNumber(60); // NaN — 1900-02-29 never existed
 */
export function serialToDayNumber(serial: number, system: DateSystem = '1900'): number {
  if (!Number.isFinite(serial)) return NaN;
  if (system === '1904') {
    if (serial < 0 || serial > MAX_EXCEL_SERIAL - 1462) return NaN;
    return serial + EXCEL_1904_EPOCH;
  }
  if (serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) return NaN;
  if (serial >= 60 && serial < 61) return NaN;
  // serials 1..59 come before Excel's fictitious 1900-02-29, so they are one day closer to the epoch
  return serial < 60 ? serial + EXCEL_1900_EPOCH + 1 : serial + EXCEL_1900_EPOCH;
}

/**
 * Excel serial (1900 or 1904 system) of a day number.
 *
 * @example
 * dayNumberToSerial(15317); // 40886
 */
export function dayNumberToSerial(dayNum: number, system: DateSystem = '1900'): number {
  if (system === '1904') return dayNum - EXCEL_1904_EPOCH;
  const serial = dayNum - EXCEL_1900_EPOCH;
  return serial < 61 ? serial - 1 : serial;
}
