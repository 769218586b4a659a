/**
 * The aggregation's row pass in the built bundle (dist/functions.js): from 16,384 rows it runs in
 * WebAssembly (src/engine/accumulate-wasm.ts); the bundle must carry the module and give what the
 * JavaScript loop gives where WebAssembly is missing.
 */
import { type AsyncFn, col, loadBundle } from './bundle';

describe('TIER.RFM_TABLE on 20,000 transactions, with and without WebAssembly', () => {
  it('the bundle compiles its module once and gives the JavaScript loop’s table', async () => {
    let compiled = 0;
    class CountingModule extends WebAssembly.Module {
      constructor(bytes: BufferSource) {
        super(bytes);
        compiled++;
      }
    }
    const withWasm = loadBundle({ WebAssembly: { Module: CountingModule, Instance: WebAssembly.Instance } }).fns.RFM_TABLE as unknown as AsyncFn;
    const withoutWasm = loadBundle({ WebAssembly: undefined }).fns.RFM_TABLE as unknown as AsyncFn;
    const n = 20_000;
    // in date order with returns, and out of order: both ways through the row pass
    let s = 7;
    const next = (m: number): number => {
      s = (s * 48271) % 2147483647; // Park–Miller: exact in doubles
      return s % m;
    };
    const customers = Array.from({ length: n }, () => 10000 + next(700));
    const inOrder = Array.from({ length: n }, (_, i) => 45000 + Math.floor(i / 60));
    const shuffled = inOrder.map((d) => d + next(30) - 15);
    const amounts = Array.from({ length: n }, () => (next(10) === 0 ? -1 : 1) * (next(50000) / 100 + 0.005));
    for (const dates of [inOrder, shuffled]) {
      const args = [col(customers), col(dates), col(amounts), null, null];
      const wasm = await withWasm(...args);
      const js = await withoutWasm(...args);
      expect(wasm.length).toBeGreaterThan(600);
      expect(wasm).toEqual(js);
    }
    expect(compiled).toBe(1);
  });
});
