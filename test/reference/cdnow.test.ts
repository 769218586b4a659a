/**
 * Reference tests on CDNOW (Fader, Hardie & Lee 2005; the 1/10 sample of 2,357 customers, weeks,
 * 39-week calibration to 1997-09-30): the published BG/NBD and Gamma-Gamma fits. CDNOW is test
 * data only: it is never shipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bgnbdLogLikelihood,
  classifyTable,
  conditionalExpectedPurchases,
  dateColumn,
  dayNumber,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  keyColumn,
  NO_CLASS,
  numberColumn,
  prepareRepeatData,
  probabilityAlive,
  repeatSummary,
} from '../../src/engine';
import { DATA_DIR, readReferenceCsv } from './data';

/** Rounds to 3 significant digits, as the published figures are compared. */
const sig3 = (v: number): number => Number(v.toPrecision(3));

function summaryColumns(): { id: string[]; x: number[]; tx: number[]; T: number[]; zbar: number[] } | undefined {
  const csv = readReferenceCsv('cdnow/cdnow_customers_summary_with_transactions.csv');
  if (!csv) return undefined;
  const col = (name: string): string[] => csv.columns[csv.headers.indexOf(name)] as string[];
  return { id: col('ID'), x: col('x').map(Number), tx: col('t_x').map(Number), T: col('T').map(Number), zbar: col('zbar').map(Number) };
}

