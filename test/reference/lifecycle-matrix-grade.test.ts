/**
 * Reference tests on UCI "Online Retail" (Chen, Sain & Guo 2012; CC BY 4.0) for the lifecycle
 * classes, the value matrix and weighted grading. Purchases follow the standard cleaning
 * (customer id present, invoice not "C…", quantity × price > 0); returns are not purchases. The
 * class / cell / grade counts are printed.
 */
import { classifyTable, dayNumber, type Classification } from '../../src/engine';
import { readReferenceCsv } from './data';

const csv = readReferenceCsv('online_retail/online_retail.csv');
const col = (name: string): string[] => {
  if (!csv) throw new Error('no data');
  return csv.columns[csv.headers.indexOf(name)] as string[];
};
const table = () => ({ customer: col('CustomerID'), date: col('InvoiceDate'), quantity: col('Quantity'), price: col('UnitPrice'), invoice: col('InvoiceNo') });

function counts(c: Classification): Record<string, number> {
  return Object.fromEntries(c.summary.map((s) => [s.tier, s.customers]));
}

describe('Online Retail: lifecycle classes', () => {
  let c: Classification;
  beforeAll(() => {
    if (!csv) return;
    c = classifyTable(table(), { method: 'lifecycle' }).classification;
  });

  it('classifies all 4,372 customers with rows; the 34 without a purchase are Potential (printed counts)', () => {
    if (!csv) return;
    const n = counts(c);
    console.log(`Online Retail lifecycle classes (as of 2011-12-10): ${JSON.stringify(n)}`);
    expect(c.keys).toHaveLength(4372);
    expect(Object.values(n).reduce((s, x) => s + x, 0)).toBe(4372);
    expect(n.Potential).toBe(4372 - 4338);
  });

  it('matches the rules applied directly to the raw rows', () => {
    if (!csv) return;
    const cust = col('CustomerID');
    const date = col('InvoiceDate');
    const qty = col('Quantity');
    const price = col('UnitPrice');
    const inv = col('InvoiceNo');
    const asOf = dayNumber(2011, 12, 10);
    const per = new Map<string, { invoices: Set<string>; days: number[] }>();
    for (let i = 0; i < cust.length; i++) {
      if (cust[i] === '') continue;
      const p = per.get(cust[i]) ?? { invoices: new Set<string>(), days: [] };
      per.set(cust[i], p);
      if (inv[i].startsWith('C') || !(Number(qty[i]) * Number(price[i]) > 0)) continue;
      const [y, m, d] = date[i].slice(0, 10).split('-').map(Number);
      p.invoices.add(inv[i]);
      p.days.push(asOf - dayNumber(y, m, d));
    }
    const expected = (p: { invoices: Set<string>; days: number[] }): string => {
      if (p.days.length === 0) return 'Potential';
      const last = Math.min(...p.days);
      const first = Math.max(...p.days);
      const k = p.invoices.size;
      let quarters = 0;
      for (let q = 1; q <= 4; q++) if (p.days.some((x) => 91 * (q - 1) < x && x <= 91 * q)) quarters++;
      if (last > 365) return 'Churned';
      if (k === 1) return first <= 90 ? 'New' : 'One-time';
      if (k >= 5 && quarters >= 3 && last <= 90) return 'Loyal';
      return last <= 180 ? 'Repeat' : 'At risk';
    };
    let mismatches = 0;
    c.keys.forEach((key, i) => {
      if (c.tiers[c.tierIndex[i]].key !== expected(per.get(key)!)) mismatches++;
    });
    expect(mismatches).toBe(0);
    const i = c.keys.indexOf('12347');
    expect(c.explain(i, 'en')).toBe('Loyal: 7 invoices ≥ 5, bought in 4 of the last 4 quarters (≥ 3), last purchase 3 d ≤ 90 d');
    expect(c.explain(c.keys.indexOf('12346'), 'en')).toBe('One-time: 1 purchase invoice, first purchase 326 d > 90 d');
  });
});

/** Median as Excel's MEDIAN, written out here independently of the engine. */
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

describe('Online Retail: value matrix (frequency × average invoice value)', () => {
  it('cuts at the medians of F and AOV and counts the cells (printed counts)', () => {
    if (!csv) return;
    const r = classifyTable(table(), { method: 'matrix', returns: 'drop' });
    const c = r.classification;
    const cust = r.customers!;
    const f = Array.from(cust.frequency);
    const aov = f.map((x, i) => cust.monetary[i] / x);
    const fCut = median(f);
    const aovCut = median(aov);
    console.log(`Online Retail value matrix: F median ${fCut}, AOV median ${aovCut.toFixed(2)}; cells ${JSON.stringify(counts(c))}`);
    expect(c.fit.model).toMatchObject({ x: { name: 'F', value: fCut }, y: { name: 'AOV' } });
    expect((c.fit.model as { y: { value: number } }).y.value).toBeCloseTo(aovCut, 9);
    const expected = { Best: 0, Frequent: 0, Spender: 0, Uncertain: 0 };
    f.forEach((x, i) => {
      const hx = x >= fCut;
      const hy = aov[i] >= aovCut;
      expected[hx ? (hy ? 'Best' : 'Frequent') : hy ? 'Spender' : 'Uncertain']++;
    });
    expect(counts(c)).toEqual(expected);
    expect(Object.values(expected).reduce((s, x) => s + x, 0)).toBe(4338);
  });

  it('draws the scatter of all 4,338 customers, both axes logarithmic (values positive, spanning decades)', () => {
    if (!csv) return;
    const c = classifyTable(table(), { method: 'matrix', returns: 'drop' }).classification;
    const points = c.tables.find((t) => t.name === 'TierwiseMatrixPoints')!;
    const chart = points.chart!;
    if (chart.kind !== 'scatter') throw new Error('not a scatter');
    console.log(`Online Retail value matrix scatter: ${points.rows} points, log x ${chart.logX}, log y ${chart.logY}`);
    expect(points.rows).toBe(4338);
    expect([chart.logX, chart.logY]).toEqual([true, true]);
  });
});

