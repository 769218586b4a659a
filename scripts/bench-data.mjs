// Deterministic synthetic transaction logs for the benchmarks: customer ids as numbers, ISO date
// text over two years, amounts with 2 decimals (2 % returns). Needs `npm run build:cli`.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const engine = require(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist-cli/engine/index.js'));

/** Columns of n transactions by `customers` customers (ids from 100001, skewed towards the low ones). */
export function generate(n, customers, seed = 42) {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const customer = new Array(n), date = new Array(n), amount = new Array(n);
  const start = engine.dayNumber(2023, 1, 1);
  for (let i = 0; i < n; i++) {
    customer[i] = 100001 + Math.floor(customers * rand() ** 2);
    date[i] = engine.isoDate(start + Math.floor(730 * rand()));
    const v = Math.round(Math.exp(3 + rand() * 2) * 100) / 100;
    amount[i] = rand() < 0.02 ? -v : v;
  }
  return { customer, date, amount };
}
