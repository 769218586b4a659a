import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellOf } from '../../src/cli/xlsx-source';
import { columnLetter, tierFormula } from '../../src/cli/render-xlsx';
import { EXAMPLES, run, tempDir } from './helpers';

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

type CfRule = { type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } };
type CfBlock = { ref: string; rules: CfRule[] };
const conditionalFormats = (ws: ExcelJS.Worksheet): CfBlock[] => (ws as unknown as { conditionalFormattings: CfBlock[] }).conditionalFormattings;

describe('xlsx output', () => {
  it('has a Customers sheet coloured by one conditional-format rule per tier, and a Tier Summary', async () => {
    const dir = tempDir();
    const out = join(dir, 'tiers.xlsx');
    const r = await run('classify', join(EXAMPLES, 'transactions.csv'), '--method', 'abc', '--out', out, '-q');
    expect(r.code).toBe(0);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Customers', 'Tier Summary']);
    const ws = wb.getWorksheet('Customers') as ExcelJS.Worksheet;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(['Customer', 'First purchase', 'Last purchase', 'Recency (days)', 'Frequency', 'Monetary', 'Tier', 'Tier label']);
    expect(ws.rowCount).toBe(151);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getCell('B2').value).toBeInstanceOf(Date);
    expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('F2').numFmt).toBe('#,##0.00');
    expect(typeof ws.getCell('A2').value).toBe('string');

    const cf = conditionalFormats(ws);
    expect(cf).toHaveLength(1);
    expect(cf[0].ref).toBe('A2:H151');
    expect(cf[0].rules.map((rule) => [rule.type, rule.formulae?.[0]])).toEqual([
      ['expression', '$G2="A"'],
      ['expression', '$G2="B"'],
      ['expression', '$G2="C"'],
    ]);
    expect(cf[0].rules[0].style?.fill?.bgColor?.argb).toBe('FF77AADD');
    // colour comes from the rules only: no data cell carries its own fill
    for (let r = 2; r <= 151; r++) {
      for (let c = 1; c <= 8; c++) expect((ws.getCell(r, c).fill as { fgColor?: unknown } | undefined)?.fgColor).toBeUndefined();
    }

    const sum = wb.getWorksheet('Tier Summary') as ExcelJS.Worksheet;
    const texts: string[] = [];
    sum.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('Tier Summary');
    expect(texts).toContain('ABC (Pareto 80/20)');
    expect(texts.some((t) => /Dedicated account manager/.test(t))).toBe(true);
    expect(texts.some((t) => /ExcelJS cannot create charts/.test(t))).toBe(true);
    expect(conditionalFormats(sum)[0].rules).toHaveLength(3);
  });

  it('colours RFM rows on the segment column, and writes Chinese sheets with --lang zh-CN', async () => {
    const dir = tempDir();
    const out = join(dir, 'rfm.xlsx');
    await run('classify', join(EXAMPLES, 'transactions-zh.csv'), '--lang', 'zh-CN', '--out', out, '-q');
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户', '客户分层汇总']);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    const segment = headers.indexOf('客户细分') + 1;
    expect(segment).toBeGreaterThan(0);
    const rules = conditionalFormats(ws)[0].rules;
    expect(rules).toHaveLength(11);
    expect(rules[2].formulae?.[0]).toBe(`$${columnLetter(segment)}2="Can't lose them"`);
  });

  it('reads xlsx input: --sheet, rich text, formula results, Dates and error cells', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'nothing here';
    const ws = wb.addWorksheet('Sales');
    ws.addRow([]);
    ws.addRow(['客户编号', '交易日期', '金额']);
    ws.addRow([{ richText: [{ text: 'Ali' }, { text: 'ce' }] }, new Date(Date.UTC(2024, 0, 1)), 10]);
    ws.addRow(['Bob', new Date(Date.UTC(2024, 0, 5)), { formula: '10*3', result: 30 }]);
    ws.addRow(['Alice', new Date(Date.UTC(2024, 1, 1)), { error: '#N/A' }]);
    ws.addRow(['Carl', 45300, 7]); // a serial date (2024-01-08)
    await wb.xlsx.writeFile(input);

    const r = await run('classify', input, '--sheet', 'Sales', '--method', 'abc');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.customers.map((c: { customer: string; monetary: number }) => [c.customer, c.monetary])).toEqual([
      ['Alice', 10],
      ['Bob', 30],
      ['Carl', 7],
    ]);
    expect(doc.skipped.first).toEqual([{ row: 5, column: 'amount', reason: 'error', message: 'row 5: error value in amount "#N/A"' }]);
    const missing = await run('classify', input, '--sheet', 'Nope');
    expect(missing.stderr).toBe(`tierwise: ${input}: no sheet named "Nope" (the sheets are "Notes", "Sales")\n`);
  });

  it('reads a 1904 workbook: date cells and plain serials give the same calendar days', async () => {
    const dir = tempDir();
    const input = join(dir, 'mac.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Orders');
    ws.addRow(['Customer', 'Date', 'Amount']);
    ws.addRow(['Ann', new Date(Date.UTC(2024, 0, 1)), 10]);
    ws.addRow(['Ann', 43831, 5]); // 2024-01-02 in the 1904 system (45293 in the 1900 one)
    ws.addRow([]); // a blank row inside the table is skipped, not the end of it
    ws.addRow(['Bob', 43840, 7]); // 2024-01-11
    await wb.xlsx.writeFile(input);

    const r = await run('classify', input);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const byId = Object.fromEntries(doc.customers.map((c: { customer: string }) => [c.customer, c]));
    expect([byId.Ann.firstPurchase, byId.Ann.lastPurchase, byId.Ann.frequency]).toEqual(['2024-01-01', '2024-01-02', 2]);
    expect([byId.Bob.lastPurchase, byId.Bob.recency]).toEqual(['2024-01-11', 1]);
  });

  // ExcelJS's streaming reader loses parts of such files now and then (exceljs#683), so the CLI
  // reads workbooks whole; this guards against going back to it
  it('reads a workbook whose sheet comes before its shared strings in the zip (as LibreOffice writes it)', async () => {
    const dir = tempDir();
    const usual = join(dir, 'usual.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Orders');
    ws.addRow(['Customer', 'Date', 'Amount']);
    ws.addRow(['Ann', new Date(Date.UTC(2024, 0, 1)), 10]);
    ws.addRow(['Bob', '2024-01-05', 30]);
    ws.addRow(['Ann', new Date(Date.UTC(2024, 0, 9)), 5]);
    await wb.xlsx.writeFile(usual);
    const zip = await JSZip.loadAsync(readFileSync(usual));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    expect(names).toContain('xl/sharedStrings.xml');
    const reordered = new JSZip();
    for (const name of ['xl/worksheets/sheet1.xml', ...names.filter((n) => n !== 'xl/worksheets/sheet1.xml')]) {
      reordered.file(name, await zip.file(name)!.async('nodebuffer'));
    }
    const sheetFirst = join(dir, 'sheet-first.xlsx');
    writeFileSync(sheetFirst, await reordered.generateAsync({ type: 'nodebuffer' }));

    const a = await run('classify', usual);
    expect(JSON.parse(a.stdout).customers.map((c: { customer: string; frequency: number }) => [c.customer, c.frequency])).toEqual([
      ['Ann', 2],
      ['Bob', 1],
    ]);
    // twenty reads: the streaming reader fails on some of them, not all
    for (let k = 0; k < 20; k++) {
      const b = await run('classify', sheetFirst);
      // the same output, but for the file name that the input report names
      const same = (t: string): string => t.split(sheetFirst).join(usual);
      expect({ code: b.code, stderr: same(b.stderr), stdout: same(b.stdout) }).toEqual(a);
    }
  });

  it('says what to do with a workbook whose worksheet part has an unusual name', async () => {
    const dir = tempDir();
    const usual = join(dir, 'usual.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Orders').addRow(['Customer', 'Amount']);
    await wb.xlsx.writeFile(usual);
    // the same workbook with xl/worksheets/sheet1.xml stored as xl/worksheets/orders.xml
    const zip = await JSZip.loadAsync(readFileSync(usual));
    const part = await zip.file('xl/worksheets/sheet1.xml')!.async('nodebuffer');
    zip.remove('xl/worksheets/sheet1.xml');
    zip.file('xl/worksheets/orders.xml', part);
    for (const meta of ['xl/_rels/workbook.xml.rels', '[Content_Types].xml']) {
      const text = await zip.file(meta)!.async('string');
      zip.file(meta, text.replace('worksheets/sheet1.xml', 'worksheets/orders.xml'));
    }
    const unusual = join(dir, 'unusual.xlsx');
    writeFileSync(unusual, await zip.generateAsync({ type: 'nodebuffer' }));

    const r = await run('classify', unusual);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toBe(`tierwise: ${unusual}: no worksheet found; save the file again from Excel, or export the sheet as CSV\n`);
  });

  it('maps ExcelJS cell values to engine cells', () => {
    expect(cellOf({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(cellOf({ formula: 'A1', result: 3 })).toBe(3);
    expect(cellOf({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(cellOf({ error: '#REF!' })).toEqual({ error: '#REF!' });
    expect(cellOf({ text: 'site', hyperlink: 'https://x' })).toBe('site');
    expect(cellOf(null)).toBeNull();
    expect(tierFormula('K', 2, 'say "x"')).toBe('$K2="say ""x"""');
  });
});
