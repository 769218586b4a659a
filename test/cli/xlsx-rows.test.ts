import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { classifyTable } from '../../src/engine';
import { buildSheetPlan } from '../../src/report';
import { parseCsv } from '../../src/cli/csv-read';
import { renderXlsx } from '../../src/cli/render-xlsx';
import { xlsxTexts } from '../../src/cli/texts';
import { writeRowsFast, xmlText } from '../../src/cli/xlsx-rows';
import { readFileSync } from 'node:fs';
import { EXAMPLES } from './helpers';

async function cells(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row, r) => row.eachCell((cell, c) => out.push(`${ws.name}!${r},${c}=${cell.value instanceof Date ? cell.value.toISOString() : JSON.stringify(cell.value)}|${cell.numFmt ?? ''}`)));
  }
  return out;
}

describe('batched customer rows', () => {
  it('read back exactly like rows written through ExcelJS (dates, money, text with & < " and 中文)', async () => {
    const csv = parseCsv(readFileSync(join(EXAMPLES, 'transactions.csv'), 'utf8'));
    const col = (n: string) => csv.columns[csv.headers.indexOf(n)] as string[];
    const customer = col('CustomerID').map((c, i) => (i % 7 === 0 ? `${c} & <co> "x" 客户` : c));
    const result = classifyTable({ customer, date: col('InvoiceDate'), amount: col('Amount'), invoice: col('InvoiceNo') }, { method: 'rfm' });
    const plan = buildSheetPlan(result, { language: 'en' });
    const fast = await cells(await renderXlsx(plan, xlsxTexts('en')));
    const plain = await cells(await renderXlsx(plan, xlsxTexts('en'), { plainRows: true }));
    expect(fast.length).toBeGreaterThan(150 * 8);
    expect(fast).toEqual(plain);
  });
  it('declines a writer without the internals it needs, and escapes text for XML', () => {
    const table = { name: 'T', rows: 1, columns: [{ id: 'a', header: 'A', kind: 'label' as const, values: ['x'] }] };
    expect(writeRowsFast({}, {}, table, ['A'], [{}], 0, 1)).toBe(false);
    expect(xmlText('a < b & "c"\u0001')).toBe('a &lt; b &amp; &quot;c&quot;');
  });
});
