import fc from 'fast-check';
import { abcClasses, aggregateTransactions, classifyCustomers, exactDecimals, exactSum, keyColumn, moneyDecimals, numberColumn, shareAtMost, shareBelow, summarizeTiers, ABC_TIERS } from '../../src/engine';
import { scores } from './scores';

/** A day-number column with no rejected cells. */
const days = (xs: number[]) => ({ values: Float64Array.from(xs), reasons: null });

describe('exact money', () => {
  it('reads the input\'s decimals off the values, float noise included', () => {
    expect(moneyDecimals([19.99, 5, 0.5])).toBe(2);
    expect(moneyDecimals([3 * 0.1, 2])).toBe(1);
    expect(moneyDecimals([12, -4])).toBe(0);
    expect(moneyDecimals([0.0000001])).toBe(6);
  });
  it('keeps doubles for values that are not decimal money (more than six decimals)', () => {
    // rounded to six decimals these would all be 0, and every customer C
    const tiny = [6e-9, 3e-9, 1e-9];
    expect(exactDecimals(tiny)).toBeNull();
    expect(exactDecimals([19.99, 3])).toBe(2);
    expect(Array.from(abcClasses(tiny).classes)).toEqual([0, 0, 1]);
    expect(exactSum(tiny)).toBeCloseTo(1e-8, 20);
    expect(summarizeTiers(ABC_TIERS, new Uint8Array([0, 0, 1]), tiny)[0].value).toBeCloseTo(9e-9, 20);
  });
  it('sums exactly: 0.1 + 0.2 is 0.3 and returns that cancel purchases leave exactly 0', () => {
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([0.1, 0.2, -0.3])).toBe(0);
  });
  it('compares shares exactly, taking 0.8 as 8/10', () => {
    expect(shareAtMost(80, 100, 0.8)).toBe(true);
    expect(shareBelow(80, 100, 0.8)).toBe(false);
    expect(shareAtMost(2 ** 52, 2 ** 52 + 1, 0.9999)).toBe(false);
    expect(shareBelow(7999, 10000, 0.8)).toBe(true);
  });
  it('issue 11, case 3: a customer whose purchases total exactly 19.99 gets 19.99, and net zero is 0', () => {
    const amounts = [6.33, 6.33, 7.33];
    // the float sum is not 19.99, so this test would fail on a float sum
    expect(amounts.reduce((s, x) => s + x, 0)).not.toBe(19.99);
    const rows = [...amounts, 0.1, 0.2, -0.3];
    const c = aggregateTransactions({
      customer: keyColumn(['A', 'A', 'A', 'Z', 'Z', 'Z']),
      date: days([1, 2, 3, 1, 2, 3]),
      amount: numberColumn(rows),
    });
    expect(Array.from(c.monetary)).toEqual([19.99, 0]);
    expect(Object.is(c.monetary[1], 0)).toBe(true);
    expect(c.moneyDecimals).toBe(2);
  });
  it('the M score agrees with an exact DECIMAL sum where float sums disagree', () => {
    // B's float sum 0.1 + 0.2 = 0.30000000000000004 ranks above C's 0.3; as decimals they tie
    const c = aggregateTransactions({ customer: keyColumn(['B', 'B', 'C']), date: days([1, 2, 1]), amount: numberColumn([0.1, 0.2, 0.3]) });
    expect(c.monetary[0]).toBe(c.monetary[1]);
    const k = classifyCustomers(c, { method: 'rfm' });
    expect(scores(k, 'm')[0]).toBe(scores(k, 'm')[1]);
  });

  it('property: shuffled rows give identical customers, M scores and ABC classes, equal to an exact sum in cents', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: -50000, max: 500000 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 300 }), fc.integer(), (rows, seed) => {
        if (!rows.some((r) => r[2] > 0)) return true;
        const shuffled = [...rows];
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        const run = (rs: typeof rows) => {
          const c = aggregateTransactions({
            customer: keyColumn(rs.map((r) => `c${r[0]}`)),
            date: days(rs.map((r) => r[1])),
            amount: numberColumn(rs.map((r) => r[2] / 100)),
          });
          return { c, rfm: classifyCustomers(c, { method: 'rfm' }), abc: abcClasses(c.monetary) };
        };
        const a = run(rows);
        const b = run(shuffled);
        expect(b.c.keys).toEqual(a.c.keys);
        expect(Array.from(b.c.monetary)).toEqual(Array.from(a.c.monetary));
        expect(scores(b.rfm, 'm')).toEqual(scores(a.rfm, 'm'));
        expect(Array.from(b.abc.classes)).toEqual(Array.from(a.abc.classes));
        // each monetary is the exact sum of its cents (BigInt), as SQL DECIMAL gives
        const cents = new Map<string, bigint>();
        for (const r of rows) cents.set(`c${r[0]}`, (cents.get(`c${r[0]}`) ?? 0n) + BigInt(r[2]));
        a.c.keys.forEach((k, i) => expect(a.c.monetary[i]).toBe(Number(cents.get(k)) / 100));
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
