#!/usr/bin/env node
// Rules method throughput: the education example's rule table of four types over generated
// customer tables (100k and 1M rows: Stage, Need, Area as text, Revenue as numeric text), with and
// without full/half-width folding and simplified/traditional Chinese folding. Prints the median of RUNS runs. Needs `npm run build:cli`.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { RUNS, time } from './bench-timing.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engine = require(join(root, 'dist-cli/engine/index.js'));
const table = engine.parseRuleCsv(readFileSync(join(root, 'examples/education-rules.csv'), 'utf8'));

let seed = 7;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

console.log(`rules benchmark — median of ${RUNS} runs, node ${process.version}, ${table.rules.length} rules over ${table.columns.join(', ')}`);
for (const n of [100_000, 1_000_000]) {
  const cols = {
    Stage: Array.from({ length: n }, () => pick(['幼儿园', '小学', '中学', '大学', ' 中学 '])),
    Need: Array.from({ length: n }, () => pick(['转学', '升学', '补习', '职业培训', ''])),
    Area: Array.from({ length: n }, () => pick(['城市', '农村'])),
    Revenue: Array.from({ length: n }, () => (rand() * 5000).toFixed(0)),
  };
  for (const fold of [{ caseSensitive: false, foldWidth: false }, { caseSensitive: false, foldWidth: true }, { caseSensitive: false, foldWidth: false, foldChinese: true }]) {
    const r = time(() => engine.applyRules(table, n, (name) => cols[name], fold));
    const label = fold.foldWidth ? 'width folding' : fold.foldChinese ? 'Chinese folding' : 'default';
    console.log(`  ${n.toLocaleString('en-US')} rows, ${label}: ${r.ms.toFixed(1)} ms (${((n / r.ms) * 1000 / 1e6).toFixed(2)} M rows/s; ${r.out.report.uncovered.toLocaleString('en-US')} uncovered)`);
  }
}
