import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, run, tempDir, writeTemp } from './helpers';

const TX = join(EXAMPLES, 'transactions.csv');
const TX_ZH = join(EXAMPLES, 'transactions-zh.csv');
const CUST = join(EXAMPLES, 'customers.csv');

describe('tierwise classify → JSON', () => {
  it('gives RFM customers with measures, scores, segment and a summary that adds up', async () => {
    const r = await run('classify', TX, '-q');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.method).toBe('rfm');
    expect(doc.customers).toHaveLength(150);
    const c = doc.customers[0];
    for (const k of ['customer', 'value', 'tier', 'recency', 'frequency', 'monetary', 'r', 'f', 'm', 'score', 'segment']) expect(c).toHaveProperty(k);
    expect(c.score).toBe(c.r * 100 + c.f * 10 + c.m);
    expect(c.tier).toBe(c.segment);
    expect(doc.summary.reduce((s: number, t: { customers: number }) => s + t.customers, 0)).toBe(150);
    expect(doc.summary.reduce((s: number, t: { customerShare: number }) => s + t.customerShare, 0)).toBeCloseTo(1, 5);
    expect(doc.skipped).toMatchObject({ total: 0 });
    // 2,001 rows: 31 are cancellations ("C" invoices), which count toward monetary only
    expect(doc.customers.reduce((s: number, x: { frequency: number }) => s + x.frequency, 0)).toBe(1970);
  });

  it('gives ABC tiers for one row per customer, with the shape of the brief', async () => {
    const r = await run('classify', CUST, '--method', 'abc', '--out', '-', '-q');
    const doc = JSON.parse(r.stdout);
    expect(doc.level).toBe('customers');
    expect(Object.keys(doc.customers[0]).slice(0, 3)).toEqual(['customer', 'value', 'tier']);
    expect(doc.summary.map((s: { tier: string }) => s.tier)).toEqual(['A', 'B', 'C']);
    for (const s of doc.summary) for (const k of ['customers', 'value', 'customerShare', 'valueShare']) expect(typeof s[k]).toBe('number');
    const a = doc.summary[0];
    // reach rule (default): A reaches 80 %, passing it by the crossing customer's share
    expect(a.valueShare).toBeGreaterThanOrEqual(0.8);
    expect(a.valueShare).toBeLessThan(0.81);
    expect(a.customerShare).toBeLessThan(0.3);
    const within = JSON.parse((await run('classify', CUST, '--method', 'abc', '--abc-rule', 'within', '--out', '-', '-q')).stdout);
    expect(within.summary[0].valueShare).toBeLessThanOrEqual(0.8);
    expect(within.cuts).toMatchObject({ rule: 'within' });
    expect(within.summary[0].customers).toBe(a.customers - 1);
  });

  it('honours --a-share/--b-share, --pyramid-cuts and --bins', async () => {
    const abc = JSON.parse((await run('classify', CUST, '--method', 'abc', '--a-share', '0.5', '--b-share', '0.6', '-q')).stdout);
    expect(abc.cuts).toMatchObject({ aShare: 0.5, bShare: 0.6 });
    expect(abc.summary[0].valueShare).toBeGreaterThanOrEqual(0.5);
    const pyr = JSON.parse((await run('classify', CUST, '--method', 'pyramid', '--pyramid-cuts', '0.1,0.3,0.6', '-q')).stdout);
    expect(pyr.summary.map((s: { customers: number }) => s.customers)).toEqual([15, 30, 45, 60]);
    const rfm = JSON.parse((await run('classify', TX, '--bins', '3', '-q')).stdout);
    expect(Math.max(...rfm.customers.map((c: { r: number }) => c.r))).toBe(3);
  });

  it('reads Chinese headers and writes Chinese labels with --lang zh-CN', async () => {
    const en = JSON.parse((await run('classify', TX, '--method', 'abc', '-q')).stdout);
    const zh = JSON.parse((await run('classify', TX_ZH, '--method', 'abc', '--lang', 'zh-CN', '-q')).stdout);
    expect(zh.customers.map((c: { tier: string }) => c.tier)).toEqual(en.customers.map((c: { tier: string }) => c.tier));
    expect(zh.summary[0].label).toBe('A类 · 关键客户');
  });

  it('takes --customer/--date/--amount/--invoice by name, number or letter', async () => {
    const dir = tempDir();
    const f = writeTemp(dir, 'odd.csv', 'who;when;paid;ref\nx;2024-01-01;10;1\ny;2024-01-05;30;2\nx;2024-02-01;5;3\n');
    const r = await run('classify', f, '--customer', 'who', '--date', '2', '--amount', 'C', '--invoice', 'ref', '--method', 'abc', '-q');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.customers.map((c: { customer: string; monetary: number; frequency: number }) => [c.customer, c.monetary, c.frequency])).toEqual([
      ['x', 15, 2],
      ['y', 30, 1],
    ]);
  });

  it('measures recency to --as-of and leaves later rows out', async () => {
    const dir = tempDir();
    const f = writeTemp(dir, 't.csv', 'Customer ID,Date,Amount\na,2024-01-01,10\nb,2024-01-05,20\na,2024-03-01,5\n');
    const doc = JSON.parse((await run('classify', f, '--as-of', '2024-01-10', '--method', 'abc', '-q')).stdout);
    expect(doc.asOf).toBe('2024-01-10');
    expect(doc.customers.map((c: { recency: number }) => c.recency)).toEqual([9, 5]);
    expect(doc.skipped.total).toBe(1);
  });

  it('--returns drop skips returns and cancelled invoices and counts them', async () => {
    const dir = tempDir();
    const f = writeTemp(dir, 't.csv', 'Invoice,Customer ID,Date,Amount\n1,a,2024-01-01,10\nC2,a,2024-01-02,-4\n3,b,2024-01-05,20\n4,b,2024-01-06,-1\n');
    const net = JSON.parse((await run('classify', f, '--method', 'abc', '-q')).stdout);
    expect(net.customers.map((c: { monetary: number }) => c.monetary)).toEqual([6, 19]);
    const r = await run('classify', f, '--method', 'abc', '--returns', 'drop');
    const drop = JSON.parse(r.stdout);
    expect(drop.customers.map((c: { monetary: number }) => c.monetary)).toEqual([10, 20]);
    expect(drop.skipped.total).toBe(2);
    expect(r.stderr).toMatch(/skipped 2 rows: 1 cancelled invoice, 1 return/);
  });

  it('computes amount = quantity × price', async () => {
    const dir = tempDir();
    const f = writeTemp(dir, 't.csv', 'CustomerID,InvoiceDate,Quantity,UnitPrice\na,2024-01-01,3,2.5\nb,2024-01-02,1,4\n');
    const doc = JSON.parse((await run('classify', f, '--method', 'abc', '-q')).stdout);
    expect(doc.customers.map((c: { monetary: number }) => c.monetary)).toEqual([7.5, 4]);
  });

  it('counts skipped rows with their row number on stderr and in the JSON', async () => {
    const dir = tempDir();
    const f = writeTemp(dir, 't.csv', 'Customer ID,Date,Amount\na,2024-01-01,10\n,2024-01-02,3\nb,2024-01-05,abc\nb,2024-01-06,2\n');
    const r = await run('classify', f, '--method', 'abc');
    const doc = JSON.parse(r.stdout);
    expect(doc.skipped.total).toBe(2);
    expect(doc.skipped.first.map((l: { row: number }) => l.row)).toEqual([3, 4]);
    expect(r.stderr).toContain('skipped 2 rows: 1 blank customer id, 1 amount is not a number (first: row 3: blank customer id)');
  });
});

