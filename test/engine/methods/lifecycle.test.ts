/**
 * Lifecycle classes: every rule boundary (whole calendar days before the as-of day), the order in
 * which rules match, purchases vs returns, and a property test against a direct reading of the
 * issue's rules.
 */
import fc from 'fast-check';
import { DEFAULT_LIFECYCLE_RULES, LIFECYCLE_TIERS, NO_CLASS, classifyTable, dayNumber, lifecycleClassOf, quarterOf, resolveParams, methodById, type LifecycleRules } from '../../../src/engine';

const AS_OF = dayNumber(2024, 1, 1);
const iso = (day: number): string => new Date(day * 86400000).toISOString().slice(0, 10);

interface Row {
  c: string;
  ago: number;
  amount?: number;
  invoice?: string;
}

function run(rows: Row[], params: Record<string, unknown> = {}) {
  const r = classifyTable(
    {
      customer: rows.map((x) => x.c),
      date: rows.map((x) => iso(AS_OF - x.ago)),
      amount: rows.map((x) => x.amount ?? 10),
      invoice: rows.map((x, i) => x.invoice ?? `I${i}`),
    },
    { method: 'lifecycle', asOf: AS_OF, ...params },
  ).classification;
  const by = new Map(r.keys.map((k, i) => [k, r.tiers[r.tierIndex[i]]?.key ?? 'none']));
  const why = new Map(r.keys.map((k, i) => [k, r.explain(i, 'en')]));
  return { by, why, r };
}

/** n invoices, one per quarter going back, the last one `last` days ago. */
function spread(c: string, n: number, last: number, step = 91): Row[] {
  return Array.from({ length: n }, (_, k) => ({ c, ago: last + k * step }));
}

