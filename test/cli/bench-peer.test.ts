import { peerCompute, peerLines, readPeerColumns } from '../../src/cli/bench-peer';
import { tempDir, writeTemp } from './helpers';

describe('bench peer', () => {
  it('reads the benchmark CSV with the CLI reader (columns found by header, amounts parsed on the way)', () => {
    const file = writeTemp(tempDir(), 'tx.csv', 'customer_id,invoice_date,amount\r\n100002,2024-01-31,-12.50\r\n100001,2024-02-01,3\r\n');
    const c = readPeerColumns(file);
    expect(c.customer.length).toBe(2);
    const s = peerCompute(c);
    expect(s.rows).toBe(2);
    expect(s.customers).toBe(2);
    expect(s.monetaryTotal).toBe(-9.5);
  });

  it('names the file when the columns are not there', () => {
    const file = writeTemp(tempDir(), 'x.csv', 'a\n1\n2\n');
    expect(() => readPeerColumns(file)).toThrow(/x\.csv/);
  });

  it('computes the reference summary (rank-first quintiles, ABC, digest over customer ids)', () => {
    // 5 customers, one row each: R, F, M ranks are fully determined
    const s = peerCompute({
      customer: ['5', '4', '3', '2', '1'],
      date: ['2024-01-10', '2024-01-11', '2024-01-12', '2024-01-13', '2024-01-14'],
      amount: ['100', '50', '20', '20', '10'],
    });
    expect(s.customers).toBe(5);
    expect(s.R).toBe('1,1,1,1,1');
    expect(s.ABC).toBe('A:2,B:2,C:1'); // cumulative shares 0.5, 0.75, 0.85, 0.95, 1
    const lines = peerLines(s, 1, 2);
    expect(lines[0]).toMatch(/^summary peer=engine rows=5 customers=5 R=1,1,1,1,1 F=1,1,1,1,1 M=1,1,1,1,1 ABC=A:2,B:2,C:1 rfm_digest=\d+ monetary_total=200\.00$/);
    expect(lines[1]).toBe('timing parse_ms=1.0 prep_ms=0 compute_ms=2.0');
  });
});
