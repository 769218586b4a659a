// Spawns the built command (run `npm run build:cli` first), as a user would.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'tierwise.js');
const built = existsSync(join(ROOT, 'dist-cli', 'cli', 'main.js'));

describe('bin/tierwise.js', () => {
  it('classifies the example into an xlsx from a fresh checkout layout', () => {
    if (!built) {
      console.warn('skipped: dist-cli/ is missing — run `npm run build:cli` first');
      return;
    }
    const out = join(mkdtempSync(join(tmpdir(), 'tierwise-bin-')), 'tiers.xlsx');
    const r = spawnSync(process.execPath, [BIN, 'classify', 'examples/transactions.csv', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^tierwise: read examples\/transactions.csv: UTF-8/);
    expect(r.stderr).toMatch(/\ntierwise: rfm: 150 customers from 2,001 of 2,001 rows/);
    expect(r.stderr).toContain(`tierwise: wrote ${out}`);
    expect(existsSync(out)).toBe(true);
  });

  it('exits non-zero with one line for a missing file', () => {
    if (!built) {
      console.warn('skipped: dist-cli/ is missing — run `npm run build:cli` first');
      return;
    }
    const r = spawnSync(process.execPath, [BIN, 'classify', 'nope.csv'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('tierwise: nope.csv: no such file\n');
  });
});