describe('CDNOW (Fader, Hardie & Lee 2005)', () => {
  it('BG/NBD fit: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.43', () => {
    const s = summaryColumns();
    if (!s) return;
    expect(s.x).toHaveLength(2357);
    const fit = fitBgNbd(s);
    expect(sig3(fit.params.r)).toBe(0.243);
    expect(sig3(fit.params.alpha)).toBe(4.41);
    expect(sig3(fit.params.a)).toBe(0.793);
    expect(sig3(fit.params.b)).toBe(2.43);
    expect(Math.abs(fit.logLikelihood - -9582.43)).toBeLessThanOrEqual(0.01);
    expect(fit.diagnostics.converged).toBe(true);
    expect(fit.diagnostics.gradientNorm).toBeLessThan(1e-6);
    expect(fit.diagnostics.startsAgreeing).toBe(fit.diagnostics.starts.length);
    expect(fit.diagnostics.boundary).toBeNull();
    expect(fit.note).toBeNull();
    // standard errors exist, are positive and smaller than the estimates here
    const se = fit.standardErrors!;
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(se[k]).toBeGreaterThan(0);
      expect(se[k]).toBeLessThan(fit.params[k]);
    }
    // the conditional expectation of FHL 2005 §5: x = 2, t_x = 30.43, T = 38.86, next 39 weeks
    expect(Number(conditionalExpectedPurchases(fit.params, 39, 2, 30.43, 38.86).toFixed(3))).toBe(1.226);
    const alive = probabilityAlive(fit.params, 2, 30.43, 38.86);
    expect(alive).toBeGreaterThan(0);
    expect(alive).toBeLessThan(1);
    // unconditional: a new customer's repeat purchases over the 39 + 39 weeks grow with time
    expect(expectedPurchases(fit.params, 78)).toBeGreaterThan(expectedPurchases(fit.params, 39));
  });

  it('the published parameters give LL −9582.43 (BG/NBD) and −4055.92 (Gamma-Gamma) and the 1.226 conditional expectation', () => {
    const s = summaryColumns();
    if (!s) return;
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(Math.abs(bgnbdLogLikelihood(published, prepareRepeatData(s)) - -9582.43)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, s.x, s.zbar) - -4055.92)).toBeLessThanOrEqual(0.01);
    expect(Number(conditionalExpectedPurchases(published, 39, 2, 30.43, 38.86).toFixed(3))).toBe(1.226);
  });

  it('Gamma-Gamma fit on the 946 repeat buyers: p 6.25, q 3.74, γ 15.44, LL −4055.92', () => {
    const s = summaryColumns();
    if (!s) return;
    const fit = fitGammaGamma(s.x, s.zbar);
    expect(fit.customers).toBe(946);
    expect(sig3(fit.params.p)).toBe(6.25);
    expect(sig3(fit.params.q)).toBe(3.74);
    expect(sig3(fit.params.gamma)).toBe(sig3(15.44));
    expect(Math.abs(fit.logLikelihood - -4055.92)).toBeLessThanOrEqual(0.01);
    expect(fit.diagnostics.converged).toBe(true);
    expect(fit.standardErrors).not.toBeNull();
  });

  it('the summary built from CDNOW_sample.txt transactions equals the provided summary file', () => {
    const s = summaryColumns();
    const path = join(DATA_DIR, 'cdnow', 'CDNOW_sample.txt');
    if (!s || !existsSync(path)) {
      if (s) console.warn(`SKIPPED: reference data ${path} is not present; these assertions did not run.`);
      return;
    }
    // columns: master_id sample_id date(YYYYMMDD) cds dollar_value — the summary's ID is sample_id
    const rows = readFileSync(path, 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/));
    expect(rows).toHaveLength(6919);
    const summary = repeatSummary(
      {
        customer: keyColumn(rows.map((r) => String(Number(r[1])))),
        date: dateColumn(rows.map((r) => r[2])),
        amount: numberColumn(rows.map((r) => r[4])),
      },
      { calibrationEnd: dayNumber(1997, 9, 30), unit: 'week' },
    );
    expect(summary.keys).toEqual(s.id);
    expect(summary.unit).toBe('week');
    let repeatBuyers = 0;
    for (let i = 0; i < s.id.length; i++) {
      expect(summary.x[i]).toBe(s.x[i]);
      expect(Math.abs(summary.tx[i] - s.tx[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.T[i] - s.T[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.meanValue[i] - s.zbar[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      if (summary.x[i] > 0) repeatBuyers++;
    }
    expect(repeatBuyers).toBe(946);
    expect(summary.x.reduce((a, b) => a + b, 0)).toBe(2457);
    // fitting on the unrounded summary gives the same published figures
    const fit = fitBgNbd(summary);
    expect(sig3(fit.params.r)).toBe(0.243);
    expect(sig3(fit.params.a)).toBe(0.793);
  });

  it('CLV tiers from the transactions (weeks, calibration to 1997-09-30): the published fits, a holdout check, 20 % / 30 % / 50 % tiers', () => {
    const path = join(DATA_DIR, 'cdnow', 'CDNOW_sample.txt');
    if (!existsSync(path)) {
      console.warn(`SKIPPED: reference data ${path} is not present; these assertions did not run.`);
      return;
    }
    const rows = readFileSync(path, 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/));
    const r = classifyTable(
      { customer: rows.map((x) => x[1]), date: rows.map((x) => x[2]), amount: rows.map((x) => x[4]) },
      { method: 'clv', unit: 'week', calibrationEnd: '1997-09-30', horizon: 52, margin: 0.3, discountRate: 0.1 } as never,
    );
    const c = r.classification;
    const model = c.model as { bgnbd: { params: { r: number; alpha: number; a: number; b: number }; logLikelihood: number }; gammaGamma: { params: { p: number; q: number; gamma: number } } };
    expect(sig3(model.bgnbd.params.r)).toBe(0.243);
    expect(sig3(model.bgnbd.params.alpha)).toBe(4.41);
    expect(sig3(model.bgnbd.params.a)).toBe(0.793);
    expect(sig3(model.bgnbd.params.b)).toBe(2.43);
    expect(Math.abs(model.bgnbd.logLikelihood - -9582.43)).toBeLessThanOrEqual(0.01);
    expect(sig3(model.gammaGamma.params.p)).toBe(6.25);
    expect(sig3(model.gammaGamma.params.q)).toBe(3.74);
    const sizes = c.summary.map((s) => s.customers);
    // the models are fitted on all 2,357 customers and every one of them gets a tier: the 8 whose
    // only purchases were of no value are one-time buyers of no value (x = 0) for CLV
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2357);
    expect(c.keys).toHaveLength(2357);
    expect(c.skipped.byCause['customer|returns-only'] ?? 0).toBe(0);
    const clv = c.columns.find((x) => x.id === 'clv')!.values as number[];
    const monetary = r.customers!.monetary;
    const zeroOnly = c.keys.filter((_, i) => monetary[i] === 0);
    expect(zeroOnly).toHaveLength(8);
    for (const key of zeroOnly) {
      const i = c.keys.indexOf(key);
      expect(c.tierIndex[i]).not.toBe(NO_CLASS);
      expect(clv[i]).toBeGreaterThan(0);
      expect(c.explain(i, 'en')).toMatch(/predicted CLV [\d.]+ over 52 weeks/);
    }
    expect(Math.abs(sizes[0] / 2357 - 0.2)).toBeLessThan(0.01);
    // the 39-week holdout (to 1998-06-30): predicted mean purchases track the actual ones by x
    const holdout = c.tables.find((t) => t.name === 'TierwiseClvHoldout')!;
    const actual = holdout.columns.find((x) => x.id === 'actual')!.values as number[];
    const predicted = holdout.columns.find((x) => x.id === 'predicted')!.values as number[];
    expect(holdout.rows).toBe(8);
    for (let k = 0; k < 8; k++) expect(Math.abs(predicted[k] - actual[k])).toBeLessThan(0.35 * Math.max(1, actual[k]));
  });
});
