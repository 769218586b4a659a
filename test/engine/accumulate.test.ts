import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { type AccumulateRows, type PurchaseRule, type RowSums, accumulateRows, accumulateRowsJs } from '../../src/engine/accumulate';
import { accumulateRowsWasm } from '../../src/engine/accumulate-wasm';

const sumsFor = (k: number): RowSums => ({
  first: new Float64Array(k).fill(Infinity),
  last: new Float64Array(k).fill(-Infinity),
  seen: new Uint8Array(k),
  money: new Float64Array(k),
  freq: new Float64Array(k),
});
const plain = (s: RowSums) => ({ first: Array.from(s.first), last: Array.from(s.last), seen: Array.from(s.seen), money: Array.from(s.money), freq: Array.from(s.freq) });

// amounts that round on a half (…5 in the next decimal), negative, zero and −0, and floats just off a half
const amount = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }).map((c) => c / 100),
  fc.integer({ min: -100_000, max: 100_000 }).map((c) => (c + 0.5) / 100),
  fc.constantFrom(0, -0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 1.005, 0.285, -0.285, 1e15 + 0.5, 4503599627370497),
);

/** Rows (per-row days or ascending runs), the rule and the customer count. */
const cases = fc
  .record({
    k: fc.integer({ min: 1, max: 12 }),
    rows: fc.array(fc.record({ c: fc.nat(), d: fc.integer({ min: 0, max: 30 }), frac: fc.boolean(), a: amount, keep: fc.boolean(), cancel: fc.boolean() }), { minLength: 0, maxLength: 80 }),
    inDateOrder: fc.boolean(),
    useKeep: fc.boolean(),
    useCancel: fc.boolean(),
    net: fc.boolean(),
    countRows: fc.boolean(),
    unitScale: fc.constantFrom(0, 1, 10, 100, 1000),
    block: fc.integer({ min: 1, max: 9 }),
    // customers already marked before the pass (listed without a purchase: keepNoPurchase)
    listed: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  })
  .map((t) => {
    const rows = t.inDateOrder ? [...t.rows].sort((x, y) => x.d - y.d) : t.rows;
    const cust = Int32Array.from(rows, (r) => r.c % t.k);
    const perRow = Float64Array.from(rows, (r) => 19000 + r.d + (r.frac && !t.inDateOrder ? 0.25 : 0));
    let days: AccumulateRows['days'] = perRow;
    if (t.inDateOrder) {
      const lengths: number[] = [];
      const values: number[] = [];
      for (const d of perRow) {
        if (values.length > 0 && values[values.length - 1] === d) lengths[lengths.length - 1]++;
        else {
          values.push(d);
          lengths.push(1);
        }
      }
      days = { lengths: Float64Array.from(lengths), values: Float64Array.from(values) };
    }
    const input: AccumulateRows = { cust, days, amounts: Float64Array.from(rows, (r) => r.a), keep: t.useKeep ? Uint8Array.from(rows, (r) => (r.keep ? 1 : 0)) : null };
    const rule: PurchaseRule = { net: t.net, countRows: t.countRows, unitScale: t.unitScale, cancelledRow: t.useCancel ? Uint8Array.from(rows, (r) => (r.cancel ? 1 : 0)) : null };
    return { input, rule, k: t.k, block: t.block, listed: t.listed.slice(0, t.k) };
  });

