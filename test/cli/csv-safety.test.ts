/**
 * Issue 11, case 4: CSV output is formula-safe (OWASP CSV injection): text starting with
 * = + - @ tab or CR gets a leading ', and LibreOffice opening the file finds no formula.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { csvField, formulaSafe, moneyText, tableCsv } from '../../src/cli/render-csv';
import { CSV_EVALUATING_FORMULAS, convert, soffice } from './libreoffice';
import { run, tempDir, writeTemp } from './helpers';

const EVIL = ['=HYPERLINK("http://x","click")', "=cmd|' /C calc'!A0", '+1+2', '-3+4', '@SUM(1,2)', '\t=1+1', '\r=1+1'];

function customerCsv(): string {
  const rows = EVIL.map((id, i) => `"${id.replace(/"/g, '""')}",${(i + 1) * 10}`);
  return ['Customer,Value', ...rows, 'plain,5', '12345,7'].join('\r\n') + '\r\n';
}

/** Formula cells (`<f>`) in every worksheet of an xlsx. */
async function formulaCells(xlsx: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(xlsx));
  const found: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.files[name].async('string');
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f[ >]/g)) found.push(m[1]);
  }
  return found;
}

describe('formula-safe CSV', () => {
  it('prefixes text that starts like a formula, and only text', () => {
    expect(EVIL.map(formulaSafe).every((s) => s.startsWith("'"))).toBe(true);
    expect(formulaSafe('C0001')).toBe('C0001');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=1+1', true)).toBe('=1+1');
    expect(csvField(-5)).toBe('-5');
    const table = { name: 'T', rows: 2, columns: [{ id: 'customer', header: 'Customer', kind: 'label' as const, values: ['=1+1', 'ok'] }] };
    expect(tableCsv(table)).toBe("\uFEFFCustomer\r\n'=1+1\r\nok\r\n");
    expect(tableCsv(table, { raw: true })).toBe('\uFEFFCustomer\r\n=1+1\r\nok\r\n');
  });

  it('issue 11, case 3: money prints at the input precision, without float noise', () => {
    expect(moneyText(19.989999999999995, 2)).toBe('19.99');
    expect(moneyText(-5.68434188608e-14, 2)).toBe('0');
    const table = { name: 'T', rows: 2, columns: [{ id: 'value', header: 'Value', kind: 'money' as const, values: [0.1 + 0.2, -5.68434188608e-14] }] };
    expect(tableCsv(table)).toBe('\uFEFFValue\r\n0.3\r\n0\r\n');
  });

  it('the CLI writes ids like =HYPERLINK(…) and =cmd|… as text; --raw-csv writes them raw', async () => {
    const dir = tempDir();
    const input = writeTemp(dir, 'evil.csv', customerCsv());
    const safe = join(dir, 'safe.csv');
    expect((await run('classify', input, '--method', 'abc', '--out', safe, '-q')).code).toBe(0);
    const text = readFileSync(safe, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(text).toContain(`'=cmd|' /C calc'!A0`);
    expect(text).not.toMatch(/(^|\n|,)[=+@-]/);
    const raw = join(dir, 'raw.csv');
    expect((await run('classify', input, '--method', 'abc', '--out', raw, '--raw-csv', '-q')).code).toBe(0);
    expect(readFileSync(raw, 'utf8')).toMatch(/\n"=HYPERLINK/);
  });

  it('LibreOffice opening the CSV (formulas evaluated) finds no formula cell; the raw CSV has them', async () => {
    const lo = soffice();
    if (!lo) return;
    const dir = tempDir();
    const input = writeTemp(dir, 'evil.csv', customerCsv());
    const safe = join(dir, 'safe.csv');
    const raw = join(dir, 'raw.csv');
    await run('classify', input, '--method', 'abc', '--out', safe, '-q');
    await run('classify', input, '--method', 'abc', '--out', raw, '--raw-csv', '-q');
    expect(await formulaCells(convert(lo, safe, 'xlsx', CSV_EVALUATING_FORMULAS))).toEqual([]);
    // the check can fail: the same ids written raw become formulas
    expect((await formulaCells(convert(lo, raw, 'xlsx', CSV_EVALUATING_FORMULAS))).length).toBeGreaterThanOrEqual(3);
  }, 300_000);
});
