/**
 * What Tierwise wrote last time, so a new run can replace exactly that — found from data loaded in
 * the run's first request, never from ids learnt after a write (recording those would cost
 * requests):
 * - its sheets: a workbook defined name per sheet pointing at A1 (names follow renames, and
 *   refer to #REF! once the sheet is deleted);
 * - the columns it wrote beside the user's table: a defined name (it moves when the user inserts
 *   rows or columns);
 * - its colour rules over the user's rows: custom rules whose formula is exactly the tier test of
 *   the beside block's tier column (`=$D2="A"`) for a tier recorded in a workbook setting.
 */

/** The workbook setting holding the record. */
export const RECORD_KEY = 'tierwise.output';
/** The defined name covering the columns written beside the user's table. */
export const BESIDE_NAME = 'Tierwise_Output';
/** The defined name over the table a run classified (its source, for **Refresh output**). */
export const SOURCE_NAME = 'Tierwise_Source';
/** Defined names pointing into the sheets Tierwise created, by role. */
export const SHEET_NAMES = { summary: 'Tierwise_Summary', customers: 'Tierwise_Customers' } as const;

/** The record of a run's output. */
export interface OutputRecord {
  version: 1 | 2;
  /** Ids of sheets Tierwise created (records of version 1; version 2 tracks sheets by name). */
  sheets: string[];
  /** Id of the sheet holding the rules `rules` (version 1). */
  besideSheet: string | null;
  /** Ids of the conditional formats over the user's rows (version 1). */
  rules: string[];
  /** Tier keys of the colour rules over the user's rows (version 2). */
  besideTiers: string[];
  /** Column of the tier within the beside block (version 2). */
  besideTierOffset: number;
  /** What the run was asked (so the pane can run it again in place); absent in older records. */
  run?: RecordedRun;
}

/**
 * A run as the pane asked it: the column of each role (offsets in the table), the headers those
 * columns had, the method's options and the language. Opaque to the adapter.
 */
export interface RecordedRun {
  mapping: Record<string, number>;
  headers: Record<string, string>;
  options: Record<string, unknown>;
  language: string;
}

/**
 * A recorded run from parsed JSON, or undefined when it is missing or malformed.
 * @example recordedRun({ mapping: { customer: 0 }, headers: { customer: 'Customer' }, options: { method: 'abc' }, language: 'en' })?.language // "en"
 */
export function recordedRun(value: unknown): RecordedRun | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as Partial<RecordedRun>;
  const record = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!record(o.mapping) || !record(o.headers) || !record(o.options) || typeof o.language !== 'string') return undefined;
  if (!Object.values(o.mapping).every((v) => Number.isInteger(v) && (v as number) >= 0)) return undefined;
  if (!Object.values(o.headers).every((v) => typeof v === 'string')) return undefined;
  if (typeof o.options.method !== 'string') return undefined;
  return { mapping: o.mapping as Record<string, number>, headers: o.headers as Record<string, string>, options: o.options, language: o.language };
}

/**
 * An empty record.
 * @example emptyRecord().sheets // []
 */
export function emptyRecord(): OutputRecord {
  return { version: 2, sheets: [], besideSheet: null, rules: [], besideTiers: [], besideTierOffset: 0 };
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
  return {
    version: o.version === 1 ? 1 : 2,
    sheets: strings(o.sheets),
    besideSheet: typeof o.besideSheet === 'string' ? o.besideSheet : null,
    rules: strings(o.rules),
    besideTiers: strings(o.besideTiers),
    besideTierOffset: typeof o.besideTierOffset === 'number' && Number.isInteger(o.besideTierOffset) && o.besideTierOffset >= 0 ? o.besideTierOffset : 0,
    ...(recordedRun(o.run) ? { run: recordedRun(o.run) } : {}),
  };
}
