/**
 * The real-world file corpus (test/fixtures/files, written by scripts/make-file-corpus.mjs):
 * every file reads to the customers and totals the generator computed, and the CLI says what it read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './helpers';

interface Expected {
  args: string[];
  exit?: number;
  error?: string;
  customers?: number;
  rowsUsed?: number;
  totals?: Record<string, number>;
  lastPurchase?: Record<string, string>;
  skipped?: Record<string, number>;
  message?: string;
  read?: {
    encoding?: string;
    delimiter?: string;
    decimal?: string;
    decimalHow?: string;
    ambiguous?: boolean;
    dateOrder?: string;
    dateOrderHow?: string;
    header?: boolean;
    malformedRows?: number;
    duplicates?: { customers: number; rows: number };
  };
}

interface Doc {
  input: {
    encoding?: { name: string };
    delimiter?: string;
    headerRow: number | null;
    decimal?: { mark: string; how: string; ambiguous: number };
    dateOrder?: { order: string; how: string };
    columns: Record<string, { column: string; how: string }>;
    malformedRows?: { count: number };
    duplicates?: { customers: number; rows: number };
    totalRows: number;
  };
  rowsUsed: number;
  customers: { customer: string; value: number; monetary?: number; lastPurchase?: string }[];
  skipped: { byReason: { reason: string; count: number }[]; first: { message: string }[] };
}

const DIR = join(__dirname, '..', 'fixtures', 'files');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;

describe('real-world file corpus', () => {
  it('has every case the issue lists', () => {
    for (const f of ['excel-utf8-bom.csv', 'excel-macintosh.csv', 'excel-unicode-text.txt', 'german-export.csv', 'chinese-gbk.csv', 'quoted-newlines.csv', 'no-header.csv', 'stray-quote.csv', 'day-first-ambiguous.csv', 'customers-total-duplicates.csv']) {
      expect(expected[f]).toBeDefined();
    }
  });

  it.each(Object.entries(expected))('%s', async (file, e) => {
    const method = e.args.includes('--method') ? [] : ['--method', 'abc'];
    const r = await run('classify', join(DIR, file), ...method, ...e.args);
    if (e.exit) {
      expect(r.code).toBe(e.exit);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(e.error);
      return;
    }
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    // the customers and their totals
    expect(doc.customers.length).toBe(e.customers);
    expect(doc.rowsUsed).toBe(e.rowsUsed);
    const got = Object.fromEntries(doc.customers.map((c) => [c.customer, c.monetary ?? c.value]));
    expect(Object.keys(got).sort()).toEqual(Object.keys(e.totals ?? {}).sort());
    for (const [k, v] of Object.entries(e.totals ?? {})) expect(got[k]).toBeCloseTo(v, 2);
    if (e.lastPurchase) {
      for (const c of doc.customers) expect(c.lastPurchase).toBe(e.lastPurchase[c.customer]);
    }
    for (const [reason, count] of Object.entries(e.skipped ?? {})) {
      expect(doc.skipped.byReason.filter((b) => b.reason === reason).reduce((s, b) => s + b.count, 0)).toBe(count);
    }
    if (e.message) expect(doc.skipped.first.map((f) => f.message).join('\n')).toContain(e.message);
    // what was read, in the JSON and on stderr before the summary
    const read = e.read ?? {};
    const input = doc.input;
    if (read.encoding) expect(input.encoding?.name).toBe(read.encoding);
    if (read.delimiter) expect(input.delimiter).toBe(read.delimiter);
    if (read.decimal) expect(input.decimal?.mark).toBe(read.decimal);
    if (read.decimalHow) expect(input.decimal?.how).toBe(read.decimalHow);
    if (read.ambiguous) expect(input.decimal?.ambiguous).toBeGreaterThan(0);
    if (read.dateOrder) expect(input.dateOrder?.order).toBe(read.dateOrder);
    if (read.dateOrderHow) expect(input.dateOrder?.how).toBe(read.dateOrderHow);
    if (read.header === false) expect(input.headerRow).toBeNull();
    if (read.malformedRows) expect(input.malformedRows?.count).toBe(read.malformedRows);
    if (read.duplicates) expect(input.duplicates).toMatchObject(read.duplicates);
    expect(input.columns.customer).toBeDefined();
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^tierwise: read .*: .*header row|^tierwise: read .*no header row/);
    expect(lines.findIndex((l) => l.startsWith('tierwise: columns: customer = '))).toBeLessThan(lines.findIndex((l) => / customers from /.test(l)));
  });

  it('says when the date order was assumed, and which way to force it', async () => {
    const r = await run('classify', join(DIR, 'day-first-ambiguous.csv'), '--method', 'abc', '--date-order', 'mdy');
    expect(r.stderr).toMatch(/dates: month first \(mm\/dd\/yyyy\) \(--date-order\); \d+ dates such as "\d\d\/\d\d\/2024" read either way/);
    const assumed = await run('classify', join(DIR, 'day-first-ambiguous.csv'), '--method', 'abc');
    expect(JSON.parse(assumed.stdout).input.dateOrder.how).toBe('assumed');
    expect(assumed.stderr).toMatch(/dates: .* \(assumed from the locale [^)]+\).*--date-order/);
  });

  it('says an ambiguous decimal mark and the flag', async () => {
    const r = await run('classify', join(DIR, 'ambiguous-thousands-assumed.csv'), '--method', 'abc');
    expect(r.stderr).toMatch(/numbers: decimal point \(assumed\); 40 values such as "\d+\.\d{3}" read either way — if that is wrong, say --decimal ,/);
  });

  it('names the line where an unbalanced quote starts, and --lenient skips that row', async () => {
    const r = await run('classify', join(DIR, 'stray-quote.csv'), '--method', 'abc');
    expect(r.stderr).toMatch(/stray-quote\.csv: line 101: a quoted field starts here and never closes.*--lenient/);
    const l = await run('classify', join(DIR, 'stray-quote-lenient.csv'), '--method', 'abc', '--lenient');
    expect(l.stderr).toContain('--lenient: skipped 1 rows with an unbalanced quote (lines 101)');
  });

  it('lists the customer candidates and the flag when the values cannot decide', async () => {
    const r = await run('classify', join(DIR, 'ambiguous-customer.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot tell which column holds the customer: "a", "b" could each be it; name it with --customer/);
    const ok = await run('classify', join(DIR, 'ambiguous-customer.csv'), '--customer', 'b', '--method', 'abc');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).input.columns.customer).toEqual({ column: 'b', number: 2, how: 'flag' });
  });

  it('rejects an --as-of date that does not exist', async () => {
    for (const d of ['2024-02-31', '2024-13-45']) {
      const r = await run('classify', join(DIR, 'excel-utf8-bom.csv'), '--as-of', d);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--as-of "${d}" is not a date that exists`);
    }
  });
});
