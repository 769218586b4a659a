/** dist/functions.json: generated from the JSDoc in src/functions/functions.ts, amended by scripts/functions-metadata-plugin.js. */
import * as fs from 'node:fs';
import { METADATA, requireBuilt } from './bundle';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack plugin is a CommonJS script
const { amendMetadata } = require('../../scripts/functions-metadata-plugin.js') as { amendMetadata: (json: string) => string };

interface Param { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }
interface Fn { id: string; name: string; description?: string; helpUrl?: string; parameters: Param[]; result: { dimensionality?: string; type?: string } }

requireBuilt();
const metadata = JSON.parse(fs.readFileSync(METADATA, 'utf8')) as { allowErrorForDataTypeAny?: boolean; functions: Fn[] };
const byId = Object.fromEntries(metadata.functions.map((f) => [f.id, f]));

/** Expected parameters: name, optional, and whether it is a range (matrix of any). */
const EXPECTED: Record<string, [string, boolean, 'range' | 'number' | 'string' | 'boolean' | 'any'][]> = {
  RFM_TABLE: [['customers', false, 'range'], ['dates', false, 'range'], ['amounts', false, 'range'], ['as_of', true, 'any'], ['bins', true, 'number'], ['date_order', true, 'string']],
  RFM_SCORE: [['rfm', false, 'range'], ['population', true, 'range'], ['bins', true, 'number']],
  RFM_SEGMENT: [['rfm', false, 'range'], ['population', true, 'range'], ['bins', true, 'number']],
  QUANTILE_SCORE: [['values', false, 'range'], ['population', true, 'range'], ['bins', true, 'number'], ['descending', true, 'boolean']],
  ABC_CLASS: [['values', false, 'range'], ['population', true, 'range'], ['a_share', true, 'number'], ['b_share', true, 'number']],
  PYRAMID: [['values', false, 'range'], ['population', true, 'range'], ['cuts', true, 'range']],
  LABEL: [['tier', false, 'range'], ['language', true, 'string'], ['method', true, 'string']],
  EXPLAIN: [['values', false, 'range'], ['population', true, 'range'], ['method', true, 'string'], ['options', true, 'string'], ['language', true, 'string']],
  CUTS: [['values', false, 'range'], ['method', true, 'string'], ['bins', true, 'number']],
  KMEANS: [['features', false, 'range'], ['k', true, 'any'], ['seed', true, 'number'], ['population', true, 'range']],
  KMEANS_PROFILE: [['features', false, 'range'], ['k', true, 'any'], ['seed', true, 'number'], ['language', true, 'string']],
  CLV_FIT: [['customers', false, 'range'], ['dates', false, 'range'], ['amounts', false, 'range'], ['calibration_end', true, 'any'], ['unit', true, 'string']],
  P_ALIVE: [['customers', false, 'range'], ['model', true, 'range']],
  EXPECTED_PURCHASES: [['customers', false, 'range'], ['periods', false, 'number'], ['model', true, 'range']],
  CLV: [['customers', false, 'range'], ['model', true, 'range'], ['horizon', true, 'number'], ['margin', true, 'number'], ['discount_rate', true, 'number'], ['unit', true, 'string']],
  LIFECYCLE: [['customers', false, 'range'], ['dates', false, 'range'], ['amounts', false, 'range'], ['invoices', true, 'range'], ['as_of', true, 'any'], ['options', true, 'string']],
  MATRIX: [['x', false, 'range'], ['y', false, 'range'], ['x_cut', true, 'any'], ['y_cut', true, 'any'], ['x_population', true, 'range'], ['y_population', true, 'range']],
  GRADE: [['criteria', false, 'range'], ['weights', true, 'range'], ['directions', true, 'range'], ['cuts', true, 'range'], ['population', true, 'range'], ['cut_by', true, 'string']],
  RULES: [['attributes', false, 'range'], ['rule_table', false, 'range'], ['options', true, 'string'], ['language', true, 'string']],
  MIGRATION: [['previous', false, 'range'], ['current', false, 'range'], ['method', true, 'string'], ['language', true, 'string']],
  CHANGE: [['previous', false, 'range'], ['current', false, 'range'], ['method', true, 'string']],
};

describe('dist/functions.json', () => {
  it('declares exactly the TIER functions, ids and names upper-case', () => {
    expect(Object.keys(byId).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it('lets "any" parameters receive error cells (amended by the build)', () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });

  it.each(Object.keys(EXPECTED))('%s: description, help URL, parameters and a matrix result', (id) => {
    const f = byId[id];
    expect(f.description && f.description.length).toBeGreaterThan(20);
    expect(f.helpUrl).toBe(`https://github.com/tierwise/tierwise#tier${id.toLowerCase()}`);
    expect(f.result.dimensionality).toBe('matrix');
    expect(f.parameters.map((p) => p.name)).toEqual(EXPECTED[id].map(([name]) => name));
    f.parameters.forEach((p, i) => {
      const [, optional, kind] = EXPECTED[id][i];
      expect(p.description && p.description.length).toBeGreaterThan(5);
      expect(p.optional ?? false).toBe(optional);
      if (kind === 'range') expect([p.type, p.dimensionality]).toEqual(['any', 'matrix']);
      else expect([p.type, p.dimensionality]).toEqual([kind, undefined]);
    });
  });
});

describe('amendMetadata', () => {
  it('adds the flag at the top level and keeps everything else', () => {
    const amended = JSON.parse(amendMetadata('{"allowCustomDataForDataTypeAny":true,"functions":[{"id":"X"}]}'));
    expect(amended).toEqual({ allowCustomDataForDataTypeAny: true, allowErrorForDataTypeAny: true, functions: [{ id: 'X' }] });
  });

  it('refuses text that is not custom-functions metadata', () => {
    expect(() => amendMetadata('{"nope":1}')).toThrow(/no "functions" array/);
  });
});