/** S × 2·n·10 for R (lower is better) 0.2, F 0.3, M 0.5: Σ W·2·RANK.AVG, by sorting, in BigInt. */
function compositeS(cust: { keys: readonly string[]; recency: ArrayLike<number>; frequency: ArrayLike<number>; monetary: ArrayLike<number> }): bigint[] {
  const n = cust.keys.length;
  // twice the RANK.AVG of each value, by sorting (ties share the mean rank)
  const rank2 = (v: ArrayLike<number>, lowerBetter: boolean): number[] => {
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => (lowerBetter ? v[b] - v[a] : v[a] - v[b]));
    const out = new Array<number>(n);
    for (let s = 0; s < n; ) {
      let e = s;
      while (e < n && v[idx[e]] === v[idx[s]]) e++;
      for (let k = s; k < e; k++) out[idx[k]] = 2 * s + (e - s) + 1;
      s = e;
    }
    return out;
  };
  const [R, F, M] = [rank2(cust.recency, true), rank2(cust.frequency, false), rank2(cust.monetary, false)];
  return Array.from({ length: n }, (_, i) => 2n * BigInt(R[i]) + 3n * BigInt(F[i]) + 5n * BigInt(M[i]));
}

describe('Online Retail: weighted grading (R lower is better 0.2, F 0.3, M 0.5)', () => {
  it('grades A–D by the 90th / 70th / 40th percentiles of the exact composite (printed counts)', () => {
    if (!csv) return;
    const r = classifyTable(table(), { method: 'grade', returns: 'drop' });
    const c = r.classification;
    const cust = r.customers!;
    const n = cust.keys.length;
    const S = compositeS(cust);
    const sorted = [...S].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const cut10 = (p10: number): bigint => {
      const h = (n - 1) * p10;
      const lo = Math.floor(h / 10);
      return sorted[lo] * 10n + BigInt(h - lo * 10) * (sorted[lo + 1] - sorted[lo]);
    };
    const [cC, cB, cA] = [4, 7, 9].map(cut10);
    const expected = { A: 0, B: 0, C: 0, D: 0 };
    S.forEach((s) => expected[s * 10n >= cA ? 'A' : s * 10n >= cB ? 'B' : s * 10n >= cC ? 'C' : 'D']++);
    console.log(`Online Retail grades: ${JSON.stringify(counts(c))}; cuts on S ${JSON.stringify((c.fit.model as { cuts: number[] }).cuts.map((x) => Number(x.toFixed(4))))}`);
    expect(counts(c)).toEqual(expected);
    expect(expected.A + expected.B + expected.C + expected.D).toBe(4338);
    expect(c.explain(cust.keys.indexOf('12347'), 'en')).toMatch(/^A: score 0\.\d{3} ≥ 0\.\d{3} \(90th percentile\); R 3 \(lower is better\): percentile .* × 0\.2 = .*; F 7 \(higher is better\): .*; M 4,310 \(higher is better\): .*/);
  });
  it('grades by ABC-style shares of the total score (20% / 50% / 80%, reach rule; printed counts)', () => {
    if (!csv) return;
    const r = classifyTable(table(), { method: 'grade', returns: 'drop', gradeCut: 'share' });
    const c = r.classification;
    const cust = r.customers!;
    const n = cust.keys.length;
    const S = compositeS(cust);
    const total = S.reduce((a, b) => a + b, 0n);
    // customers scored strictly above each customer, by a descending sort and running sums
    const order = S.map((_, i) => i).sort((a, b) => (S[b] > S[a] ? 1 : S[b] < S[a] ? -1 : 0));
    const above = new Array<bigint>(n);
    let run = 0n;
    for (let k = 0; k < n; ) {
      let e = k;
      let group = 0n;
      while (e < n && S[order[e]] === S[order[k]]) group += S[order[e++]];
      for (let j = k; j < e; j++) above[order[j]] = run;
      run += group;
      k = e;
    }
    const expected = { A: 0, B: 0, C: 0, D: 0 };
    above.forEach((a) => expected[a * 10n < 2n * total ? 'A' : a * 10n < 5n * total ? 'B' : a * 10n < 8n * total ? 'C' : 'D']++);
    console.log(`Online Retail grades by ABC-style shares 20/50/80 % of the score: ${JSON.stringify(counts(c))}`);
    expect(counts(c)).toEqual(expected);
  });
});
