import { CLV_TIERS, NO_CLASS, classifyCustomers, classifyTable, methodById, parseParamText, resolveParams } from '../../../src/engine';

/** A small transaction log: loyal frequent buyers, one-off buyers, lapsed buyers, late joiners. */
function log(): { customer: string[]; date: string[]; amount: number[] } {
  const customer: string[] = [];
  const date: string[] = [];
  const amount: number[] = [];
  const add = (c: string, day: number, a: number) => {
    const d = new Date(Date.UTC(2024, 0, 1 + day));
    customer.push(c);
    date.push(d.toISOString().slice(0, 10));
    amount.push(a);
  };
  for (let c = 0; c < 40; c++) {
    const start = (c * 7) % 60;
    const every = 5 + (c % 9) * 6;
    const stop = c % 3 === 0 ? 150 : 365;
    for (let day = start; day < stop; day += every) add(`c${c}`, day, 10 + (c % 5) * 7);
  }
  for (let c = 40; c < 60; c++) add(`c${c}`, c, 25); // one purchase only
  add('late', 360, 50); // first purchase after a calibration end of day 300
  add('c1', 20, -10); // a return: not a purchase
  return { customer, date, amount };
}

describe('CLV tiers method', () => {
  it('ranks customers by predicted CLV into top 20 % / next 30 % / rest, with P(alive) and expected purchases', () => {
    const r = classifyTable(log(), { method: 'clv', unit: 'week', horizon: 26 } as never);
    const c = r.classification;
    const clv = c.columns.find((x) => x.id === 'clv')!.values as number[];
    const alive = c.columns.find((x) => x.id === 'p_alive')!.values as number[];
    const purchases = c.columns.find((x) => x.id === 'expected_purchases')!.values as number[];
    expect(c.keys.length).toBe(61);
    const counts = CLV_TIERS.map((_, k) => Array.from(c.tierIndex).filter((t) => t === k).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(61);
    expect(counts[0]).toBeGreaterThanOrEqual(Math.floor(0.2 * 61));
    // a higher CLV never gets a worse tier
    for (let i = 0; i < 61; i++) {
      for (let j = 0; j < 61; j++) if (clv[i] > clv[j]) expect(c.tierIndex[i]).toBeLessThanOrEqual(c.tierIndex[j]);
      expect(alive[i]).toBeGreaterThan(0);
      expect(alive[i]).toBeLessThanOrEqual(1);
      expect(purchases[i]).toBeGreaterThanOrEqual(0);
    }
    const model = c.model as { unit: string; horizon: number; calibrationEnd: string; bgnbd: { params: object }; gammaGamma: { params: object } };
    expect(model.unit).toBe('week');
    expect(model.horizon).toBe(26);
    expect(model.calibrationEnd).toBe('2024-12-29'); // the latest purchase day (day 363 of 2024)
    expect(c.describe('en')).toMatch(/CLV over 26 weeks .*BG\/NBD r .*Gamma-Gamma p/);
    expect(c.describe('zh-CN')).toMatch(/周内的终身价值/);
    const i = c.keys.indexOf('c0');
    expect(c.explain(i, 'en')).toMatch(new RegExp(`^${c.tiers[c.tierIndex[i]].key}: predicted CLV [\\d.,]+ over 26 weeks`));
    // no holdout without an earlier calibration end; the parameters and the CLV distribution tables
    expect(c.tables.map((t) => t.name)).toEqual(['TierwiseClvModel', 'TierwiseClvDistribution']);
    // and the summary says how to get the model check
    expect(c.notes('en')).toEqual([['Model check', 'none: the calibration ends on the last day of the data (2024-12-29). Set a calibration end before it to compare predicted and actual purchases in the period after (the holdout)']]);
  });

  it('a customer whose only purchases are of no value is in the fit (x = 0) and gets a CLV tier; a returns-only customer does not', () => {
    const base = log();
    const withZero = log();
    for (const [c, d, a] of [['free', '2024-02-01', 0], ['free', '2024-03-01', 0], ['refund', '2024-02-02', -30]] as const) {
      withZero.customer.push(c);
      withZero.date.push(d);
      withZero.amount.push(a);
    }
    const c = classifyTable(withZero, { method: 'clv', unit: 'week', horizon: 26 } as never).classification;
    const free = c.keys.indexOf('free');
    expect(free).toBeGreaterThanOrEqual(0);
    expect(c.tierIndex[free]).not.toBe(NO_CLASS);
    const clv = c.columns.find((x) => x.id === 'clv')!.values as number[];
    expect(clv[free]).toBeGreaterThan(0);
    // every customer the models were fitted on has a tier: the tiers hold all of them
    expect(c.summary.reduce((n, s) => n + s.customers, 0)).toBe(c.keys.length);
    expect((c.model as { notInCalibration: number }).notInCalibration).toBe(0);
    expect(c.keys).not.toContain('refund');
    expect(c.skipped.byCause['customer|returns-only']).toBe(1);
    // two zero-value purchases on distinct days: one repeat purchase of no value (x = 1) — as the
    // summary from the transactions counts it, and it changes nobody else's fit
    const plain = classifyTable(base, { method: 'clv', unit: 'week', horizon: 26 } as never).classification;
    expect(plain.keys).not.toContain('free');
    expect((c.model as { zeroValueRepeatBuyers: number }).zeroValueRepeatBuyers).toBe((plain.model as { zeroValueRepeatBuyers: number }).zeroValueRepeatBuyers + 1);
  });

  it('with an earlier calibration end: later purchases form the holdout check; customers who started later get no tier', () => {
    const r = classifyTable(log(), { method: 'clv', unit: 'week', calibrationEnd: '2024-10-27' } as never);
    const c = r.classification;
    const late = c.keys.indexOf('late');
    expect(c.tierIndex[late]).toBe(NO_CLASS);
    expect(c.explain(late, 'en')).toBe('no tier: no purchase on or before the calibration end 2024-10-27 (returns are not purchases)');
    const holdout = c.tables.find((t) => t.name === 'TierwiseClvHoldout')!;
    expect(holdout.chart).toMatchObject({ bars: ['actual', 'predicted'] });
    const customers = holdout.columns.find((x) => x.id === 'customers')!.values as number[];
    expect(customers.reduce((a, b) => a + b, 0)).toBe(60);
    expect((c.model as { notInCalibration: number }).notInCalibration).toBe(1);
  });

  it('with --purchase-model mbg/nbd fits the MBG/NBD, whose one-time buyers have P(alive) below 1', () => {
    const r = classifyTable(log(), { method: 'clv', unit: 'week', purchaseModel: 'mbg/nbd' } as never);
    const c = r.classification;
    expect((c.model as { bgnbd: { model: string } }).bgnbd.model).toBe('mbg/nbd');
    expect(c.describe('en')).toMatch(/MBG\/NBD r /);
    const alive = c.columns.find((x) => x.id === 'p_alive')!.values as number[];
    expect(alive[c.keys.indexOf('c45')]).toBeLessThan(1); // a one-time buyer
    expect(c.tables[0].columns[0].values[0]).toBe('MBG/NBD r');
  });

  it('refuses a calibration end after the data and non-year-first dates', () => {
    expect(() => classifyTable(log(), { method: 'clv', calibrationEnd: '2025-06-01' } as never)).toThrow(/calibration-end 2025-06-01 is after the last day of the data used \(2024-12-29\)/);
    const spec = methodById('clv').params.find((p) => p.flag === 'calibration-end')!;
    expect(parseParamText(spec, '19970930')).toBe('1997-09-30');
    expect(parseParamText(spec, ' Latest ')).toBe('latest');
    expect(() => parseParamText(spec, '9/30/1997')).toThrow(/calibration-end must be a date written year first/);
    expect(() => resolveParams(methodById('clv'), { unit: 'year' })).toThrow(/unit must be one of day, week, month/);
    expect(() => resolveParams(methodById('clv'), { margin: 0 })).toThrow(/margin must be a number/);
  });

  it('without a transaction log classifies nobody and says why (the table path refuses earlier)', () => {
    const c = classifyCustomers({ keys: ['a', 'b'], value: [1, 2] }, { method: 'clv' });
    expect(Array.from(c.tierIndex)).toEqual([NO_CLASS, NO_CLASS]);
    expect(c.explain(0, 'en')).toMatch(/needs a transaction log/);
    expect(() => classifyTable({ customer: ['a'], value: [3] }, { method: 'clv' })).toThrow(/CLV needs transactions/);
  });
});
