import { ABC_TIERS, allTiers, contrastRatio, findTier, PYRAMID_TIERS, readableText, SEGMENT_TIERS, summarizeTiers, tierLabel } from '../../src/engine';

describe('tier definitions', () => {
  it('every tier has a stable key, labels and strategy in both languages, and readable colours', () => {
    for (const { tier: t } of allTiers()) {
      expect(t.key).toMatch(/\S/);
      expect(t.label.en).toMatch(/\S/);
      expect(t.label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(t.strategy.en.length).toBeGreaterThan(10);
      expect(t.strategy.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(t.color).toMatch(/^#[0-9A-F]{6}$/);
      expect(contrastRatio(t.color, t.textColor)).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('orders tiers best first, with unique keys per method', () => {
    for (const set of [ABC_TIERS, PYRAMID_TIERS, SEGMENT_TIERS]) {
      expect(set.map((t) => t.order)).toEqual(set.map((_, i) => i));
      expect(new Set(set.map((t) => t.key)).size).toBe(set.length);
    }
  });
  it('gives the pyramid its Chinese names, with Platinum and Gold the key customers', () => {
    expect(PYRAMID_TIERS.map((t) => t.label.zh)).toEqual(['重要客户', '次要客户', '普通客户', '小客户']);
    expect(PYRAMID_TIERS.filter((t) => t.group === 'key').map((t) => t.key)).toEqual(['Platinum', 'Gold']);
  });
  it('looks up labels by key in either language, case-insensitively', () => {
    expect(tierLabel('gold', 'zh-CN')).toBe('次要客户');
    expect(tierLabel('key', 'zh-CN')).toBe('关键客户');
    expect(tierLabel('Champions')).toBe('Champions');
    expect(tierLabel('nope')).toBeUndefined();
    expect(findTier(' A ')?.key).toBe('A');
    expect(findTier('abc:a')?.key).toBe('A');
    expect(findTier('A', 'pyramid')).toBeUndefined();
    expect(tierLabel('rfm:New', 'zh-CN')).toBe('新客户');
    expect(readableText('#000000')).toBe('#FFFFFF');
  });
});

describe('summary', () => {
  it('counts customers, shares and means per tier', () => {
    const rows = summarizeTiers(ABC_TIERS, new Uint8Array([0, 0, 2, 255]), [60, 30, 10, 99], { recency: [1, 3, 5, 7] });
    expect(rows.map((r) => r.customers)).toEqual([2, 0, 1]);
    expect(rows[0]).toMatchObject({ tier: 'A', value: 90, valueShare: 0.9, meanRecency: 2, minValue: 30, maxValue: 60 });
    expect(rows[0].customerShare).toBeCloseTo(2 / 3);
    expect(rows[1]).toMatchObject({ customers: 0, value: 0, meanRecency: null, minValue: null, meanFrequency: null });
  });
  it('gives zero value shares when the total is zero', () => {
    const rows = summarizeTiers(ABC_TIERS, new Uint8Array([2, 2]), [0, 0]);
    expect(rows.map((r) => r.valueShare)).toEqual([0, 0, 0]);
  });
});
