// Reference test on the UCI Online Retail file in ../shared/data (skipped, with a warning, when absent).
// Standard cleaning: customer id present, invoice not starting with "C", quantity > 0, unit price > 0,
// value = quantity × unit price → 397,884 rows, 4,338 customers, revenue 8,911,407.90.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './helpers';

const FILE = join(__dirname, '..', '..', '..', 'shared', 'data', 'online_retail', 'online_retail.csv');

describe('Online Retail through the CLI', () => {
  it('gives the standard cleaned figures with --returns drop and quantity × price', async () => {
    if (!existsSync(FILE)) {
      console.warn(`skipped: ${FILE} is not there (see ../shared/data/README.md)`);
      return;
    }
    const r = await run('classify', FILE, '--method', 'abc', '--quantity', 'Quantity', '--price', 'UnitPrice', '--returns', 'drop');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.inputRows).toBe(541909);
    expect(doc.rowsUsed).toBe(397884);
    expect(doc.customers).toHaveLength(4338);
    const revenue = doc.summary.reduce((s: number, t: { value: number }) => s + t.value, 0);
    expect(revenue.toFixed(2)).toBe('8911407.90');
    expect(doc.customers.find((c: { customer: string }) => c.customer === '12346')).toMatchObject({ monetary: 77183.6, frequency: 1 });
    expect(r.stderr).toContain('skipped 144,025 rows');
  });
});
