import { peerCompute, peerLines } from '../../src/cli/bench-peer';
import { parseTxBytes } from '../../src/cli/tx-bytes';

describe('bench peer', () => {
  it('parses the 3-column benchmark CSV into typed columns and names a bad row', () => {
    const tx = parseTxBytes(Buffer.from('customer_id,invoice_date,amount\r\n100002,2024-01-31,-12.50\r\n100001,2024-02-01,3\r\n'));
    expect(tx.rows).toBe(2);
    expect(Array.from(tx.ids)).toEqual([100002, 100001]);
    expect(Array.from(tx.days)).toEqual([19753, 19754]);
    expect(Array.from(tx.amounts)).toEqual([-12.5, 3]);
    expect(() => parseTxBytes(Buffer.from('h\n1,2024/01/01,3\n'))).toThrow('row 2: invoice_date is not YYYY-MM-DD');
  });

  it('computes the reference summary (rank-first quintiles, ABC, digest over customer ids)', () => {
    // 5 customers, one row each: R, F, M ranks are fully determined
    const ids = new Float64Array([5, 4, 3, 2, 1]);
    const days = new Float64Array([10, 11, 12, 13, 14]);
    const amounts = new Float64Array([100, 50, 20, 20, 10]);
    const s = peerCompute(ids, days, amounts);
    expect(s.customers).toBe(5);
    expect(s.R).toBe('1,1,1,1,1');
    expect(s.ABC).toBe('A:2,B:2,C:1'); // cumulative shares 0.5, 0.75, 0.85, 0.95, 1
    const lines = peerLines(s, 1, 2);
    expect(lines[0]).toMatch(/^summary peer=engine rows=5 customers=5 R=1,1,1,1,1 F=1,1,1,1,1 M=1,1,1,1,1 ABC=A:2,B:2,C:1 rfm_digest=\d+ monetary_total=200\.00$/);
    expect(lines[1]).toBe('timing parse_ms=1.0 prep_ms=0 compute_ms=2.0');
  });
});
