/**
 * Property: the spill form and the per-row form (each row given the whole range as population)
 * agree on every row, for every classifying function — with ties, blanks and error cells.
 */
import fc from 'fast-check';
import { type Fn, StubError, loadBundle } from './bundle';

const { fns } = loadBundle();

/** Cells as Excel passes them: numbers with many ties, blanks, numeric text, the odd error. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 12 }) },
  { weight: 3, arbitrary: fc.double({ min: -100, max: 1000, noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 50 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom(new StubError('#N/A'), '#DIV/0!') },
);
const column = fc.array(cell, { minLength: 1, maxLength: 60 }).filter((cells) => cells.some((c) => typeof c === 'number'));
const block = fc
  .array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 40 })
  .filter((rows) => [0, 1, 2].every((j) => rows.some((r) => typeof r[j] === 'number')));

/** The same result cell (errors compared by code). */
const same = (a: unknown, b: unknown): boolean =>
  a instanceof StubError || b instanceof StubError ? a instanceof StubError && b instanceof StubError && a.code === b.code : Object.is(a, b);

function agrees(fn: Fn, rows: unknown[][], ...options: unknown[]): void {
  const spill = fn(rows, null, ...options);
  expect(spill.length).toBe(rows.length);
  rows.forEach((row, i) => {
    const single = fn([row], rows, ...options);
    expect(single.length).toBe(1);
    spill[i].forEach((v, j) => {
      if (!same(v, single[0][j])) throw new Error(`row ${i}: spill ${String(v)} vs per-row ${String(single[0][j])}`);
    });
  });
}

const PROPS = { numRuns: 150 };

describe('spill and per-row forms agree on every row', () => {
  it('QUANTILE_SCORE', () => {
    fc.assert(fc.property(column, fc.integer({ min: 2, max: 10 }), fc.boolean(), (cells, bins, desc) => agrees(fns.QUANTILE_SCORE, cells.map((c) => [c]), bins, desc)), PROPS);
  });

  it('ABC_CLASS', () => {
    const shares = fc.tuple(fc.double({ min: 0.05, max: 0.6, noNaN: true }), fc.double({ min: 0.65, max: 0.99, noNaN: true }));
    fc.assert(fc.property(column, shares, (cells, [a, b]) => agrees(fns.ABC_CLASS, cells.map((c) => [c]), a, b)), PROPS);
  });

  it('PYRAMID', () => {
    fc.assert(fc.property(column, (cells) => agrees(fns.PYRAMID, cells.map((c) => [c]), null)), PROPS);
  });

  it('RFM_SCORE', () => {
    fc.assert(fc.property(block, fc.integer({ min: 2, max: 10 }), (rows, bins) => agrees(fns.RFM_SCORE, rows, bins)), PROPS);
  });

  it('RFM_SEGMENT', () => {
    fc.assert(fc.property(block, fc.integer({ min: 2, max: 10 }), (rows, bins) => agrees(fns.RFM_SEGMENT, rows, bins)), PROPS);
  });

  it('GRADE (population last; weights and directions given)', () => {
    const weights = fc.constantFrom(null, [[0.2, 0.3, 0.5]], [[1, 1, 1]], [[0, 2, 7]]);
    const directions = fc.constantFrom(null, [['low', 'high', 'high']], [['high', 'low', 'low']]);
    fc.assert(
      fc.property(block, weights, directions, (rows, w, d) => {
        const spill = fns.GRADE(rows, w, d, null, null);
        rows.forEach((row, i) => {
          const single = fns.GRADE([row], w, d, null, rows)[0][0];
          if (!same(spill[i][0], single)) throw new Error(`row ${i}: spill ${String(spill[i][0])} vs per-row ${String(single)}`);
        });
      }),
      PROPS,
    );
  });

  it('MATRIX (two columns, populations last)', () => {
    fc.assert(
      fc.property(block, (rows) => {
        const xs = rows.map((r) => [r[0]]);
        const ys = rows.map((r) => [r[1]]);
        const spill = fns.MATRIX(xs, ys, null, null, null, null);
        rows.forEach((_, i) => {
          const single = fns.MATRIX([xs[i]], [ys[i]], null, null, xs, ys)[0][0];
          if (!same(spill[i][0], single)) throw new Error(`row ${i}: spill ${String(spill[i][0])} vs per-row ${String(single)}`);
        });
      }),
      PROPS,
    );
  });

  it('a row-shaped spill agrees cell by cell too', () => {
    fc.assert(
      fc.property(column, (cells) => {
        const spill = fns.ABC_CLASS([cells], null, null, null)[0];
        cells.forEach((c, i) => expect(same(spill[i], fns.ABC_CLASS([[c]], [cells], null, null)[0][0])).toBe(true));
      }),
      PROPS,
    );
  });
});
