// Pane benchmark: classify a 10k-, 100k- and 1,000,000-row transaction selection through the
// in-memory Excel host and print requests (syncs), bytes sent and received, wall time, and the
// fewest syncs Excel's 5 MB payload limit allows for those bytes (reads + writes); then the pane
// bundle size. Counted from the Classify click (the preview on selection change is 2 more syncs);
// like the pane, the run gets the preview's area and cell sizes, so its first request also reads the table.
//   node scripts/bench-pane.mjs [rows…]      (compiles the TypeScript it needs with tsc first)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
// inside the repo so the compiled files resolve node_modules (simple-statistics…)
const OUT = join(ROOT, 'node_modules/.cache/tierwise-bench-pane');
mkdirSync(OUT, { recursive: true });
const tsconfig = join(OUT, 'tsconfig.json');
writeFileSync(tsconfig, JSON.stringify({
  extends: join(ROOT, 'tsconfig.json'),
  compilerOptions: { outDir: join(OUT, 'js'), rootDir: ROOT, noEmit: false, sourceMap: false, types: ['office-js'], typeRoots: [join(ROOT, 'node_modules/@types')] },
  include: [join(ROOT, 'src/taskpane/flow.ts'), join(ROOT, 'test/host/index.ts'), join(ROOT, 'test/host/fixtures.ts')],
}));
execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], { stdio: 'inherit' });
const require = createRequire(import.meta.url);
const { classifySelection, previewSelection } = require(join(OUT, 'js/src/taskpane/flow.js'));
const { createHost, PAYLOAD_LIMIT } = require(join(OUT, 'js/test/host/index.js'));
const { fillTransactions, runnerOf } = require(join(OUT, 'js/test/host/fixtures.js'));

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const mb = (b) => (b / 1e6).toFixed(2);
console.log('rows       customers  syncs  minimum  ratio  sent MB  received MB  max request MB  max response MB  wall s');
for (const rows of sizes.length ? sizes : [10_000, 100_000, 1_000_000]) {
  const host = createHost();
  fillTransactions(host, 'Sheet1', rows, Math.max(10, Math.round(rows / 10)));
  host.select('A:D');
  // the pane previews the selection when it changes (header, sample, sizes) before the click
  const preview = await previewSelection(runnerOf(host));
  host.resetStats();
  const t0 = performance.now();
  const out = await classifySelection(runnerOf(host), {
    cellBytes: preview.sample.cellBytes,
    area: preview.area,
    mapping: { invoice: 0, customer: 1, date: 2, amount: 3 },
    options: { method: 'rfm' },
    language: 'en',
  });
  const wall = (performance.now() - t0) / 1000;
  const s = host.stats;
  const minimum = Math.ceil(s.bytesReceived / PAYLOAD_LIMIT) + Math.ceil(s.bytesSent / PAYLOAD_LIMIT);
  console.log(
    [String(rows).padEnd(10), String(out.plan.customers.rows).padEnd(10), String(s.syncs).padStart(5), String(minimum).padStart(8),
      (s.syncs / minimum).toFixed(2).padStart(6), mb(s.bytesSent).padStart(8), mb(s.bytesReceived).padStart(12),
      mb(s.maxRequestBytes).padStart(15), mb(s.maxResponseBytes).padStart(16), wall.toFixed(2).padStart(7)].join(' '),
  );
}
const bundle = join(ROOT, 'dist/taskpane.js');
if (existsSync(bundle)) {
  const js = readFileSync(bundle);
  console.log(`\ntask pane bundle: ${(js.length / 1024).toFixed(1)} KB, ${(gzipSync(js).length / 1024).toFixed(1)} KB gzipped (budget 250 KB gzipped)`);
} else {
  console.log('\ntask pane bundle: run `npx webpack --mode production` first to measure dist/taskpane.js');
}
