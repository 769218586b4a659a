/** The call list's optional columns: found by header, aggregated per customer. */
import { callCandidates, callColumns, classifyTable, dayNumber, dayNumberToSerial } from '../../../src/engine';

describe('callColumns', () => {
  it('finds owner, stage and last contact by English or Chinese headers', () => {
    expect(callColumns(['Customer', 'Date', 'Amount', 'Sales rep', 'Stage'])).toEqual({ owner: 3, stage: 4 });
    expect(callColumns(['客户', '负责人', '最近联系', '商机阶段'])).toEqual({ owner: 1, contact: 2, stage: 3 });
    expect(callColumns(['Customer', 'Value'])).toEqual({});
  });
});

describe('callCandidates', () => {
  const serial = (m: number, d: number) => dayNumberToSerial(dayNumber(2024, m, d));
  const customer = ['a', 'a', 'b', 'b'];
  const result = classifyTable({ customer, date: [serial(1, 5), serial(2, 5), serial(1, 9), serial(1, 10)], amount: [10, 20, 5, 5] }, { method: 'abc' });

  it('takes the last non-blank owner and stage and the latest contact of each customer', () => {
    const c = callCandidates(result, { customer, owner: ['Li', '', 'Wang', 'Zhao'], stage: ['lead', 'won', '', ''], contact: [serial(3, 1), serial(2, 1), '', ''] });
    const a = c.find((x) => x.customer === 'a');
    const b = c.find((x) => x.customer === 'b');
    expect(a).toMatchObject({ owner: 'Li', stage: 'won', lastContact: dayNumber(2024, 3, 1), lastPurchase: dayNumber(2024, 2, 5), value: 30 });
    expect(b).toMatchObject({ owner: 'Zhao', stage: null, lastContact: null, lastPurchase: dayNumber(2024, 1, 10) });
  });

  it('says which row holds a contact that is not a date', () => {
    expect(() => callCandidates(result, { customer, contact: ['', 'soon', '', ''], contactHeader: 'Last contact', rowName: (r) => `row ${r + 5}` })).toThrow('column "Last contact": row 6: "soon" is not a date');
  });
});
