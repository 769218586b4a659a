/** The purchase groups a database returns (`purchasesSql`) read into the engine's purchase rows. */
import { purchaseGroupsReader, purchasesOfGroups } from '../../src/engine';

const GROUPS: (string | null)[][] = [
  ['b', '19801', null, '3.5', '3'],
  ['a', '19800', '7', '12.5', '2'],
  ['a', '19805', 'x', '1', '1'],
  ['b', '19802', '7', '2', '1'],
];

describe('purchase groups → purchase rows', () => {
  it('a group with an invoice is one purchase; k rows without one are k purchases carrying the value once', () => {
    const p = purchasesOfGroups(GROUPS, ['a', 'b']);
    expect(Array.from(p.customer)).toEqual([1, 1, 1, 0, 0, 1]);
    expect(Array.from(p.day)).toEqual([19801, 19801, 19801, 19800, 19805, 19802]);
    expect(Array.from(p.amount)).toEqual([3.5, 0, 0, 12.5, 1, 2]);
    // the same invoice text is the same code, for any customer
    expect(Array.from(p.invoice)).toEqual([-1, -1, -1, 0, 1, 0]);
  });

  it('reads batches (a streamed result) into the same rows, past its first allocation', () => {
    const many: (string | null)[][] = Array.from({ length: 3000 }, (_, i) => [i % 2 ? 'a' : 'b', String(19000 + i), i % 3 ? null : `i${i}`, '1.25', '2']);
    const reader = purchaseGroupsReader(['a', 'b']);
    for (let i = 0; i < many.length; i += 700) reader.add(many.slice(i, i + 700));
    expect(reader.done()).toEqual(purchasesOfGroups(many, ['a', 'b']));
    expect(reader.done().customer.length).toBe(5000);
  });

  it('refuses a purchase of a customer the customer table does not have (the two statements disagree)', () => {
    expect(() => purchasesOfGroups([['z', '1', null, '1', '1']], ['a'])).toThrow(/customer z, who is not in the customer table/);
  });
});
