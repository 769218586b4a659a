import { METHOD_IDS } from '../../../src/engine/methods/registry';
import { DEFAULT_CADENCE, defaultPlaybook, mergePlaybook } from '../../../src/engine/loop/playbook';

describe('playbook', () => {
  it('has one row per tier of every method, cadence by group', () => {
    for (const id of METHOD_IDS) {
      const rows = defaultPlaybook(id);
      expect(rows.length).toBeGreaterThan(1);
      expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
      for (const r of rows) {
        expect(Object.values(DEFAULT_CADENCE)).toContain(r.cadenceDays);
        expect(r.strategy.en).not.toBe('');
        expect(r.strategy.zh).not.toBe('');
        expect(r.label.zh).not.toBe('');
      }
    }
    expect(defaultPlaybook('abc').map((r) => [r.key, r.cadenceDays])).toEqual([['A', 14], ['B', 30], ['C', 90]]);
  });

  it("keeps the user's edits, fills blanks from defaults, appends new tiers", () => {
    const defaults = defaultPlaybook('abc');
    const merged = mergePlaybook(
      [
        { key: 'C', strategy: { en: 'Email monthly', zh: '' }, cadenceDays: 45, owner: ' ' },
        { key: 'A', label: { en: 'Top', zh: '顶级' }, owner: 'Ann' },
        { key: 'X', strategy: { en: 'Old tier', zh: '旧' } },
      ],
      defaults,
    );
    expect(merged.map((r) => r.key)).toEqual(['C', 'A', 'X', 'B']);
    expect(merged[0].strategy).toEqual({ en: 'Email monthly', zh: defaults[2].strategy.zh });
    expect(merged[0].cadenceDays).toBe(45);
    expect(merged[0].owner).toBe(defaults[2].owner);
    expect(merged[1].label).toEqual({ en: 'Top', zh: '顶级' });
    expect(merged[1].owner).toBe('Ann');
    expect(merged[1].cadenceDays).toBe(14);
    expect(merged[2].strategy.en).toBe('Old tier');
    expect(merged[3]).toEqual(defaults[1]);
  });

  it('a re-run of the merge is idempotent (never overwrites an edit)', () => {
    const defaults = defaultPlaybook('rfm');
    const once = mergePlaybook([{ key: 'Champions', strategy: { en: 'Call weekly', zh: '每周致电' }, cadenceDays: 7 }], defaults);
    const twice = mergePlaybook(once, defaults);
    expect(twice).toEqual(once);
    expect(twice[0].strategy.en).toBe('Call weekly');
  });

  it('rejects nonsense cadence by keeping the default', () => {
    const merged = mergePlaybook([{ key: 'A', cadenceDays: -3 }, { key: 'B', cadenceDays: NaN }], defaultPlaybook('abc'));
    expect(merged.map((r) => r.cadenceDays)).toEqual([14, 30, 90]);
  });
});
