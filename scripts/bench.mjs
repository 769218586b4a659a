#!/usr/bin/env node
// `npm run bench`: runs each benchmark in its own process (so one's heap does not slow the
// next) and prints their figures. Medians throughout; the machine is shared, so compare ratios.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benches = [
  ['engine', 'scripts/bench-engine.mjs'],
  ['k-means vs scikit-learn', 'scripts/bench-kmeans.mjs'],
  ['CLV models (BG/NBD + Gamma-Gamma)', 'scripts/bench-clv.mjs'],
  ['lifecycle, value matrix, grading', 'scripts/bench-lifecycle-matrix-grade.mjs'],
  ['rules method', 'scripts/bench-rules.mjs'],
  ['custom functions', 'scripts/bench-functions.mjs'],
  ['task pane (in-memory Excel host)', 'scripts/bench-pane.mjs'],
  ['CLI (whole processes)', 'scripts/bench-cli.mjs'],
  ['CLI big workbooks (streamed xlsx)', 'scripts/bench-xlsx.mjs'],
  ['CSV reading (MB/s)', 'scripts/bench-reading.mjs'],
  ['big files: in memory vs --engine duckdb (BENCH_BIG=1 adds 50M rows)', 'scripts/bench-big.mjs'],
];
let failed = 0;
for (const [name, file] of benches) {
  console.log(`\n=== ${name} (${file}) ===`);
  if (!existsSync(join(root, file))) {
    console.log('not present');
    continue;
  }
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', join(root, file)], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) failed++;
}
console.log('\nPeer comparison (pandas, R, plain JS; needs python3-pandas):');
console.log(`  PY_THREADS=1 PEERS="pandas_rfm_abc node_rfm_abc" ENGINE_CMD="node ${join(root, 'dist-cli/cli/bench-peer.js')}" ../shared/bench/peers/run.sh 1000000`);
process.exit(failed ? 1 : 0);
