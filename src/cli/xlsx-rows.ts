/**
 * The customer rows of a streamed worksheet, written as sheet XML in batches. ExcelJS's streaming
 * writer builds a row object and a cell object per cell and serialises each through its generic
 * XML writer, which for a million customers takes most of the run; these rows are plain (numbers,
 * text, dates, one style per column), so tierwise writes their `<row>` elements itself into the
 * sheet's stream, after ExcelJS has opened it with the header row, and ExcelJS closes the sheet
 * as usual. This relies on two internals of ExcelJS 4.4.0 (pinned): the worksheet writer's
 * `stream` and its `startedData` flag; when they are not there, the rows go through `addRow`.
 */
import type { PlanValue, TablePlan } from '../report';

/** Excel's serial number of 1970-01-01 (plan dates are days since then). */
const EPOCH_SERIAL = 25569;
const ROWS_PER_WRITE = 2000;

/** The parts of ExcelJS's streaming worksheet writer used here. */
interface SheetInternals {
  stream: { write(chunk: string): unknown };
  startedData: boolean;
}

/** The part of ExcelJS's streaming workbook writer used here. */
interface BookInternals {
  styles: { addStyleModel(model: object, cellType?: number): number };
}

/** ExcelJS's cell value types (Enums.ValueType). */
const VALUE_TYPE = { number: 2, date: 4, string: 3 } as const;

/**
 * Text escaped for XML, without the control characters XML 1.0 cannot hold.
 *
 * @example
 * xmlText('a < b & "c"'); // "a &lt; b &amp; &quot;c&quot;"
 */
export function xmlText(text: string): string {
  return text.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * Writes rows [from, to) of a table as sheet rows 2, 3, … through the sheet's stream; returns
 * false (having written nothing) when the writer lacks the internals this needs.
 *
 * @example
 * writeRowsFast(wb, ws, plan.customers, ["A", "B"], [{}, { numFmt: "#,##0.00" }], 0, 1000); // true
 */
export function writeRowsFast(
  wb: unknown,
  ws: unknown,
  table: TablePlan,
  letters: readonly string[],
  styles: readonly object[],
  from: number,
  to: number,
): boolean {
  const sheet = ws as Partial<SheetInternals>;
  const book = wb as Partial<BookInternals>;
  if (!sheet.stream || typeof sheet.stream.write !== 'function' || sheet.startedData !== true) return false;
  if (!book.styles || typeof book.styles.addStyleModel !== 'function') return false;
  const kinds = table.columns.map((c) => c.kind);
  const sAttr = table.columns.map((c, k) => {
    const type = c.kind === 'date' ? VALUE_TYPE.date : c.kind === 'label' ? VALUE_TYPE.string : VALUE_TYPE.number;
    const id = (book.styles as BookInternals['styles']).addStyleModel(styles[k], type);
    return id ? ` s="${id}"` : '';
  });
  const columns = table.columns.map((c) => c.values);
  let chunk = '';
  for (let r = from; r < to; r++) {
    const n = r - from + 2;
    let xml = `<row r="${n}">`;
    for (let k = 0; k < columns.length; k++) xml += cellXml(columns[k][r], kinds[k], `${letters[k]}${n}`, sAttr[k]);
    chunk += xml + '</row>';
    if ((r - from) % ROWS_PER_WRITE === ROWS_PER_WRITE - 1) {
      sheet.stream.write(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') sheet.stream.write(chunk);
  return true;
}

function cellXml(v: PlanValue, kind: string, ref: string, s: string): string {
  if (v === null) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return `<c r="${ref}"${s}><v>${kind === 'date' ? v + EPOCH_SERIAL : v}</v></c>`;
  }
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(v))}</t></is></c>`;
}
