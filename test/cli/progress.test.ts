import { etaText, progress } from '../../src/cli/progress';

describe('progress on stderr', () => {
  it('says the share done and, once it can tell, the time left', () => {
    let t = 0;
    let out = '';
    const p = progress({ isTTY: true, write: (c) => (out += String(c)) }, 'reading big.csv', () => t);
    p.update(0, 100);
    expect(out).toBe('\r\x1b[Ktierwise: reading big.csv… 0%');
    t = 2000;
    p.update(25, 100);
    expect(out.endsWith('\r\x1b[Ktierwise: reading big.csv… 25% (about 6 s left)')).toBe(true);
    p.done();
    expect(out.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes nothing when stderr is not a terminal', () => {
    let out = '';
    const p = progress({ write: (c) => (out += String(c)) }, 'x');
    p.update(1, 2);
    p.done();
    expect(out).toBe('');
  });

  it('gives minutes for long waits and nothing before 1% or 1 s', () => {
    expect(etaText(60_000, 0.1)).toBe('about 9 min left');
    expect(etaText(500, 0.5)).toBe('');
    expect(etaText(5000, 0.001)).toBe('');
  });
});
