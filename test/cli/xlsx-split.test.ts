/**
 * Issue 11, case 5: more customers than a sheet holds continue on "Customers (2)", … and the
 * CLI says so — never a sheet past Excel's 1,048,576 rows. Checked with a small injected row
 * limit instead of a million rows.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { EXCEL_MAX_ROWS, customerSheetNames, wrappedLines } from '../../src/cli/render-xlsx';
import { run, tempDir, writeTemp } from './helpers';

describe('customer sheets past the row limit', () => {
  it('a sheet holds 1,048,575 customers below its header; one more starts "Customers (2)"', () => {
    expect(EXCEL_MAX_ROWS).toBe(1_048_576);
    expect(customerSheetNames('Customers', 1_048_575)).toEqual(['Customers']);
    expect(customerSheetNames('Customers', 1_048_576)).toEqual(['Customers', 'Customers (2)']);
    expect(customerSheetNames('Customers', 1_100_000)).toEqual(['Customers', 'Customers (2)']);
    expect(customerSheetNames('客户', 7, 4)).toEqual(['客户', '客户 (2)', '客户 (3)']);
    expect(customerSheetNames('Customers', 0)).toEqual(['Customers']);
  });

  it('the CLI splits 7 customers over sheets of 3 (row limit 4), every customer once, and says so', async () => {
    const dir = tempDir();
    const input = writeTemp(dir, 'c.csv', ['Customer,Value', ...Array.from({ length: 7 }, (_, i) => `C${i + 1},${(i + 1) * 10}`)].join('\n') + '\n');
    const out = join(dir, 'tiers.xlsx');
    process.env.TIERWISE_MAX_SHEET_ROWS = '4';
    let r;
    try {
      r = await run('classify', input, '--method', 'abc', '--out', out);
    } finally {
      delete process.env.TIERWISE_MAX_SHEET_ROWS;
    }
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('tierwise: 7 customers do not fit one sheet (at most 3 rows below the header): written to Customers, Customers (2), Customers (3)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Customers', 'Customers (2)', 'Customers (3)', 'Tier Summary']);
    const ids: string[] = [];
    for (const ws of wb.worksheets.slice(0, 3)) {
      expect(ws.rowCount).toBeLessThanOrEqual(4);
      expect(ws.getCell('A1').value).toBe('Customer');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      for (let row = 2; row <= ws.rowCount; row++) ids.push(String(ws.getCell(row, 1).value));
    }
    expect(ids).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']);
    const notes: string[] = [];
    wb.getWorksheet('Tier Summary')!.eachRow((row) => row.eachCell((c) => notes.push(String(c.value))));
    expect(notes).toContain('The customers do not fit one sheet (at most 3 rows below the header): they continue on Customers, Customers (2), Customers (3).');
  });

  it('without the split, one sheet and no message', async () => {
    const dir = tempDir();
    const input = writeTemp(dir, 'c.csv', 'Customer,Value\nA,1\nB,2\n');
    const r = await run('classify', input, '--method', 'abc', '--out', join(dir, 't.xlsx'));
    expect(r.stderr).not.toContain('do not fit');
  });

  it('counts the lines wrapped text takes', () => {
    expect(wrappedLines('short', 60)).toBe(1);
    expect(wrappedLines('aaaa bbbb cccc', 9)).toBe(2);
    expect(wrappedLines('x'.repeat(25), 10)).toBe(3);
    expect(wrappedLines('一二三四五', 6)).toBe(2);
  });
});
