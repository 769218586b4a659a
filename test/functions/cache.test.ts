/** The population cache (source modules): a batch of per-row calls derives cut points once. */
import { PopulationCache, fingerprint, populationCache } from '../../src/functions/cache';
import { abcClass } from '../../src/functions/abc';
import { rfmScore } from '../../src/functions/rfm';

describe('fingerprint', () => {
  it('is equal for equal contents and differs when any cell differs', () => {
    const a = [[1], [2.5], [''], ['x'], [true]];
    expect(fingerprint(a)).toBe(fingerprint(a.map((r) => [...r])));
    expect(fingerprint(a)).not.toBe(fingerprint([[1], [2.5000000000000004], [''], ['x'], [true]]));
    expect(fingerprint([[1], [2]])).not.toBe(fingerprint([[2], [1]]));
    expect(fingerprint([[1, 2]])).not.toBe(fingerprint([[1], [2]]));
    expect(fingerprint([['1']])).not.toBe(fingerprint([[1]]));
    expect(fingerprint([[{ code: '#N/A' }]])).not.toBe(fingerprint([[{ code: '#REF!' }]]));
  });
});

describe('PopulationCache', () => {
  it('derives once per population and key, and evicts the least recently used', () => {
    const cache = new PopulationCache(2);
    let calls = 0;
    const derive = () => ++calls;
    cache.get([[1]], 'k', derive);
    cache.get([[1]], 'k', derive);
    cache.get([[1]], 'other', derive);
    expect(calls).toBe(2);
    cache.get([[2]], 'k', derive);
    cache.get([[1]], 'k', derive); // [[1]] is now the most recent
    cache.get([[3]], 'k', derive); // evicts [[2]]
    cache.get([[1]], 'k', derive);
    expect(calls).toBe(4);
    cache.get([[2]], 'k', derive);
    expect(calls).toBe(5);
  });

  it('does not keep a failed derivation', () => {
    const cache = new PopulationCache();
    expect(() => cache.get([[1]], 'k', () => { throw new Error('no'); })).toThrow('no');
    expect(cache.get([[1]], 'k', () => 7)).toBe(7);
  });
});

describe('per-row calls', () => {
  it('sort a population once for a whole fill-down, even as fresh copies of the range', () => {
    const population = Array.from({ length: 1000 }, (_, i) => [(i * 7919) % 1000]);
    populationCache.clear();
    const before = populationCache.computed;
    for (let i = 0; i < 200; i++) abcClass([[population[i][0]]], population.map((r) => [...r]), null, null);
    expect(populationCache.computed - before).toBe(1);
    const block = population.map(([v]) => [v, (v % 13) + 1, v * 3]);
    for (let i = 0; i < 50; i++) rfmScore([block[i]], block.map((r) => [...r]), null);
    expect(populationCache.computed - before).toBe(2);
  });
});
