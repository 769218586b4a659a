/** `--method matrix --y clv`: predicted CLV as the matrix's potential axis, from the CLI to the JSON. */
import { join } from 'node:path';
import { EXAMPLES, run } from './helpers';

describe('tierwise classify --method matrix with a CLV axis', () => {
  it('takes --y clv on a transaction log: the JSON model names the axis, every customer has its CLV as y', async () => {
    const r = await run('classify', join(EXAMPLES, 'transactions.csv'), '--method', 'matrix', '--x', 'monetary', '--y', 'clv', '--out', '-', '-q');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.model.x.name).toBe('monetary');
    expect(doc.model.y).toMatchObject({ name: 'clv', cut: 'median' });
    const clv = JSON.parse((await run('classify', join(EXAMPLES, 'transactions.csv'), '--method', 'clv', '--out', '-', '-q')).stdout);
    const predicted = new Map<string, number>(clv.customers.map((c: { customer: string; clv: number }) => [c.customer, c.clv]));
    expect(doc.customers).toHaveLength(clv.customers.length);
    for (const c of doc.customers) expect(c.y).toBeCloseTo(predicted.get(c.customer)!, 6);
    expect(doc.summary.reduce((n: number, s: { customers: number }) => n + s.customers, 0)).toBe(doc.customers.length);
  });

  it('refuses --y clv on a customer table, naming the way out', async () => {
    const r = await run('classify', join(EXAMPLES, 'customers.csv'), '--method', 'matrix', '--x', 'AnnualSales', '--y', 'clv', '--out', '-', '-q');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/CLV \(predicted customer lifetime value\) is not available; it needs a transaction log/);
  });
});
