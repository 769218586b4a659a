/** Every pane string exists in both languages, with the same placeholders. */
import { METHOD_LIST } from '../../src/engine';
import { PANE_STRINGS, paneText } from '../../src/i18n/pane-strings';
import { subtitleText } from '../../src/taskpane/view';

describe('pane strings', () => {
  const en = PANE_STRINGS.en;
  const zh = PANE_STRINGS['zh-CN'];
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
  it('use the same placeholders in both languages and are never empty', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect([key, names(zh[key])]).toEqual([key, names(en[key])]);
      expect(zh[key].trim()).not.toBe('');
    }
  });
  it('build the subtitle from the method registry, in both languages', () => {
    expect(subtitleText('en')).toBe(`Customer tiers: ${METHOD_LIST.map((m) => m.short.en).join(', ')}`);
    expect(subtitleText('en')).toMatch(/^Customer tiers: RFM, ABC, Pyramid, .*Rules/);
    expect(subtitleText('zh-CN')).toBe(`客户分层：${METHOD_LIST.map((m) => m.short.zh).join('、')}`);
  });
  it('fill placeholders', () => {
    expect(paneText('en', 'run.done', { customers: '1,204' })).toBe('Done: 1,204 customers classified.');
  });
});
