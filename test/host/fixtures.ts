/**
 * Test data and helpers around the host: deterministic transaction and customer tables, a
 * runner for the pane's flow, and a snapshot of the workbook for before/after comparisons.
 */
import type { ExcelHost } from './index';

/** An `Excel.run`-shaped runner over the host, typed for the adapter. */
export type Runner = <T>(callback: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * The host's `Excel.run` typed as Office.js's.
 * @example await classifySelection(runnerOf(host), request)
 */
export function runnerOf(host: ExcelHost): Runner {
  return (callback) => host.Excel.run((context) => callback(context as unknown as Excel.RequestContext));
}

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fills a sheet with a transaction log: Invoice, Customer ID, InvoiceDate (Excel serials), Amount.
 * @example fillTransactions(host, 'Sheet1', 10_000, 1_000) // A1:D10001
 */
export function fillTransactions(host: ExcelHost, sheetName: string, rows: number, customers: number, seed = 7): void {
  const sheet = host.model.sheet(sheetName);
  const rnd = random(seed);
  sheet.put(0, 0, 'Invoice');
  sheet.put(0, 1, 'Customer ID');
  sheet.put(0, 2, 'InvoiceDate');
  sheet.put(0, 3, 'Amount');
  for (let r = 1; r <= rows; r++) {
    const c = Math.floor(rnd() ** 2 * customers);
    sheet.rows[r] = [`INV${100000 + r}`, `C${10000 + c}`, 45000 + Math.floor(rnd() * 365), Math.round((5 + rnd() * 200) * 100) / 100];
  }
}

/**
 * Fills a sheet with a customer table: Customer, Region, Value.
 * @example fillCustomers(host, 'Sheet1', [['a', 'N', 100], ['b', 'S', 20]])
 */
export function fillCustomers(host: ExcelHost, sheetName: string, rows: (string | number)[][]): void {
  host.fill(sheetName, 'A1', [['Customer', 'Region', 'Value'], ...rows]);
}

/**
 * Everything observable in the workbook, as plain data (for "as before" comparisons).
 * @example expect(snapshot(host)).toEqual(before)
 */
export function snapshot(host: ExcelHost): unknown {
  const m = host.model;
  return {
    sheets: m.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      rows: JSON.stringify(s.rows),
      formulas: [...s.formulas],
      formats: s.formats.length,
      conditionalFormats: JSON.stringify(s.conditionalFormats),
      tables: JSON.stringify(s.tables),
      charts: JSON.stringify(s.charts),
    })),
    names: [...m.names],
    settings: [...m.settings],
  };
}