describe('tierwise classify → files', () => {
  it('writes the customer table as CSV with a BOM, CRLF and quoting', async () => {
    const dir = tempDir();
    const out = join(dir, 'tiers.csv');
    const r = await run('classify', TX_ZH, '--method', 'pyramid', '--lang', 'zh-CN', '--out', out, '-q');
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF客户,首次购买,最近购买')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(152); // header + 150 + final empty
    expect(lines[1]).toMatch(/^10001,\d{4}-\d{2}-\d{2},/);
  });

  it('writes a big customer table as CSV piece by piece: the same text as on stdout, every customer once', async () => {
    const dir = tempDir();
    // 25,003 customers: two full pieces of 10,000 rows and a last short one
    const lines = ['Customer,Value', ...Array.from({ length: 25_003 }, (_, i) => `C${100_000 + i},${(i * 37) % 1000}.5`)];
    const input = writeTemp(dir, 'customers.csv', lines.join('\n') + '\n');
    const out = join(dir, 'tiers.csv');
    expect((await run('classify', input, '--method', 'abc', '--out', out, '-q')).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const piped = await run('classify', input, '--method', 'abc', '--format', 'csv', '-q');
    expect(piped.stdout).toBe(text);
    const rows = text.slice(1).split('\r\n');
    expect(rows).toHaveLength(25_005); // header + 25,003 + final empty
    expect(new Set(rows.slice(1, -1).map((r) => r.split(',')[0])).size).toBe(25_003);
  });

  it('refuses to overwrite an existing output without --force, then overwrites with it', async () => {
    const dir = tempDir();
    const out = writeTemp(dir, 'tiers.json', 'keep me');
    const r = await run('classify', TX, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`tierwise: ${out}: already exists (use --force to overwrite it)\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await run('classify', TX, '--out', out, '--force', '-q');
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).method).toBe('rfm');
  });

  it('never writes over its input, even with --force', async () => {
    const dir = tempDir();
    const input = writeTemp(dir, 'in.csv', readFileSync(CUST, 'utf8'));
    const r = await run('classify', input, '--method', 'abc', '--format', 'csv', '--out', input, '--force');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/that is the input file; tierwise never writes over its input/);
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(CUST, 'utf8'));
  });

  it('leaves no output and no temp file when the run fails', async () => {
    const dir = tempDir();
    const input = writeTemp(dir, 'bad.csv', 'Customer ID,Date,Amount\na,soon,1\n');
    const r = await run('classify', input, '--out', join(dir, 'out.xlsx'));
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['bad.csv']);
  });
});

describe('bad input: one line, non-zero exit', () => {
  const oneLine = (s: string) => expect(s.trimEnd().split('\n')).toHaveLength(1);

  it('missing file', async () => {
    const r = await run('classify', '/nonexistent/sales.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('tierwise: /nonexistent/sales.csv: no such file\n');
  });

  it('no detectable columns', async () => {
    const dir = tempDir();
    const f = writeTemp(dir, 'x.csv', 'foo,bar\nhello,world\n');
    const r = await run('classify', f);
    expect(r.code).toBe(1);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/x\.csv: no date or value column found.*--date and --amount, or --value/);
  });

  it('RFM on a customer table says to use abc or pyramid', async () => {
    const r = await run('classify', CUST);
    expect(r.code).toBe(1);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/RFM needs transactions.*use --method abc or pyramid/);
  });

  it('no valid rows names the column, the row and the cell', async () => {
    const dir = tempDir();
    const f = writeTemp(dir, 'x.csv', 'Customer ID,Date,Amount\n,2024-01-01,5\n,2024-01-02,6\n');
    const r = await run('classify', f);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`tierwise: ${f}: no usable rows: column "Customer ID": row 2: is blank\n`);
  });

  it('unreadable dates', async () => {
    const dir = tempDir();
    const rows = ['Customer ID,Date,Amount', 'a,2020-01-01,1', ...Array.from({ length: 5 }, (_, i) => `c${i},31/31/2020,2`)];
    const f = writeTemp(dir, 'x.csv', rows.join('\n') + '\n');
    const r = await run('classify', f);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`tierwise: ${f}: column "Date": row 3: "31/31/2020" is not a date (5 of 6 dates unreadable)\n`);
  });

  it('an empty file and a header without rows', async () => {
    const dir = tempDir();
    const empty = writeTemp(dir, 'e.csv', '');
    expect((await run('classify', empty)).stderr).toMatch(/e\.csv: the file is empty/);
    const header = writeTemp(dir, 'h.csv', 'Customer ID,Date,Amount\n');
    expect((await run('classify', header)).stderr).toMatch(/h\.csv: no data rows below the header/);
  });

  it('usage errors exit 2', async () => {
    const r = await run('classify', TX, '--bins', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tierwise: --bins must be a whole number from 2 to 10, got "1"\n');
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('--sheet on a CSV is a usage error', async () => {
    expect((await run('classify', TX, '--sheet', 'x')).stderr).toMatch(/--sheet only applies to \.xlsx input/);
  });

  it('an unwritable output folder is named', async () => {
    const r = await run('classify', TX, '--out', '/nonexistent/dir/t.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the folder \/nonexistent\/dir does not exist/);
    expect(existsSync('/nonexistent/dir/t.json')).toBe(false);
  });
});

describe('help and version', () => {
  it('prints help listing every flag, and the package version', async () => {
    const help = (await run('--help')).stdout;
    for (const flag of ['--method', '--customer', '--date', '--amount', '--invoice', '--quantity', '--price', '--value', '--as-of', '--bins', '--sheet', '--out', '--force', '--format', '--returns', '--a-share', '--b-share', '--pyramid-cuts', '--lang', '--encoding', '--decimal', '--date-order', '--lenient', '--duplicates']) {
      expect(help).toContain(flag);
    }
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect((await run('--version')).stdout).toBe(pkg.version + '\n');
  });
});

