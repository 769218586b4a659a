/**
 * TIER.CLV_FIT, TIER.P_ALIVE, TIER.EXPECTED_PURCHASES and TIER.CLV, called through the built
 * bundle the way Excel calls them, and checked against the engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conditionalExpectedPurchases, customerLifetimeValue, probabilityAlive, simulateBgNbd } from '../../src/engine';
import { populationCache } from '../../src/functions/cache';
import { pAlive } from '../../src/functions/clv';
import { DATA_DIR } from '../reference/data';
import { type AsyncFn, type Fn, StubError, isError, loadBundle, rejected, thrown } from './bundle';

const { fns } = loadBundle();
const { P_ALIVE, EXPECTED_PURCHASES, CLV } = fns as Record<string, Fn>;
const CLV_FIT = fns.CLV_FIT as unknown as AsyncFn;

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const TABLE = [
  ['r', 0.243],
  ['alpha', 4.414],
  ['a', 0.793],
  ['b', 2.426],
  ['p', 6.25],
  ['q', 3.74],
  ['gamma', 15.44],
  ['unit', 'week'],
];

describe('TIER.P_ALIVE and TIER.EXPECTED_PURCHASES with given parameters', () => {
  const rows = [
    [2, 30.43, 38.86],
    [0, 0, 38.86],
    ['', '', ''],
    [7, 10, 38],
  ];

  it('equal the engine, row by row; blank rows give blanks', () => {
    const alive = P_ALIVE(rows, TABLE);
    const expected = EXPECTED_PURCHASES(rows, 39, TABLE);
    expect(alive[2][0]).toBe('');
    expect(expected[2][0]).toBe('');
    for (const i of [0, 1, 3]) {
      const [x, tx, T] = rows[i] as number[];
      expect(alive[i][0]).toBe(probabilityAlive(PUBLISHED, x, tx, T));
      expect(expected[i][0]).toBe(conditionalExpectedPurchases(PUBLISHED, 39, x, tx, T));
    }
    expect(Number((expected[0][0] as number).toFixed(3))).toBe(1.226);
  });

  it('an error cell or an impossible row costs that row only', () => {
    const out = P_ALIVE([[2, 30.43, 38.86], [new StubError('#N/A'), 1, 2], [1.5, 1, 2], [1, 5, 2]], TABLE);
    expect(typeof out[0][0]).toBe('number');
    expect(isError(out[1][0], '#N/A')).toBe(true);
    expect(isError(out[2][0], '#VALUE!') && (out[2][0] as StubError).message).toBe('row 3: x (repeat purchases) must be a whole number ≥ 0, got 1.5');
    expect(isError(out[3][0], '#VALUE!') && (out[3][0] as StubError).message).toBe('row 4: t_x must be from 0 to T = 2, got 5');
  });

  it('refuses a narrow block, a bad model table and a negative period for the whole call', () => {
    expect(thrown(() => P_ALIVE([[1, 2]], TABLE)).message).toBe('customers must be 3 columns wide (x, t_x, T), got 2');
    expect(thrown(() => P_ALIVE([[1, 2, 3]], [['r', 0.2], ['alpha', -1], ['a', 1], ['b', 1]])).message).toBe("the model table's alpha must be a number above 0, got -1");
    expect(thrown(() => EXPECTED_PURCHASES([[1, 2, 3]], -1, TABLE)).message).toBe('periods must be a number ≥ 0, got -1');
  });
});

describe('fitting on a population', () => {
  const sim = simulateBgNbd(PUBLISHED, 3000, { minT: 26, maxT: 39, seed: 9, spend: { p: 6.25, q: 3.74, gamma: 15.44 } });
  const population = Array.from(sim.x, (x, i) => [x, sim.tx[i], sim.T[i]]);

  it('per-row calls against a population agree with the spill form and fit the population once', () => {
    const spill = P_ALIVE(population, null);
    for (let i = 0; i < 20; i++) expect(P_ALIVE([population[i]], population)[0][0]).toBe(spill[i][0]);
    // the source module: the population cache fits once for any number of rows
    const before = populationCache.computed;
    for (let i = 0; i < 20; i++) pAlive([population[i]], population);
    expect(populationCache.computed - before).toBeLessThanOrEqual(1);
  });

  it('TIER.CLV fits both models on a 4-column population and discounts over the horizon', () => {
    const block = Array.from(sim.x, (x, i) => [x, sim.tx[i], sim.T[i], sim.meanValue[i]]);
    const out = CLV(block.slice(0, 5), block, 52, 0.3, 0.1, 'week');
    const table = CLV(block.slice(0, 5), TABLE, 52, 0.3, 0.1, null);
    const engine = customerLifetimeValue(PUBLISHED, { p: 6.25, q: 3.74, gamma: 15.44 }, { x: sim.x.slice(0, 5), tx: sim.tx.slice(0, 5), T: sim.T.slice(0, 5), meanValue: sim.meanValue.slice(0, 5) }, { horizon: 52, unit: 'week', margin: 0.3, discountRate: 0.1 });
    for (let i = 0; i < 5; i++) {
      expect(table[i][0]).toBeCloseTo(engine.clv[i], 10);
      // fitted on 3,000 simulated customers: close to the CLV under the true parameters
      expect(Math.abs((out[i][0] as number) - engine.clv[i])).toBeLessThan(0.25 * engine.clv[i] + 0.5);
    }
    expect(thrown(() => CLV(block.slice(0, 1), [['r', 1], ['alpha', 1], ['a', 1], ['b', 1]], 12, 1, 0.1, 'month')).message).toMatch(/no Gamma-Gamma parameters/);
    expect(thrown(() => CLV(block.slice(0, 1), TABLE, 0, 1, 0.1, 'month')).message).toMatch(/horizon must be a number of months above 0/);
  });
});

describe('TIER.CLV_FIT', () => {
  it('spills the fitted parameters of a transaction log with their standard errors and diagnostics', async () => {
    const path = join(DATA_DIR, 'cdnow', 'CDNOW_sample.txt');
    if (!existsSync(path)) {
      console.warn(`SKIPPED: reference data ${path} is not present; these assertions did not run.`);
      return;
    }
    const rows = readFileSync(path, 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/));
    const out = await CLV_FIT(rows.map((r) => [r[1]]), rows.map((r) => [r[2]]), rows.map((r) => [Number(r[4])]), '1997-09-30', 'week');
    expect(out[0]).toEqual(['Parameter', 'Value', 'Std error']);
    const get = (name: string) => out.find((r) => r[0] === name) as unknown[];
    expect(get('unit')[1]).toBe('week');
    expect(get('calibration_end')[1]).toBe('1997-09-30');
    expect(get('customers')[1]).toBe(2357);
    expect(Number((get('r')[1] as number).toPrecision(3))).toBe(0.243);
    expect(Number((get('b')[1] as number).toPrecision(3))).toBe(2.43);
    expect(Number((get('p')[1] as number).toPrecision(3))).toBe(6.25);
    expect(get('r')[2] as number).toBeGreaterThan(0);
    expect(get('bgnbd_converged')[1]).toBe(true);
    expect(Math.abs((get('bgnbd_loglik')[1] as number) + 9582.43)).toBeLessThan(0.01);
    // the table is a model for the other functions
    const alive = P_ALIVE([[2, 30.43, 38.86]], out);
    expect(alive[0][0]).toBeCloseTo(probabilityAlive({ r: get('r')[1] as number, alpha: get('alpha')[1] as number, a: get('a')[1] as number, b: get('b')[1] as number }, 2, 30.43, 38.86), 12);
  });

  it('says what is wrong with its arguments', async () => {
    expect((await rejected(() => CLV_FIT([['a']], [['2024-01-01']], [[1], [2]], null, null))).message).toBe('customers, dates and amounts must have the same number of rows, got 1, 1 and 2');
    expect((await rejected(() => CLV_FIT([['a']], [['2024-01-01']], [[1]], null, 'year'))).message).toBe('unit must be "day", "week" or "month", got "year"');
    // one customer cannot fit a model: the engine's message reaches the cell
    expect((await rejected(() => CLV_FIT([['a'], ['a']], [['2024-01-01'], ['2024-02-01']], [[1], [2]], null, 'week'))).code).toBe('#VALUE!');
  });
});
