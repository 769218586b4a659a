/**
 * The README's "Custom functions" section: a section per function whose heading matches the help
 * URL anchor, and every example (`=TIER.…` followed by `→ result`) true of the built bundle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { METADATA, ROOT, StubError, loadBundle } from './bundle';
import { formatValue, parseCall, parseValue } from './formula';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const DOC = README.slice(README.indexOf('\n## Custom functions'), README.indexOf('\n## Task pane'));
const { fns } = loadBundle();
const metadata = JSON.parse(fs.readFileSync(METADATA, 'utf8')) as {
  functions: { id: string; helpUrl: string; parameters: { dimensionality?: string }[] }[];
};

/** GitHub's heading anchor: lower case, punctuation other than - and _ dropped, spaces to -. */
const slug = (heading: string): string => heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

interface Example { formula: string; expected: string; section: string }

function examples(): Example[] {
  const out: Example[] = [];
  let section = '';
  let pending: string | null = null;
  let inBlock = false;
  for (const line of DOC.split('\n')) {
    if (line.startsWith('### ')) section = line.slice(4).trim();
    if (line.startsWith('```')) inBlock = line.startsWith('```excel');
    else if (inBlock && line.startsWith('=TIER.')) pending = line;
    else if (inBlock && line.startsWith('→ ') && pending) {
      out.push({ formula: pending, expected: line.slice(2), section });
      pending = null;
    }
  }
  return out;
}

/** Calls a documented formula the way Excel would: range parameters get 2-D arrays. */
async function evaluate(formula: string): Promise<unknown> {
  const { name, args } = parseCall(formula);
  const fn = metadata.functions.find((f) => f.id === name);
  if (!fn) throw new Error(`no function ${name}`);
  const shaped = fn.parameters.map((p, i) => {
    const a = args[i] ?? null;
    return p.dimensionality === 'matrix' && a !== null && !Array.isArray(a) ? [[a]] : a;
  });
  return await fns[name](...shaped);
}

describe('README: custom functions', () => {
  it('has a section per function, anchored where its help URL points', () => {
    const anchors = [...DOC.matchAll(/^### (.+)$/gm)].map((m) => slug(m[1]));
    for (const f of metadata.functions) {
      expect(anchors).toContain(f.helpUrl.split('#')[1]);
      expect(DOC).toContain(`### TIER.${f.id}\n`);
    }
  });

  it('shows at least one example in every function section', () => {
    const bySection = new Set(examples().map((e) => e.section));
    for (const f of metadata.functions) expect(bySection).toContain(`TIER.${f.id}`);
  });

  it.each(examples().map((e) => [e.formula, e] as const))('%s', async (_formula, { formula, expected, section }) => {
    expect(section).toBe(`TIER.${parseCall(formula).name}`);
    const error = /^(#[A-Z/0!?]+) \((.*)\)$/.exec(expected);
    if (error) {
      let caught: unknown;
      try {
        await evaluate(formula);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(StubError);
      expect([(caught as StubError).code, (caught as StubError).message]).toEqual([error[1], error[2]]);
      return;
    }
    const result = await evaluate(formula);
    expect(formatValue(result)).toBe(expected);
    expect(formatValue(result)).toBe(formatValue(parseValue(expected))); // the printed form reads back
  });
});