describe('lifecycle rules at their boundaries', () => {
  it('New vs One-time: the one purchase 90 days ago is New, 91 days ago One-time', () => {
    const { by, why } = run([
      { c: 'a', ago: 90 },
      { c: 'b', ago: 91 },
    ]);
    expect(by.get('a')).toBe('New');
    expect(by.get('b')).toBe('One-time');
    expect(why.get('a')).toBe('New: 1 purchase invoice, first purchase 90 d ≤ 90 d');
    expect(why.get('b')).toBe('One-time: 1 purchase invoice, first purchase 91 d > 90 d');
  });

  it('Churned: last purchase 366 days ago, not 365 (a one-timer too: Churned wins, it comes first)', () => {
    const { by } = run([
      { c: 'a', ago: 365 },
      { c: 'b', ago: 366 },
      { c: 'c', ago: 365 },
      { c: 'c', ago: 400 },
      { c: 'd', ago: 366 },
      { c: 'd', ago: 400 },
    ]);
    expect([by.get('a'), by.get('b'), by.get('c'), by.get('d')]).toEqual(['One-time', 'Churned', 'At risk', 'Churned']);
  });

  it('Repeat vs At risk: last purchase 180 days ago is Repeat, 181 At risk', () => {
    const { by, why } = run([...spread('a', 2, 180), ...spread('b', 2, 181)]);
    expect(by.get('a')).toBe('Repeat');
    expect(by.get('b')).toBe('At risk');
    expect(why.get('a')).toBe('Repeat: 2 invoices, last purchase 180 d ≤ 180 d (not Loyal: 2 invoices < 5)');
    expect(why.get('b')).toBe('At risk: 2 invoices, last purchase 181 d > 180 d and ≤ 365 d (not Loyal: 2 invoices < 5)');
  });

  it('Loyal: ≥ 5 invoices, 3 of the last 4 quarters, last purchase ≤ 90 days; each condition missed by one is Repeat', () => {
    const loyal = [...spread('L', 3, 90), { c: 'L', ago: 10 }, { c: 'L', ago: 11 }];
    const fourInvoices = [...spread('F', 3, 90), { c: 'F', ago: 10 }];
    const lastAt91 = [...spread('R', 3, 91), { c: 'R', ago: 100 }, { c: 'R', ago: 101 }];
    // five invoices in quarters 1 and 2 only (days 1–91 and 92–182)
    const twoQuarters = [10, 20, 30, 100, 150].map((ago) => ({ c: 'Q', ago }));
    const { by, why } = run([...loyal, ...fourInvoices, ...lastAt91, ...twoQuarters]);
    expect(by.get('L')).toBe('Loyal');
    expect(why.get('L')).toBe('Loyal: 5 invoices ≥ 5, bought in 3 of the last 4 quarters (≥ 3), last purchase 10 d ≤ 90 d');
    expect(by.get('F')).toBe('Repeat');
    expect(by.get('R')).toBe('Repeat');
    expect(why.get('R')).toContain('not Loyal: last purchase 91 d > 90 d');
    expect(by.get('Q')).toBe('Repeat');
    expect(why.get('Q')).toContain('not Loyal: bought in 2 of the last 4 quarters < 3');
  });

  it('quarter i holds 91·(i−1) < days ≤ 91·i: day 91 is quarter 1, day 92 quarter 2, day 364 quarter 4, day 365 outside', () => {
    expect([1, 91, 92, 182, 183, 364, 365].map((d) => quarterOf(d, 91))).toEqual([1, 1, 2, 2, 3, 4, 5]);
    // purchases on days 1, 91 (both quarter 1), 182 (quarter 2), 364 (quarter 4): 3 quarters
    const three = [1, 91, 182, 364, 300].map((ago) => ({ c: 'a', ago }));
    // days 1, 91 (quarter 1), 150, 182 (quarter 2), 365 (quarter 5, outside): 2 quarters
    const two = [1, 91, 150, 182, 365].map((ago) => ({ c: 'b', ago }));
    const { by } = run([...three, ...two]);
    expect(by.get('a')).toBe('Loyal');
    expect(by.get('b')).toBe('Repeat');
  });

  it('counts distinct invoices (rows of one invoice are one purchase), and rows when there is no invoice column', () => {
    const rows: Row[] = [
      { c: 'a', ago: 5, invoice: 'X' },
      { c: 'a', ago: 5, invoice: 'X' },
      { c: 'a', ago: 5, invoice: 'X' },
    ];
    expect(run(rows).by.get('a')).toBe('New');
    const noInvoice = classifyTable(
      { customer: ['a', 'a'], date: [iso(AS_OF - 5), iso(AS_OF - 5)], amount: [1, 2] },
      { method: 'lifecycle', asOf: AS_OF },
    ).classification;
    expect(noInvoice.tiers[noInvoice.tierIndex[0]].key).toBe('Repeat');
  });

  it('an invoice shared by two customers is a purchase invoice of each, counted once per customer', () => {
    const { by, r } = run([
      { c: 'a', ago: 5, invoice: 'S' },
      { c: 'b', ago: 5, invoice: 'S' },
      { c: 'b', ago: 6, invoice: 'S' },
      { c: 'a', ago: 7, invoice: 'T' },
    ]);
    expect([by.get('a'), by.get('b')]).toEqual(['Repeat', 'New']);
    expect(r.columns.find((x) => x.id === 'invoices')?.values).toEqual([2, 1]);
  });

  it('returns and cancellations are not purchases; a customer with rows but no purchase is Potential', () => {
    const { by, why } = run([
      { c: 'a', ago: 5, amount: 10, invoice: 'P1' },
      { c: 'a', ago: 4, amount: -10, invoice: 'C1' },
      { c: 'a', ago: 3, amount: 10, invoice: 'C2' },
      { c: 'p', ago: 5, amount: -3, invoice: 'C3' },
      { c: 'z', ago: 5, amount: 0, invoice: 'P2' },
    ]);
    expect(by.get('a')).toBe('New');
    expect(by.get('p')).toBe('Potential');
    expect(by.get('z')).toBe('Potential');
    expect(why.get('p')).toBe('Potential: no purchase (listed with a blank date and amount, or only returns, cancellations or zero amounts)');
  });

  it('a customer list appended to the log (id, blank date, blank amount) makes Potential customers; a blank date alone is still skipped', () => {
    const r = classifyTable(
      { customer: ['a', 'p', 'q', 'a'], date: [iso(AS_OF - 5), '', '', ''], amount: [10, '', 7, ''] },
      { method: 'lifecycle', asOf: AS_OF },
    );
    const c = r.classification;
    const by = new Map(c.keys.map((k, i) => [k, c.tiers[c.tierIndex[i]]?.key ?? 'none']));
    expect([...by]).toEqual([['a', 'New'], ['p', 'Potential']]);
    expect(c.skipped.total).toBe(1);
    expect(c.skipped.byCause['date|blank']).toBe(1);
    // the other methods skip the listing rows: they classify buyers only
    const rfm = classifyTable({ customer: ['a', 'p'], date: [iso(AS_OF - 5), ''], amount: [10, ''] }, { method: 'rfm', asOf: AS_OF }).classification;
    expect(rfm.keys).toEqual(['a']);
    expect(rfm.skipped.total).toBe(1);
  });

  it('every number is a parameter: --new-days 30 makes a 31-day-old single purchase One-time', () => {
    const { by } = run([{ c: 'a', ago: 31 }], { newDays: 30 });
    expect(by.get('a')).toBe('One-time');
    expect(() => resolveParams(methodById('lifecycle'), { loyalQuarters: 5 })).toThrow(/loyal-quarters \(5\) must be at most quarters \(4\)/);
  });

  it('explains in Chinese with the class label', () => {
    const { r } = run([{ c: 'a', ago: 400 }]);
    expect(r.explain(0, 'zh-CN')).toBe('流失客户：最近购买距今 400 天 > 365 天');
  });

  it('without a purchase timeline (a customer table) classifies nobody and says why', () => {
    const m = methodById('lifecycle');
    const fit = m.classify({ n: 1, value: Float64Array.of(5) }, { params: resolveParams(m, {}), ties: 'safe', options: {} });
    expect(fit.tierIndex[0]).toBe(NO_CLASS);
    expect(m.explain({ fit, row: {}, index: 0, tier: NO_CLASS, lang: 'en' })).toMatch(/need the purchase dates/);
  });
});

