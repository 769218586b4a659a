/** The reason for each tier in the CLI's outputs: always in JSON (`why`), with --explain in CSV and xlsx; the fitted model in JSON. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, run, tempDir } from './helpers';

const TX = join(EXAMPLES, 'transactions.csv');
const CUST = join(EXAMPLES, 'customers.csv');

describe('tierwise classify: why and model', () => {
  it('gives every JSON customer a reason that names its tier, and the fitted model with its parameters', async () => {
    const doc = JSON.parse((await run('classify', TX, '-q')).stdout);
    for (const c of doc.customers) {
      expect(c.why).toMatch(new RegExp(`^R ${c.r} \\(recency ${c.recency} d [<≥] [\\d,]+ d\\) · F ${c.f} \\(.*\\) · M ${c.m} \\(.*\\) → ${c.score} → ${c.segment.replace(/[']/g, '.')}$`));
    }
    expect(doc.model).toMatchObject({ method: 'rfm', params: { bins: 5 }, bins: 5 });
    expect(doc.model.recency).toEqual(doc.cuts.recency);
    const abc = JSON.parse((await run('classify', CUST, '-m', 'abc', '--a-share', '0.7', '-q')).stdout);
    expect(abc.model).toMatchObject({ method: 'abc', params: { aShare: 0.7, bShare: 0.95 }, aShare: 0.7, bShare: 0.95 });
    for (const c of abc.customers) expect(c.why.startsWith(`${c.tier}: `)).toBe(true);
  });

  it('writes the reasons in the output language', async () => {
    const doc = JSON.parse((await run('classify', CUST, '-m', 'pyramid', '--lang', 'zh-CN', '-q')).stdout);
    expect(doc.customers[0].why).toMatch(/^(重要客户|次要客户|普通客户|小客户)：/);
  });

  it('adds a Why column to CSV only with --explain', async () => {
    const dir = tempDir();
    await run('classify', CUST, '-m', 'abc', '--out', join(dir, 'plain.csv'), '-q');
    await run('classify', CUST, '-m', 'abc', '--explain', '--out', join(dir, 'why.csv'), '-q');
    const plain = readFileSync(join(dir, 'plain.csv'), 'utf8').split('\r\n');
    const why = readFileSync(join(dir, 'why.csv'), 'utf8').split('\r\n');
    expect(plain[0]).not.toMatch(/Why/);
    expect(why[0].replace(/^\uFEFF/, '')).toBe(`${plain[0].replace(/^\uFEFF/, '')},Why`);
    expect(why[1]).toMatch(/,"?[ABC]: customers ranked above hold/);
  });

  it('lists every method and its flags in --help', async () => {
    const help = (await run('--help')).stdout;
    for (const flag of ['--bins N', '--a-share X', '--b-share X', '--pyramid-cuts S1,S2,S3', '--explain']) expect(help).toContain(flag);
    expect(help).toMatch(/-m, --method rfm\|abc\|pyramid/);
    expect(help).toMatch(/^ {2}pyramid {3}Customer pyramid$/m);
  });
});
