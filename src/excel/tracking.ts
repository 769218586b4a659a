/**
 * What Tierwise wrote last time, so a new run can replace exactly that: ids of the sheets it
 * created and of the colour rules it put over user rows (a workbook setting), and the columns it
 * wrote beside the user's table (a defined name, which moves when the user inserts rows or columns).
 */

/** The workbook setting holding the record. */
export const RECORD_KEY = 'tierwise.output';
/** The defined name covering the columns written beside the user's table. */
export const BESIDE_NAME = 'Tierwise_Output';

/** The record of a run's output. */
export interface OutputRecord {
  version: 1;
  /** Ids of sheets Tierwise created. */
  sheets: string[];
  /** Id of the sheet holding the columns beside the input (null when none). */
  besideSheet: string | null;
  /** Ids of the conditional formats over the user's rows. */
  rules: string[];
}

/**
 * An empty record.
 * @example emptyRecord().sheets // []
 */
export function emptyRecord(): OutputRecord {
  return { version: 1, sheets: [], besideSheet: null, rules: [] };
}

/**
 * The record from a setting's value, tolerating a missing or foreign value.
 * @example parseRecord('{"version":1,"sheets":["{a}"],"besideSheet":null,"rules":[]}').sheets // ["{a}"]
 * @example parseRecord(42) // empty record
 */
export function parseRecord(value: unknown): OutputRecord {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return emptyRecord();
    }
  }
  if (typeof v !== 'object' || v === null) return emptyRecord();
  const o = v as Partial<OutputRecord>;
  const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  return { version: 1, sheets: strings(o.sheets), besideSheet: typeof o.besideSheet === 'string' ? o.besideSheet : null, rules: strings(o.rules) };
}
