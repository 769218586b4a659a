#!/usr/bin/env node
// Management-loop speed on synthetic customers: migration (matrix, totals, per-customer changes)
// between two snapshots of N customers (10% new, 10% gone, ABC tiers), top movers, and today's
// call list (N customers, 50 owners, stages, cap 20 per owner). Prints the median CPU time of RUNS
// runs. Needs `npm run build:cli`. N and RUNS from the environment (defaults 1,000,000 and 7).
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engine = require(join(root, 'dist-cli/engine/index.js'));
const RUNS = Number(process.env.RUNS ?? 7);
const N = Number(process.env.N ?? 1_000_000);

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const tier = () => (rand() < 0.2 ? 'A' : rand() < 0.375 ? 'B' : 'C');

const previous = new Map();
const current = new Map();
const value = new Map();
for (let i = 0; i < N; i++) {
  const key = `C${i}`;
  if (i >= N * 0.1) previous.set(key, tier());
  if (i < N * 0.9) {
    current.set(key, rand() < 0.8 && previous.has(key) ? previous.get(key) : tier());
    value.set(key, Math.round(rand() * 100000) / 100);
  }
}
const STAGES = [null, null, null, 'lead', 'qualified', 'proposal', 'negotiation', 'won'];
const candidates = [...current.entries()].map(([customer, t]) => ({
  customer,
  tier: t,
  value: value.get(customer),
  lastPurchase: Math.floor(rand() * 400),
  stage: STAGES[Math.floor(rand() * STAGES.length)],
  owner: `rep${Math.floor(rand() * 50)}`,
}));
const tiers = [{ key: 'A', group: 'key' }, { key: 'B', group: 'ordinary' }, { key: 'C', group: 'small' }];
const book = engine.defaultPlaybook('abc');

function time(label, fn) {
  const xs = [];
  let out;
  for (let r = 0; r < RUNS; r++) {
    const t0 = cpuMs();
    out = fn();
    xs.push(cpuMs() - t0);
  }
  console.log(`${label.padEnd(44)} median ${median(xs).toFixed(0)} ms CPU (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, ${RUNS} runs)`);
  return out;
}

console.log(`bench-loop: ${N.toLocaleString('en-US')} customers, node ${process.version}`);
const m = time('migration (matrix + changes)', () => engine.migration(previous, current, ['A', 'B', 'C'], { current: value }));
time('top movers (10)', () => engine.topMovers(m, 10));
const list = time('call list (50 owners, cap 20)', () => engine.callList(candidates, tiers, book, { date: 400, perRep: 20 }));
console.log(`totals ${JSON.stringify(m.totals)}; call list ${list.length} entries`);
