import fc from 'fast-check';
import { migration, migrationTable, topMovers } from '../../../src/engine/loop/migration';

const TIERS = ['A', 'B', 'C'];

describe('migration', () => {
  it('counts moves, new and gone', () => {
    const m = migration({ a: 'A', b: 'B', c: 'C', d: 'A' }, { a: 'B', b: 'A', c: 'C', e: 'C' }, TIERS, {
      current: { a: 50, b: 20, c: 1, e: 3 },
      previous: { d: 7 },
    });
    expect(m.totals).toEqual({ up: 1, down: 1, same: 1, new: 1, gone: 1 });
    expect(m.counts[0][1]).toBe(1); // a: A → B
    expect(m.counts[1][0]).toBe(1); // b: B → A
    expect(m.counts[3][2]).toBe(1); // e new → C
    expect(m.counts[0][3]).toBe(1); // d A → gone
    expect(m.values[0][3]).toBe(7);
    expect(m.valueTotals.down).toBe(50);
    expect(m.previousCounts).toEqual([2, 1, 1]);
    expect(m.currentCounts).toEqual([1, 1, 2]);
    const byKey = new Map(m.customers.map((c) => [c.customer, c]));
    expect(byKey.get('a')).toMatchObject({ previous: 'A', current: 'B', change: 'down', steps: -1 });
    expect(byKey.get('d')).toMatchObject({ previous: 'A', current: null, change: 'gone' });
    expect(topMovers(m, 1).map((c) => c.customer)).toEqual(['a']);
  });

  it('treats null tiers as absent and appends unknown tiers', () => {
    const m = migration(new Map([['x', null], ['y', 'Z']]), new Map([['x', 'A'], ['y', 'A']]), TIERS);
    expect(m.tiers).toEqual(['A', 'B', 'C', 'Z']);
    expect(m.customers.find((c) => c.customer === 'x')?.change).toBe('new');
    expect(m.customers.find((c) => c.customer === 'y')?.change).toBe('up');
  });

  it('rejects a tier order with duplicates', () => {
    expect(() => migration({}, {}, ['A', 'A'])).toThrow(/twice/);
  });

  it('table has totals row and column', () => {
    const t = migrationTable(migration({ a: 'A' }, { a: 'B', b: 'A' }, ['A', 'B']));
    expect(t[0]).toEqual(['Previous \\ Current', 'A', 'B', 'Gone', 'Total']);
    expect(t[t.length - 1]).toEqual(['Total', 1, 1, 0, 2]);
    expect(migrationTable(migration({}, {}, ['A']), 'zh-CN')[0][0]).toBe('之前 \\ 现在');
  });

  it('property: totals preserved, new/gone are the set differences', () => {
    const snapshot = fc.dictionary(fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8'), fc.constantFrom('A', 'B', 'C'));
    fc.assert(
      fc.property(snapshot, snapshot, (prev, curr) => {
        const m = migration(prev, curr, TIERS);
        const n = m.tiers.length;
        for (let p = 0; p < n; p++) {
          const rowSum = m.counts[p].reduce((s, x) => s + x, 0);
          expect(rowSum).toBe(Object.values(prev).filter((t) => t === m.tiers[p]).length);
        }
        for (let c = 0; c < n; c++) {
          const colSum = m.counts.reduce((s, row) => s + row[c], 0);
          expect(colSum).toBe(Object.values(curr).filter((t) => t === m.tiers[c]).length);
        }
        const prevKeys = new Set(Object.keys(prev));
        const currKeys = new Set(Object.keys(curr));
        expect(m.totals.new).toBe([...currKeys].filter((k) => !prevKeys.has(k)).length);
        expect(m.totals.gone).toBe([...prevKeys].filter((k) => !currKeys.has(k)).length);
        expect(m.counts[n][n]).toBe(0);
        const total = m.totals.up + m.totals.down + m.totals.same + m.totals.new + m.totals.gone;
        expect(total).toBe(new Set([...prevKeys, ...currKeys]).size);
        for (const ch of m.customers) {
          if (ch.change === 'up') expect(TIERS.indexOf(ch.current as string)).toBeLessThan(TIERS.indexOf(ch.previous as string));
          if (ch.change === 'down') expect(TIERS.indexOf(ch.current as string)).toBeGreaterThan(TIERS.indexOf(ch.previous as string));
        }
      }),
    );
  });
});