describe('the row pass (accumulate)', () => {
  it('the WebAssembly loop gives exactly the JavaScript loop’s sums and latest day, in any block size', () => {
    fc.assert(
      fc.property(cases, ({ input, rule, k, block, listed }) => {
        const js = sumsFor(k);
        const wasm = sumsFor(k);
        listed.forEach((on, c) => {
          js.seen[c] = wasm.seen[c] = on ? 1 : 0;
        });
        const maxJs = accumulateRowsJs(input, rule, js);
        const maxWasm = accumulateRowsWasm(input, rule, wasm, block);
        expect(maxWasm).toBe(maxJs);
        expect(plain(wasm)).toEqual(plain(js));
      }),
      { numRuns: 400 },
    );
  });

  it('sums money as whole units rounded half up, as Math.round does', () => {
    const rows: AccumulateRows = { cust: Int32Array.of(0, 1, 2, 3, 4, 5), days: Float64Array.of(1, 1, 1, 1, 1, 1), amounts: Float64Array.of(0.025, -0.025, 0.035, 1.005, -1.015, 2.675), keep: null };
    const s = sumsFor(6);
    expect(accumulateRowsWasm(rows, { net: false, cancelledRow: null, unitScale: 100, countRows: true }, s)).toBe(1);
    expect(Array.from(s.money)).toEqual([0.025, -0.025, 0.035, 1.005, -1.015, 2.675].map((a) => Math.round(a * 100)));
  });

  it('a date-ordered log: first and last purchase from runs of one day cut across blocks', () => {
    const n = 50_000;
    const cust = Int32Array.from({ length: n }, (_, i) => (i * 7919) % 97);
    const lengths = Float64Array.from({ length: 500 }, () => n / 500);
    const values = Float64Array.from({ length: 500 }, (_, r) => 20000 + r);
    const rows: AccumulateRows = { cust, days: { lengths, values }, amounts: Float64Array.from({ length: n }, (_, i) => ((i % 13) - 3) / 4), keep: null };
    const rule: PurchaseRule = { net: true, cancelledRow: null, unitScale: 100, countRows: true };
    const js = sumsFor(97);
    const wasm = sumsFor(97);
    expect(accumulateRowsWasm(rows, rule, wasm)).toBe(accumulateRowsJs(rows, rule, js));
    expect(plain(wasm)).toEqual(plain(js));
    expect(wasm.first[0]).toBe(20000);
  });

  it('stops with an internal error on a customer code outside the sums, where the JavaScript loop would drop the row', () => {
    const rows: AccumulateRows = { cust: Int32Array.of(0, 2), days: Float64Array.of(1, 2), amounts: Float64Array.of(1, 1), keep: null };
    expect(() => accumulateRowsWasm(rows, { net: false, cancelledRow: null, unitScale: 1, countRows: true }, sumsFor(2))).toThrow(/internal: a customer code outside 0…1 in rows 1–2/);
  });

  it('runs the JavaScript loop where WebAssembly is missing', () => {
    const saved = globalThis.WebAssembly;
    try {
      (globalThis as { WebAssembly?: unknown }).WebAssembly = undefined;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('../../src/engine/accumulate-wasm') as typeof import('../../src/engine/accumulate-wasm');
        const rows: AccumulateRows = { cust: Int32Array.of(0, 1, 0), days: Float64Array.of(5, 6, 7), amounts: Float64Array.of(1.5, 2, -1), keep: null };
        expect(fresh.accumulateRowsWasm(rows, { net: true, cancelledRow: null, unitScale: 10, countRows: true }, sumsFor(2))).toBeNull();
      });
    } finally {
      globalThis.WebAssembly = saved;
    }
    const s = sumsFor(2);
    const rows: AccumulateRows = { cust: Int32Array.of(0, 1, 0), days: Float64Array.of(5, 6, 7), amounts: Float64Array.of(1.5, 2, -1), keep: null };
    expect(accumulateRows(rows, { net: true, cancelledRow: null, unitScale: 10, countRows: true }, s)).toBe(7);
    expect(plain(s)).toEqual({ first: [5, 6], last: [5, 6], seen: [1, 1], money: [5, 20], freq: [1, 1] });
  });

  it('runs the JavaScript loop when no instance can be had (its memory reserves address space)', () => {
    const saved = globalThis.WebAssembly;
    try {
      (globalThis as { WebAssembly?: unknown }).WebAssembly = {
        Module: saved.Module,
        Instance: class {
          constructor() {
            throw new RangeError('WebAssembly.Instance(): Out of memory: Cannot allocate Wasm memory for new instance');
          }
        },
      };
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('../../src/engine/accumulate') as typeof import('../../src/engine/accumulate');
        const n = 20_000;
        const rows: AccumulateRows = { cust: Int32Array.from({ length: n }, (_, i) => i % 3), days: Float64Array.from({ length: n }, (_, i) => i % 11), amounts: new Float64Array(n).fill(2.5), keep: null };
        const rule: PurchaseRule = { net: true, cancelledRow: null, unitScale: 10, countRows: true };
        const s = sumsFor(3);
        expect(fresh.accumulateRows(rows, rule, s)).toBe(10);
        const js = sumsFor(3);
        accumulateRowsJs(rows, rule, js);
        expect(plain(s)).toEqual(plain(js));
      });
    } finally {
      globalThis.WebAssembly = saved;
    }
  });

  it('the bytes the engine loads are the .wat source compiled (npm run build:wasm)', () => {
    const root = join(__dirname, '..', '..');
    const printed = execFileSync(process.execPath, [join(root, 'scripts', 'build-wasm.mjs'), '--print'], { encoding: 'utf8' });
    expect(readFileSync(join(root, 'src', 'engine', 'wasm', 'accumulate-bytes.ts'), 'utf8')).toBe(printed);
  });
});