/** The rules read directly from a customer's purchase days and invoices. */
function reference(purchases: { ago: number; invoice: string }[], r: LifecycleRules): string {
  if (purchases.length === 0) return 'Potential';
  const invoices = new Set(purchases.map((p) => p.invoice)).size;
  const last = Math.min(...purchases.map((p) => p.ago));
  const first = Math.max(...purchases.map((p) => p.ago));
  let quarters = 0;
  for (let i = 1; i <= r.quarters; i++) if (purchases.some((p) => r.quarterDays * (i - 1) < p.ago && p.ago <= r.quarterDays * i)) quarters++;
  if (last > r.churnDays) return 'Churned';
  if (invoices === 1 && first <= r.newDays) return 'New';
  if (invoices === 1) return 'One-time';
  if (invoices >= r.loyalInvoices && quarters >= r.loyalQuarters && last <= r.loyalDays) return 'Loyal';
  if (invoices >= 2 && last <= r.repeatDays) return 'Repeat';
  return 'At risk';
}

describe('lifecycle: property', () => {
  it('agrees with a direct reading of the rules on random timelines (returns mixed in)', () => {
    const purchase = fc.record({ ago: fc.integer({ min: 1, max: 500 }), invoice: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G'), ret: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(purchase, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 15 }), (customers) => {
        const rows: Row[] = customers.flatMap((ps, c) => ps.map((p) => ({ c: `k${c}`, ago: p.ago, amount: p.ret ? -5 : 5, invoice: `${p.ret ? 'C' : ''}${c}-${p.invoice}` })));
        const { by } = run(rows);
        customers.forEach((ps, c) => {
          const bought = ps.filter((p) => !p.ret).map((p) => ({ ago: p.ago, invoice: p.invoice }));
          expect({ c, key: by.get(`k${c}`) }).toEqual({ c, key: reference(bought, DEFAULT_LIFECYCLE_RULES) });
        });
      }),
      { numRuns: 150 },
    );
  });

  it('lifecycleClassOf returns a class for every fact combination', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 800 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 4 }), (invoices, first, gap, q) => {
        const t = lifecycleClassOf({ invoices, firstDays: first + gap, lastDays: first, activeQuarters: q }, DEFAULT_LIFECYCLE_RULES);
        expect(t).toBeLessThan(LIFECYCLE_TIERS.length);
      }),
    );
  });
});
