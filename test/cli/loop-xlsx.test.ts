// The management loop's workbooks through the CLI: compare, calls and playbook as .xlsx.
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, run, tempDir, writeTemp } from './helpers';

const TX = join(EXAMPLES, 'transactions.csv');

async function book(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
  });
  return Array.from(out, (r) => r ?? []);
}

describe('tierwise compare --out x.xlsx', () => {
  afterEach(() => {
    delete process.env.TIERWISE_MAX_SHEET_ROWS;
  });

  it('writes the totals, both matrices and top movers on a Migration sheet, and every change on Changes sheets', async () => {
    const dir = tempDir();
    const before = join(dir, 'before.json');
    const after = join(dir, 'after.json');
    await run('classify', TX, '--method', 'abc', '--as-of', '2024-06-01', '--out', before, '-q');
    await run('classify', TX, '--method', 'abc', '--out', after, '-q');
    const json = JSON.parse((await run('compare', before, after, '-q')).stdout);
    const out = join(dir, 'moves.xlsx');
    const r = await run('compare', before, after, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`wrote ${out}`);
    const wb = await book(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Migration', 'Changes']);
    const m = rows(wb.getWorksheet('Migration') as ExcelJS.Worksheet);
    expect(m[0]).toEqual(['Up / down / same / new / gone']);
    expect(m[1]).toEqual(['Up', 'Down', 'Same', 'New', 'Gone']);
    expect(m[2]).toEqual([json.totals.up, json.totals.down, json.totals.same, json.totals.new, json.totals.gone]);
    expect(m[5]).toEqual(['Previous \\ Current', 'A', 'B', 'C', 'Gone', 'Total']);
    // the counts matrix: rows A, B, C, New and the Total row equal the JSON's
    const counts = m.slice(6, 10).map((row) => row.slice(1, 5));
    expect(counts).toEqual(json.matrix.counts);
    expect(m[10]).toEqual(['Total', ...json.currentCounts, 0, json.customers.length]);
    const changes = rows(wb.getWorksheet('Changes') as ExcelJS.Worksheet);
    expect(changes[0]).toEqual(['Customer', 'Previous tier', 'Current tier', 'Change', 'Value']);
    expect(changes.slice(1).map((row) => [String(row[0]), row[1] ?? null, row[2] ?? null, row[3]])).toEqual(json.customers.map((c: { customer: string; previous: string | null; current: string | null; change: string }) => [c.customer, c.previous, c.current, c.change]));
  });

  it('continues the changes on "Changes (2)"… past a sheet\'s rows, in Chinese; refuses xlsx to stdout', async () => {
    const dir = tempDir();
    const before = join(dir, 'before.json');
    const after = join(dir, 'after.json');
    await run('classify', TX, '--method', 'pyramid', '--as-of', '2024-06-01', '--out', before, '-q');
    await run('classify', TX, '--method', 'pyramid', '--out', after, '-q');
    const n = JSON.parse((await run('compare', before, after, '-q')).stdout).customers.length as number;
    process.env.TIERWISE_MAX_SHEET_ROWS = '11';
    const out = join(dir, 'moves.xlsx');
    expect((await run('compare', before, after, '--out', out, '--lang', 'zh-CN', '-q')).code).toBe(0);
    const wb = await book(out);
    const sheets = wb.worksheets.map((w) => w.name);
    expect(sheets[0]).toBe('迁移');
    expect(sheets.slice(1)).toEqual(Array.from({ length: Math.ceil(n / 10) }, (_, i) => (i === 0 ? '变化' : `变化 (${i + 1})`)));
    const total = wb.worksheets.slice(1).reduce((s, w) => s + rows(w).length - 1, 0);
    expect(total).toBe(n);
    const stdout = await run('compare', before, after, '--format', 'xlsx');
    expect(stdout.code).toBe(2);
    expect(stdout.stderr).toContain('--out FILE.xlsx');
  });
});

describe('tierwise calls --out calls.xlsx', () => {
  it('writes the same list as the CSV on a "Call List DATE" sheet, coloured by tier', async () => {
    const dir = tempDir();
    const lines = ['Customer,Date,Amount,Owner,Stage'];
    for (let i = 0; i < 12; i++) lines.push(`c${i},2024-0${1 + (i % 6)}-01,${(i + 1) * 100},${i % 2 ? 'Ann' : 'Bo'},${i === 3 ? '谈判' : ''}`);
    const input = writeTemp(dir, 'tx.csv', lines.join('\n') + '\n');
    const csv = await run('calls', input, '--method', 'abc', '--date', '2024-12-31', '--per-rep', '3', '--format', 'csv', '-q');
    const csvRows = csv.stdout.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(','));
    const out = join(dir, 'calls.xlsx');
    const r = await run('calls', input, '--method', 'abc', '--date', '2024-12-31', '--per-rep', '3', '--out', out, '-q');
    expect(r.code).toBe(0);
    const wb = await book(out);
    const ws = wb.getWorksheet('Call List 2024-12-31') as ExcelJS.Worksheet;
    const got = rows(ws);
    expect(got[0]).toEqual(['Owner', 'Rank', 'Customer', 'Tier', 'Tier label', 'Stage', 'Last contact/purchase', 'Based on', 'Days since', 'Cadence (days)', 'Days overdue', 'Action', 'Reason']);
    // owner, rank, customer, tier, date, days overdue: as in the CSV (whose columns are Owner, Rank, Customer, Tier, Stage, date, …)
    expect(got.slice(1).map((row) => [row[0], row[1], row[2], row[3], row[6], row[10]])).toEqual(csvRows.map((c) => [c[0], Number(c[1]), c[2], c[3], c[5], Number(c[9])]));
    expect(got.length - 1).toBe(6);
    const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(rules[0].ref).toBe('A2:M7');
    expect(rules[0].rules.map((x) => x.formulae[0])).toEqual(['$D2="A"', '$D2="B"', '$D2="C"']);
    expect(existsSync(join(dir, 'calls.csv'))).toBe(false);
  });
});

