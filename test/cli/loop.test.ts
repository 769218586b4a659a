// The management loop through the CLI: compare, classify --previous / --playbook, playbook, calls.
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, run, tempDir, writeTemp } from './helpers';

const TX = join(EXAMPLES, 'transactions.csv');

interface Doc {
  method: string;
  customers: { customer: string; tier: string | null; previous?: string | null; change?: string | null }[];
  summary: { tier: string; customers: number; strategy?: string }[];
}

describe('tierwise compare', () => {
  it('matrix totals match both runs and new counts customers absent before', async () => {
    const dir = tempDir();
    const before = join(dir, 'before.json');
    const after = join(dir, 'after.json');
    expect((await run('classify', TX, '--method', 'abc', '--as-of', '2024-06-01', '--out', before, '-q')).code).toBe(0);
    expect((await run('classify', TX, '--method', 'abc', '--out', after, '-q')).code).toBe(0);
    const r = await run('compare', before, after);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    const b = JSON.parse(readFileSync(before, 'utf8')) as Doc;
    const a = JSON.parse(readFileSync(after, 'utf8')) as Doc;
    expect(m.tiers).toEqual(['A', 'B', 'C']);
    expect(m.previousCounts).toEqual(b.summary.map((s) => s.customers));
    expect(m.currentCounts).toEqual(a.summary.map((s) => s.customers));
    const beforeKeys = new Set(b.customers.map((c) => c.customer));
    expect(m.newCount).toBe(a.customers.filter((c) => !beforeKeys.has(c.customer)).length);
    expect(m.newCount).toBeGreaterThan(0);
    expect(m.totals.up + m.totals.down + m.totals.same + m.totals.new + m.totals.gone).toBe(m.customers.length);
    expect(r.stderr).toMatch(/\d+ up, \d+ down/);

    const csv = await run('compare', before, after, '--format', 'csv', '-q');
    const lines = csv.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Previous \\ Current,A,B,C,Gone,Total');
    expect(lines[5]).toBe(`Total,${m.currentCounts.join(',')},0,${m.customers.length}`);
    expect(lines[7]).toBe('Customer,Previous tier,Current tier,Change,Value');
  });

  it('reads CSV outputs (RFM segment column) and refuses mixed methods', async () => {
    const dir = tempDir();
    const before = join(dir, 'before.csv');
    const after = join(dir, 'after.csv');
    await run('classify', TX, '--method', 'rfm', '--as-of', '2024-06-01', '--out', before, '-q');
    await run('classify', TX, '--method', 'rfm', '--out', after, '-q');
    const r = await run('compare', before, after, '-q');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tiers[0]).toBe('Champions');
    const abc = join(dir, 'abc.json');
    const rfm = join(dir, 'rfm.json');
    await run('classify', TX, '--method', 'abc', '--out', abc, '-q');
    await run('classify', TX, '--method', 'rfm', '--out', rfm, '-q');
    const mixed = await run('compare', abc, rfm);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('compare two runs of the same method');
    const bad = await run('compare', writeTemp(dir, 'x.csv', 'Name,Score\na,1\n'), after);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('no customer column');
    expect((await run('compare', abc)).code).toBe(2);
  });
});

describe('tierwise compare on workbooks', () => {
  afterEach(() => {
    delete process.env.TIERWISE_MAX_SHEET_ROWS;
  });

  it('reads every Customers sheet of a split workbook, same result as JSON', async () => {
    const dir = tempDir();
    await run('classify', TX, '--method', 'pyramid', '--as-of', '2024-06-01', '--out', join(dir, 'before.json'), '-q');
    await run('classify', TX, '--method', 'pyramid', '--out', join(dir, 'after.json'), '-q');
    process.env.TIERWISE_MAX_SHEET_ROWS = '40';
    await run('classify', TX, '--method', 'pyramid', '--as-of', '2024-06-01', '--out', join(dir, 'before.xlsx'), '-q', '--lang', 'zh-CN');
    await run('classify', TX, '--method', 'pyramid', '--out', join(dir, 'after.xlsx'), '-q');
    const fromJson = JSON.parse((await run('compare', join(dir, 'before.json'), join(dir, 'after.json'), '-q')).stdout);
    const fromXlsx = await run('compare', join(dir, 'before.xlsx'), join(dir, 'after.xlsx'), '-q');
    expect(fromXlsx.code).toBe(0);
    const x = JSON.parse(fromXlsx.stdout);
    expect(x.customers.length).toBeGreaterThan(40);
    expect(x.matrix.counts).toEqual(fromJson.matrix.counts);
    expect(x.totals).toEqual(fromJson.totals);
  });
});

