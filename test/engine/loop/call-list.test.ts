import fc from 'fast-check';
import { callList, stageRank } from '../../../src/engine/loop/call-list';
import { defaultPlaybook } from '../../../src/engine/loop/playbook';
import type { CallCandidate } from '../../../src/engine/loop/call-list';

const TIERS = [
  { key: 'A', group: 'key' as const },
  { key: 'B', group: 'ordinary' as const },
  { key: 'C', group: 'small' as const },
];
const BOOK = defaultPlaybook('abc'); // A 14, B 30, C 90
const TODAY = 1000;

describe('callList', () => {
  it('keeps only due customers, orders by tier, stage, overdue ratio, value', () => {
    const cands: CallCandidate[] = [
      { customer: 'c-small', tier: 'C', value: 999, lastPurchase: TODAY - 200 },
      { customer: 'b-notdue', tier: 'B', value: 5, lastPurchase: TODAY - 10 },
      { customer: 'b-due', tier: 'B', value: 5, lastPurchase: TODAY - 60 },
      { customer: 'a-little', tier: 'A', value: 100, lastPurchase: TODAY - 15 },
      { customer: 'a-lot', tier: 'A', value: 1, lastPurchase: TODAY - 40 },
      { customer: 'a-deal', tier: 'A', value: 1, lastPurchase: TODAY - 14, stage: '谈判' },
      { customer: 'a-contacted', tier: 'A', value: 1000, lastPurchase: TODAY - 100, lastContact: TODAY - 3 },
      { customer: 'none', tier: null, value: 1 },
    ];
    const list = callList(cands, TIERS, BOOK, { date: TODAY });
    expect(list.map((e) => e.customer)).toEqual(['a-deal', 'a-lot', 'a-little', 'b-due', 'c-small']);
    expect(list.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(list[1].daysOverdue).toBe(26);
    expect(list[1].basis).toBe('purchase');
    expect(list[0].reason.en).toBe('Key customer (A), 0 days overdue on a 14-day cadence, in negotiation');
    expect(list[0].reason.zh).toContain('谈判');
  });

  it('uses value to break ties in overdue ratio, and the contact date over purchase', () => {
    const list = callList(
      [
        { customer: 'x', tier: 'B', value: 1, lastPurchase: TODAY - 45 },
        { customer: 'y', tier: 'B', value: 9, lastPurchase: TODAY - 45 },
        { customer: 'z', tier: 'B', value: 9, lastPurchase: TODAY - 1, lastContact: TODAY - 31 },
      ],
      TIERS,
      BOOK,
      { date: TODAY },
    );
    expect(list.map((e) => e.customer)).toEqual(['y', 'x', 'z']);
    expect(list[2].basis).toBe('contact');
    expect(list[2].reason.en).toBe('Ordinary customer (B), 1 days overdue on a 30-day cadence');
  });

  it('splits per owner with a daily cap', () => {
    const cands: CallCandidate[] = [];
    for (let i = 0; i < 30; i++) cands.push({ customer: `r${i}`, tier: 'A', value: i, lastPurchase: 0, owner: i % 3 === 0 ? 'Ann' : 'Bo' });
    const list = callList(cands, TIERS, BOOK, { date: TODAY, perRep: 4 });
    expect(list.filter((e) => e.owner === 'Ann').map((e) => e.rank)).toEqual([1, 2, 3, 4]);
    expect(list.filter((e) => e.owner === 'Bo')).toHaveLength(4);
    expect(list.filter((e) => e.owner === 'Ann')[0].customer).toBe('r27');
    expect(callList(cands, TIERS, BOOK, { date: TODAY })).toHaveLength(30);
    expect(callList(cands.map((c) => ({ ...c, owner: null })), TIERS, BOOK, { date: TODAY })).toHaveLength(20);
    expect(() => callList(cands, TIERS, BOOK, { date: TODAY, perRep: 0 })).toThrow(/per-rep/);
  });

  it('puts customers with no date on record first within their tier', () => {
    const list = callList([{ customer: 'old', tier: 'A', value: 1, lastPurchase: 0 }, { customer: 'never', tier: 'A', value: 0 }], TIERS, BOOK, { date: TODAY });
    expect(list.map((e) => e.customer)).toEqual(['never', 'old']);
    expect(list[0].reason.en).toContain('no contact or purchase on record');
  });

  it('ranks stages', () => {
    expect(['lead', 'Qualified', '报价', 'negotiation', 'won', '', 'lost', 'demo booked'].map(stageRank)).toEqual([1, 2, 3, 4, 0, 0, 0, 1]);
  });
});

describe('callList properties', () => {
  it('caps per owner, ranks 1…k, keeps tier order within an owner, lists only due customers', () => {
    const cand = fc.record({
      customer: fc.string({ minLength: 1, maxLength: 4 }),
      tier: fc.constantFrom('A', 'B', 'C', null),
      value: fc.integer({ min: 0, max: 1000 }),
      lastPurchase: fc.option(fc.integer({ min: 0, max: TODAY }), { nil: null }),
      stage: fc.constantFrom(null, 'lead', 'negotiation', 'won'),
      owner: fc.constantFrom(null, 'Ann', 'Bo'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(cand, { selector: (c) => c.customer, maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (cands, cap) => {
        const list = callList(cands, TIERS, BOOK, { date: TODAY, perRep: cap });
        const cadence = new Map(BOOK.map((b) => [b.key, b.cadenceDays]));
        const byOwner = new Map<string, typeof list>();
        for (const e of list) byOwner.set(e.owner, [...(byOwner.get(e.owner) ?? []), e]);
        for (const owner of ['', 'Ann', 'Bo']) {
          const mine = byOwner.get(owner) ?? [];
          expect(mine.length).toBeLessThanOrEqual(cap);
          expect(mine.map((e) => e.rank)).toEqual(mine.map((_, i) => i + 1));
          const order = mine.map((e) => 'ABC'.indexOf(e.tier));
          expect([...order].sort()).toEqual(order);
          const due = cands.filter((c) => (c.owner ?? '') === owner && c.tier !== null && (c.lastPurchase === null || TODAY - c.lastPurchase >= (cadence.get(c.tier) ?? 0)));
          expect(mine.length).toBe(Math.min(cap, due.length));
        }
      }),
    );
  });
});