describe('tierwise playbook --out playbook.xlsx', () => {
  it('writes the default playbook as a workbook that --playbook reads back, the user\'s edits winning', async () => {
    const dir = tempDir();
    const out = join(dir, 'playbook.xlsx');
    const r = await run('playbook', '--method', 'abc', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(3 tiers)');
    const wb = await book(out);
    const ws = wb.getWorksheet('Playbook') as ExcelJS.Worksheet;
    const got = rows(ws);
    expect(got[0]).toEqual(['Tier', 'Label', 'Label (中文)', 'Strategy', 'Strategy (中文)', 'Service level', 'Service level (中文)', 'Contact every (days)', 'Owner']);
    expect(got.slice(1).map((row) => [row[0], row[7], row[8]])).toEqual([['A', 14, 'Key accounts'], ['B', 30, 'Sales'], ['C', 90, 'Customer service']]);
    // the user edits B's strategy and cadence in Excel
    ws.getCell('D3').value = 'Call every Friday';
    ws.getCell('H3').value = 7;
    const mine = join(dir, 'mine.xlsx');
    await wb.xlsx.writeFile(mine);
    const doc = JSON.parse((await run('classify', TX, '--method', 'abc', '--playbook', mine, '-q')).stdout) as { summary: { tier: string; strategy?: string }[] };
    expect(doc.summary).toBeDefined();
    const csv = join(dir, 'merged.csv');
    expect((await run('playbook', '--method', 'abc', '--playbook', mine, '--out', csv, '-q')).code).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n')[2]).toMatch(/^B,B — ordinary customers,B类 · 普通客户,Call every Friday,.*,7,Sales$/);
    const x = await run('classify', TX, '--method', 'abc', '--playbook', mine, '--out', join(dir, 't.xlsx'), '-q');
    expect(x.code).toBe(0);
    const summary: string[] = [];
    ((await book(join(dir, 't.xlsx'))).getWorksheet('Tier Summary') as ExcelJS.Worksheet).eachRow((row) => row.eachCell((c) => summary.push(String(c.value))));
    expect(summary).toContain('Call every Friday');
    // a cadence that is not a number of days names the sheet and row
    ws.getCell('H4').value = 'soon';
    const bad = join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(bad);
    const e = await run('playbook', '--method', 'abc', '--playbook', bad, '-q');
    expect(e.code).toBe(1);
    expect(e.stderr).toContain('sheet "Playbook" row 4, column "Contact every (days)": "soon"');
    expect((await run('playbook', '--method', 'abc', '--out', join(dir, 'p.txt'))).code).toBe(2);
  });
});
