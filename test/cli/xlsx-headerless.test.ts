/** A worksheet without a header row: the first row is data, columns chosen by their values. */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { run, tempDir } from './helpers';

it('reads a header-less worksheet from its first row, and says there is no header row', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  const rows: [string, string, Date, number][] = [
    ['F1', 'C1', new Date(Date.UTC(2024, 0, 5)), 10.5],
    ['F1', 'C1', new Date(Date.UTC(2024, 0, 5)), 2.25],
    ['F2', 'C2', new Date(Date.UTC(2024, 1, 7)), 7.75],
    ['F3', 'C1', new Date(Date.UTC(2024, 2, 9)), 1.5],
    ['F4', 'C2', new Date(Date.UTC(2024, 3, 1)), 4.25],
  ];
  for (const r of rows) ws.addRow(r);
  const file = join(tempDir(), 'bare.xlsx');
  await wb.xlsx.writeFile(file);
  const r = await run('classify', file, '--method', 'abc');
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('sheet "Data", no header row (the first row is data)');
  const doc = JSON.parse(r.stdout) as { input: { headerRow: null; columns: Record<string, { column: string; how: string }> }; rowsUsed: number; customers: { customer: string; monetary: number; frequency: number }[] };
  expect(doc.input.headerRow).toBeNull();
  expect(doc.input.columns.customer).toMatchObject({ column: 'column 2', how: 'values' });
  expect(doc.rowsUsed).toBe(5);
  expect(doc.customers.map((c) => [c.customer, c.monetary, c.frequency])).toEqual([
    ['C1', 14.25, 2],
    ['C2', 12, 2],
  ]);
});
