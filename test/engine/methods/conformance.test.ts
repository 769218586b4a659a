/**
 * The checks every registered method must pass (in the spirit of scikit-learn's common estimator
 * checks): valid defaults, both languages everywhere, tiers that partition the customers, `assign`
 * agreeing with `classify`, reproducible fits, and explanations that name the tier.
 */
import fc from 'fast-check';
import {
  type Bilingual,
  METHOD_IDS,
  METHOD_LIST,
  type MethodModule,
  NO_CLASS,
  classifyCustomers,
  defaultParams,
  paramProblem,
  resolveParams,
} from '../../../src/engine';

const HAN = /[\u4e00-\u9fff]/;

function bilingual(text: Bilingual, what: string): void {
  expect({ what, en: text.en.trim().length > 0 }).toEqual({ what, en: true });
  expect({ what, zh: text.zh.trim().length > 0 }).toEqual({ what, zh: true });
}

/** Random customers with every measure a method may need (ties on purpose: few distinct values). */
const customers = fc.integer({ min: 1, max: 60 }).chain((n) =>
  fc.record({
    recency: fc.array(fc.integer({ min: 1, max: 12 }).map((d) => d * 30), { minLength: n, maxLength: n }),
    frequency: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: n, maxLength: n }),
    monetary: fc.array(fc.oneof(fc.integer({ min: -50, max: 5000 }), fc.constantFrom(0, 100, 100.5)), { minLength: n, maxLength: n }),
  }),
);

function input(c: { recency: number[]; frequency: number[]; monetary: number[] }) {
  return { keys: c.recency.map((_, i) => `c${i}`), ...c };
}

describe.each(METHOD_IDS.map((id) => [id]))('method %s', (id) => {
  const method = METHOD_LIST.find((m) => m.id === id) as MethodModule;

  it('has valid defaults and labels, help and messages in both languages', () => {
    expect(() => resolveParams(method, {})).not.toThrow();
    for (const text of [method.label, method.short, method.description, method.tierColumn.header]) bilingual(text, `${id} label`);
    for (const p of method.params) {
      bilingual(p.label, `${id}.${p.name} label`);
      bilingual(p.help, `${id}.${p.name} help`);
      expect(paramProblem(p, p.default)).toBeNull();
      const bad = paramProblem(p, p.kind === 'choice' ? '\u0000' : p.kind === 'shares' ? [2] : Number.NaN);
      expect(bad).not.toBeNull();
      bilingual(bad as Bilingual, `${id}.${p.name} message`);
      expect(p.flag).toMatch(/^[a-z][a-z0-9-]*$/);
    }
    for (const tier of method.tiers(defaultParams(method))) {
      bilingual(tier.label, `${id}:${tier.key}`);
      bilingual(tier.strategy, `${id}:${tier.key} strategy`);
      expect(tier.label.zh).toMatch(HAN);
    }
  });

  it('has unique tier keys, in order', () => {
    const tiers = method.tiers(defaultParams(method));
    expect(new Set(tiers.map((t) => t.key)).size).toBe(tiers.length);
    expect(tiers.map((t) => t.order)).toEqual(tiers.map((_, i) => i));
  });

  it('partitions the customers, agrees with its per-row form, is reproducible and explains every tier', () => {
    fc.assert(
      fc.property(customers, (c) => {
        const a = classifyCustomers(input(c), { method: id });
        const b = classifyCustomers(input(c), { method: id });
        expect(Array.from(b.tierIndex)).toEqual(Array.from(a.tierIndex));
        expect(JSON.stringify(b.model)).toEqual(JSON.stringify(a.model));
        // every customer is in exactly one tier (or none, for a missing measure)
        const counted = a.summary.reduce((s, x) => s + x.customers, 0);
        const classified = Array.from(a.tierIndex).filter((t) => t !== NO_CLASS).length;
        expect(counted).toBe(classified);
        for (const t of a.tierIndex) expect(t === NO_CLASS || t < a.tiers.length).toBe(true);
        for (let i = 0; i < a.keys.length; i++) {
          if (method.assign) {
            const row = { value: a.value[i], recency: c.recency[i], frequency: c.frequency[i], monetary: c.monetary[i] };
            expect(method.assign(a.fit, row)).toBe(a.tierIndex[i]);
          }
          const tier = a.tiers[a.tierIndex[i]];
          for (const lang of ['en', 'zh-CN'] as const) {
            const why = a.explain(i, lang);
            expect(why.length).toBeGreaterThan(0);
            if (tier) expect([tier.key, lang === 'zh-CN' ? tier.label.zh : tier.label.en].some((name) => why.includes(name))).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the registry', () => {
  it('lists each method once, with unique parameter flags per method', () => {
    expect(new Set(METHOD_IDS).size).toBe(METHOD_IDS.length);
    for (const m of METHOD_LIST) expect(new Set(m.params.map((p) => p.flag)).size).toBe(m.params.length);
  });
  it('refuses unknown methods and out-of-range parameters in both languages', () => {
    expect(() => classifyCustomers({ keys: ['a'], value: [1] }, { method: 'nope' as never })).toThrow(/unknown method "nope" \(use rfm, abc, pyramid/);
    expect(() => classifyCustomers({ keys: ['a'], value: [1] }, { method: 'abc', aShare: 0.9, bShare: 0.8 })).toThrow(/a-share \(0.9\) must be less than b-share \(0.8\)/);
  });
});

describe('the room of method knowledge', () => {
  it('has no method-id branch outside src/engine/methods', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readdirSync, readFileSync, statSync } = require('node:fs') as typeof import('node:fs');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { join, relative } = require('node:path') as typeof import('node:path');
    const root = join(__dirname, '../../../src');
    const ids = METHOD_IDS.join('|');
    const branch = new RegExp(`(===|!==)\\s*['"](${ids})['"]|['"](${ids})['"]\\s*(===|!==)|case\\s+['"](${ids})['"]`);
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (relative(root, path) !== join('engine', 'methods')) walk(path);
        } else if (/\.(ts|html)$/.test(name)) {
          readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
            if (branch.test(line)) offenders.push(`${relative(root, path)}:${i + 1}: ${line.trim()}`);
          });
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
