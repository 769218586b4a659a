/**
 * CLV tiers on UCI Online Retail (CC BY 4.0; Chen, Sain & Guo 2012) with days as the unit: a fit
 * near the a → 0 edge, customers acquired on the last day (T = 0) kept, every prediction finite.
 */
import { NO_CLASS, classifyTable } from '../../src/engine';
import { readReferenceCsv } from './data';

describe('UCI Online Retail: CLV tiers in days', () => {
  it('fits BG/NBD and Gamma-Gamma, converged, with finite CLV, P(alive) and expected purchases for every customer', () => {
    const csv = readReferenceCsv('online_retail/online_retail.csv');
    if (!csv) return;
    const c = (name: string) => csv.columns[csv.headers.indexOf(name)] as string[];
    const r = classifyTable(
      { customer: c('CustomerID'), date: c('InvoiceDate'), quantity: c('Quantity'), price: c('UnitPrice'), invoice: c('InvoiceNo') },
      { method: 'clv', unit: 'day', horizon: 365 } as never,
    );
    const cl = r.classification;
    const model = cl.model as { bgnbd: { params: { a: number }; diagnostics: { converged: boolean; startsAgreeing: number } }; gammaGamma: { diagnostics: { converged: boolean } }; notInCalibration: number };
    expect(model.bgnbd.diagnostics.converged).toBe(true);
    expect(model.gammaGamma.diagnostics.converged).toBe(true);
    expect(model.bgnbd.params.a).toBeLessThan(0.01);
    for (const id of ['clv', 'p_alive', 'expected_purchases']) {
      const values = cl.columns.find((x) => x.id === id)!.values;
      cl.keys.forEach((_, i) => {
        if (cl.tierIndex[i] !== NO_CLASS) expect(Number.isFinite(values[i] as number)).toBe(true);
      });
    }
    // only customers with nothing but returns are left unclassified
    expect(model.notInCalibration).toBe(Array.from(cl.tierIndex).filter((t) => t === NO_CLASS).length);
    expect(model.notInCalibration).toBeLessThan(50);
  });
});