describe('tierwise classify --previous / --playbook', () => {
  it('adds previous and change per customer', async () => {
    const dir = tempDir();
    const before = join(dir, 'before.json');
    await run('classify', TX, '--method', 'abc', '--as-of', '2024-06-01', '--out', before, '-q');
    const b = JSON.parse(readFileSync(before, 'utf8')) as Doc;
    const prev = new Map(b.customers.map((c) => [c.customer, c.tier]));
    const r = await run('classify', TX, '--method', 'abc', '--previous', before, '-q');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    const order = ['A', 'B', 'C'];
    for (const c of doc.customers) {
      const p = prev.get(c.customer) ?? null;
      expect(c.previous).toBe(p);
      const want = p === null ? 'new' : order.indexOf(c.tier as string) < order.indexOf(p) ? '↑' : order.indexOf(c.tier as string) > order.indexOf(p) ? '↓' : '=';
      expect(c.change).toBe(want);
    }
    const mig = (doc as unknown as { migration: { counts: number[][]; totals: Record<string, number>; topMovers: { change: string; value: number }[] } }).migration;
    expect(mig.totals.new).toBe(doc.customers.filter((c) => c.change === 'new').length);
    expect(mig.totals.up).toBe(doc.customers.filter((c) => c.change === '↑').length);
    expect(mig.topMovers.every((x) => x.change === '↑' || x.change === '↓')).toBe(true);
    const values = mig.topMovers.map((x) => x.value);
    expect([...values].sort((a, b) => b - a)).toEqual(values);

    const xlsx = join(dir, 'tiers.xlsx');
    expect((await run('classify', TX, '--method', 'abc', '--previous', before, '--out', xlsx, '-q')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const header = (wb.getWorksheet('Customers') as ExcelJS.Worksheet).getRow(1).values as unknown[];
    expect(header).toContain('Previous tier');
    expect(header).toContain('Change');
    const summaryText: string[] = [];
    (wb.getWorksheet('Tier Summary') as ExcelJS.Worksheet).eachRow((row) => summaryText.push(String(row.getCell(1).value)));
    expect(summaryText.some((t) => t.startsWith('Migration since the previous run (customers)'))).toBe(true);
    expect(summaryText).toContain('Who moved: top movers by value');

    const csv = await run('classify', TX, '--method', 'abc', '--previous', before, '--format', 'csv', '-q');
    expect(csv.stdout.split('\r\n')[0]).toMatch(/Tier,Tier label,Previous tier,Change$/);
    const other = await run('classify', TX, '--method', 'rfm', '--previous', before, '-q');
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('same method');
  });

  it("puts the user's strategy in the summary", async () => {
    const dir = tempDir();
    const book = join(dir, 'playbook.csv');
    expect((await run('playbook', '--method', 'abc', '--out', book, '-q')).code).toBe(0);
    const text = readFileSync(book, 'utf8');
    expect(text.split('\r\n')[1]).toMatch(/^A,/);
    const edited = writeTemp(dir, 'mine.csv', 'Tier,Strategy,Contact every (days)\nB,Call every Friday,7\n');
    const r = await run('classify', TX, '--method', 'abc', '--playbook', edited, '--format', 'xlsx', '--out', join(dir, 't.xlsx'), '-q');
    expect(r.code).toBe(0);
    // a playbook saved by Chinese Excel as GBK is read too
    const gbk = join(dir, 'gbk.csv');
    const iconv = await import('iconv-lite');
    writeFileSync(gbk, iconv.encode('Tier,Strategy (中文),Contact every (days)\r\nB,每周五致电客户,7\r\n', 'gbk'));
    expect((await run('playbook', '--method', 'abc', '--playbook', gbk, '-q')).stdout).toContain('每周五致电客户');
    const bad = writeTemp(dir, 'bad.csv', 'Tier,Contact every (days)\nB,soon\n');
    const e = await run('classify', TX, '--method', 'abc', '--playbook', bad, '-q');
    expect(e.code).toBe(1);
    expect(e.stderr).toContain('row 2, column "Contact every (days)": "soon"');
    expect((await run('playbook', '--method', 'abc', '--out', book)).stderr).toContain('already exists');
  });
});

describe('tierwise calls', () => {
  it('lists due customers per owner with a cap, key tiers first', async () => {
    const dir = tempDir();
    const lines = ['Customer,Date,Amount,Owner,Stage'];
    for (let i = 0; i < 12; i++) lines.push(`c${i},2024-0${1 + (i % 6)}-01,${(i + 1) * 100},${i % 2 ? 'Ann' : 'Bo'},${i === 3 ? '谈判' : ''}`);
    const input = writeTemp(dir, 'tx.csv', lines.join('\n') + '\n');
    const r = await run('calls', input, '--method', 'abc', '--date', '2024-12-31', '--per-rep', '3', '--format', 'json', '-q');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { calls: { owner: string; rank: number; tier: string; stage: string; reason: string }[] };
    for (const owner of ['Ann', 'Bo']) {
      const mine = doc.calls.filter((c) => c.owner === owner);
      expect(mine.map((c) => c.rank)).toEqual([1, 2, 3]);
      const order = mine.map((c) => 'ABC'.indexOf(c.tier));
      expect([...order].sort()).toEqual(order);
    }
    const all = JSON.parse((await run('calls', input, '--method', 'abc', '--date', '2024-12-31', '--format', 'json', '-q')).stdout) as typeof doc;
    expect(all.calls.find((c) => c.stage === '谈判')?.reason).toContain('in negotiation');
    expect(all.calls.length).toBeGreaterThan(doc.calls.length);
    const csv = await run('calls', input, '--method', 'abc', '--date', '2024-12-31', '--lang', 'zh-CN', '--out', join(dir, 'calls.csv'), '-q');
    expect(csv.code).toBe(0);
    expect(readFileSync(join(dir, 'calls.csv'), 'utf8').split('\r\n')[0]).toContain('负责人');
    expect((await run('calls', input, '--date', '31/12/2024')).code).toBe(2);
    // a classify boolean flag before the input does not swallow it
    expect((await run('calls', '--explain', input, '--method', 'abc', '--date', '2024-12-31', '-q')).code).toBe(0);
    expect((await run('calls', input, '--date', '2024-02-30')).code).toBe(2);
    // the list for a date sees only the data up to that day: on 2024-03-15, c5 (first bought 2024-06-01) does not exist yet
    const early = JSON.parse((await run('calls', input, '--method', 'abc', '--date', '2024-03-15', '--format', 'json', '-q')).stdout) as typeof doc;
    expect(early.calls.map((c) => (c as unknown as { customer: string }).customer)).not.toContain('c5');
    expect(early.calls.every((c) => (c as unknown as { daysSince: number }).daysSince >= 0)).toBe(true);
  });
});

const RETAIL = join(__dirname, '..', '..', '..', 'shared', 'data', 'online_retail', 'online_retail.csv');

describe('migration on UCI Online Retail (ABC at 2011-06-01 and 2011-12-10)', () => {
  it('row and column totals equal each snapshot’s class counts; new = customers absent from the first', async () => {
    if (!existsSync(RETAIL)) {
      console.warn(`SKIPPED: ${RETAIL} is not there (see ../shared/data/README.md)`);
      return;
    }
    const dir = tempDir();
    const flags = ['--method', 'abc', '--quantity', 'Quantity', '--price', 'UnitPrice', '--returns', 'drop', '-q'];
    const before = join(dir, 'before.json');
    const after = join(dir, 'after.json');
    expect((await run('classify', RETAIL, ...flags, '--as-of', '2011-06-01', '--out', before)).code).toBe(0);
    expect((await run('classify', RETAIL, ...flags, '--as-of', '2011-12-10', '--out', after)).code).toBe(0);
    const b = JSON.parse(readFileSync(before, 'utf8')) as Doc;
    const a = JSON.parse(readFileSync(after, 'utf8')) as Doc;
    const r = await run('compare', before, after, '-q');
    const m = JSON.parse(r.stdout) as { previousCounts: number[]; currentCounts: number[]; newCount: number; counts: number[][]; matrix: { counts: number[][] }; totals: { gone: number } };
    const count = (d: Doc, t: string): number => d.customers.filter((c) => c.tier === t).length;
    expect(m.previousCounts).toEqual(['A', 'B', 'C'].map((t) => count(b, t)));
    expect(m.currentCounts).toEqual(['A', 'B', 'C'].map((t) => count(a, t)));
    expect(m.previousCounts).toEqual(b.summary.map((s) => s.customers));
    const rows = m.matrix.counts;
    for (let p = 0; p < 3; p++) expect(rows[p].reduce((s, x) => s + x, 0)).toBe(count(b, ['A', 'B', 'C'][p]));
    for (let c = 0; c < 3; c++) expect(rows.reduce((s, row) => s + row[c], 0)).toBe(count(a, ['A', 'B', 'C'][c]));
    const first = new Set(b.customers.map((c) => c.customer));
    expect(m.newCount).toBe(a.customers.filter((c) => !first.has(c.customer)).length);
    expect(a.customers).toHaveLength(4338);
    expect(m.totals.gone).toBe(0); // every customer before June still bought before December
  }, 120000);
});
