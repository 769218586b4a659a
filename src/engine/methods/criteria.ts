/**
 * Per-customer inputs named in a `columns` parameter (a matrix axis, a grading criterion): a
 * measure (R, F, M, value), the average invoice value (AOV = monetary / frequency), the predicted
 * CLV (`clv`, from a transaction log's purchases), or a column of the input table
 * (`Measures.extra`, coerced to numbers; a cell that is no number is missing).
 */
import { numberColumn } from '../columns';
import { TierwiseError } from '../errors';
import { predictedClv } from './clv';
import { measureOfName, timelineMeasureOfName } from './params';
import type { MeasureRow, Measures } from './types';

const MEASURE_HEADERS: Readonly<Record<string, string>> = { recency: 'R', frequency: 'F', monetary: 'M', value: 'value', aov: 'AOV' };

/**
 * How a named input is shown: measures by their short name ("r" → "R"), columns as given.
 *
 * @example
 * criterionLabel("frequency"); // "F"
 * criterionLabel("Margin"); // "Margin"
 */
export function criterionLabel(name: string): string {
  const m = measureOfName(name);
  if (m === undefined && timelineMeasureOfName(name)) return 'CLV';
  return m === undefined ? name.trim() : MEASURE_HEADERS[m];
}

/**
 * Average invoice value: monetary / frequency (NaN when frequency is not positive).
 *
 * @example
 * averageInvoice(300, 4); // 75
 */
export function averageInvoice(monetary: number, frequency: number): number {
  return frequency > 0 ? monetary / frequency : NaN;
}

/**
 * The values of a named input for every customer (NaN = missing). Throws naming the input when
 * a measure is not available (e.g. F from a customer table) or a table column was not loaded.
 *
 * @example
 * criterionValues({ n: 2, value: Float64Array.of(5, 6), frequency: Float64Array.of(1, 2), monetary: Float64Array.of(5, 6) }, "AOV"); // Float64Array [5, 3]
 */
export function criterionValues(m: Measures, name: string, method: string): Float64Array {
  const measure = measureOfName(name);
  const missing = (what: string): never => {
    throw new TierwiseError('column', `${method}: ${criterionLabel(name)} (${what}) is not available; it needs a transaction log, or name a numeric column of the table instead`);
  };
  if (measure === 'value') return m.value;
  if (measure === 'aov') {
    if (!m.frequency || !m.monetary) missing('average invoice value = monetary / frequency');
    const f = m.frequency as Float64Array;
    const v = m.monetary as Float64Array;
    return Float64Array.from({ length: m.n }, (_, i) => averageInvoice(v[i], f[i]));
  }
  if (measure !== undefined) return m[measure] ?? missing(measure);
  if (timelineMeasureOfName(name)) return predictedClv(m) ?? missing('predicted customer lifetime value');
  const cells = m.extra?.[name];
  if (!cells) throw new TierwiseError('column', `${method}: the column "${name}" was not found in the input (name a column of the table, or R, F, M, AOV, value)`);
  return numberColumn(cells).values;
}

/**
 * The value of a named input in one row (per-row functions): measures and AOV only; a table
 * column is not in a row, so it is NaN there.
 *
 * @example
 * criterionOfRow({ monetary: 300, frequency: 4 }, "aov"); // 75
 */
export function criterionOfRow(row: MeasureRow, name: string): number {
  const measure = measureOfName(name);
  if (measure === undefined) return NaN;
  if (measure === 'aov') return averageInvoice(row.monetary ?? NaN, row.frequency ?? NaN);
  return row[measure] ?? NaN;
}
