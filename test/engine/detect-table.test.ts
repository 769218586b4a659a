import fc from 'fast-check';
import { classifyTable, detectColumns, headerRole, type Cell } from '../../src/engine';

describe('column detection', () => {
  it.each([
    ['Customer ID', 'customer'],
    ['CustomerID', 'customer'],
    ['客户编号', 'customer'],
    ['InvoiceDate', 'date'],
    ['交易日期', 'date'],
    ['Amount', 'amount'],
    ['销售额', 'amount'],
    ['金额', 'amount'],
    ['InvoiceNo', 'invoice'],
    ['单号', 'invoice'],
    ['Quantity', 'quantity'],
    ['UnitPrice', 'price'],
    ['Value', 'value'],
    ['Description', undefined],
  ])('reads the header %p as %p', (header, role) => {
    expect(headerRole(header)).toBe(role);
  });
  it('detects a transaction table from English headers', () => {
    const d = detectColumns(['Invoice', 'Customer ID', 'Date', 'Amount'], [[], [], [], []]);
    expect(d.mapping).toEqual({ invoice: 0, customer: 1, date: 2, amount: 3 });
    expect(d.level).toBe('transactions');
  });
  it('detects Online Retail (quantity × unit price) and a Chinese table', () => {
    const retail = detectColumns(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'], []);
    expect(retail.mapping).toMatchObject({ invoice: 0, quantity: 3, date: 4, price: 5, customer: 6 });
    expect(retail.level).toBe('transactions');
    expect(detectColumns(['客户编号', '交易日期', '销售额'], []).level).toBe('transactions');
  });
  it('detects a customer table with a value column', () => {
    const d = detectColumns(['Customer', 'Value'], [['a'], [1]]);
    expect(d).toEqual({ mapping: { customer: 0, value: 1 }, level: 'customers', problems: [], how: { customer: 'header', value: 'header' } });
    // an "Amount" header with no date column is the customer's value
    expect(detectColumns(['Client', 'Sales'], [[], []]).mapping).toEqual({ customer: 0, value: 1 });
  });
  it('falls back to the values when headers say nothing', () => {
    const sample: Cell[][] = [
      ['c1', 'c2', 'c1'],
      ['2024-01-01', '2024-02-03', '2024-03-04'],
      [12.5, 3.25, 8.1],
    ];
    const d = detectColumns(['x', 'y', 'z'], sample);
    expect(d.mapping).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(d.level).toBe('transactions');
  });
  it('explains what is missing', () => {
    const d = detectColumns(['Name', 'Colour'], [['a'], ['red']]);
    expect(d.level).toBeNull();
    expect(d.problems.join(' ')).toMatch(/no date or value column/);
  });
});

describe('classifyTable', () => {
  it('aggregates transactions then classifies customers', () => {
    const r = classifyTable({ customer: ['a', 'b', 'a'], date: ['2024-01-02', '2024-01-03', '2024-02-01'], amount: [10, 20, 5] }, { method: 'abc' });
    expect(r.level).toBe('transactions');
    expect(r.classification.keys).toEqual(['a', 'b']);
    expect(r.customers?.frequency[0]).toBe(2);
  });
  it('multiplies quantity by unit price when there is no amount', () => {
    const r = classifyTable({ customer: ['a', 'a'], date: ['2024-01-02', '2024-01-03'], quantity: [2, '3'], price: ['1.5', 2] }, { method: 'abc' });
    expect(r.customers?.monetary[0]).toBe(9);
  });
  it('classifies a customer table row by row, keeping the input row of each customer', () => {
    const r = classifyTable({ customer: ['a', '', 'c', 'd'], value: [70, 5, 'x', 30] }, { method: 'abc' });
    expect(r.level).toBe('customers');
    expect(Array.from(r.rowOfCustomer ?? [])).toEqual([0, 3]);
    expect(r.classification.skipped.total).toBe(2);
  });
  it('refuses RFM without dates, missing value columns and unequal columns', () => {
    expect(() => classifyTable({ customer: ['a'], value: [1] }, { method: 'rfm' })).toThrow(/RFM needs transactions/);
    expect(() => classifyTable({ customer: ['a'] }, { method: 'abc' })).toThrow(/needs a value column/);
    expect(() => classifyTable({ customer: ['a'], value: [1, 2] }, { method: 'abc' })).toThrow(/value column has 2 rows/);
  });
  it('property: tiers partition the customers, value shares sum to 1, no NaN or Infinity leaves the engine', () => {
    const row = fc.record({
      customer: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', '', 12, 13),
      date: fc.oneof(fc.integer({ min: 40000, max: 41000 }), fc.constantFrom('2011-05-01', 'bad', '')),
      amount: fc.oneof(fc.double({ min: -100, max: 1e4, noNaN: true }), fc.constantFrom('1,000.5', '#N/A', '')),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 120 }), fc.constantFrom('rfm', 'abc', 'pyramid') as fc.Arbitrary<'rfm' | 'abc' | 'pyramid'>, (rows, method) => {
        let r;
        try {
          r = classifyTable({ customer: rows.map((x) => x.customer), date: rows.map((x) => x.date), amount: rows.map((x) => x.amount) }, { method });
        } catch (e) {
          return /no usable/.test((e as Error).message);
        }
        const c = r.classification;
        const counted = c.summary.reduce((s, x) => s + x.customers, 0);
        const classified = Array.from(c.tierIndex).filter((t) => t !== 255).length;
        const shares = c.summary.reduce((s, x) => s + x.valueShare, 0);
        const total = c.summary.reduce((s, x) => s + x.value, 0);
        const json = JSON.stringify(c.summary) + JSON.stringify(c.model);
        return (
          counted === classified &&
          classified === c.keys.length &&
          (total === 0 || Math.abs(shares - 1) < 1e-9) &&
          Math.abs(c.summary.reduce((s, x) => s + x.customerShare, 0) - 1) < 1e-9 &&
          !/NaN|Infinity/.test(json) &&
          c.summary.every((x) => [x.value, x.valueShare, x.customerShare].every(Number.isFinite))
        );
      }),
    );
  });
});
