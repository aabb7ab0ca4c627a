import { describe, expect, it } from 'vitest';
import { groupMoves } from './service.js';

describe('groupMoves: the groups a run writes', () => {
  it('keeps a person\u2019s id through a re-run, leaves a lone record without a group, and moves only what changes', () => {
    const rows = [
      { id: 'a', link_group: 'a' }, { id: 'b', link_group: 'a' }, { id: 'c', link_group: null },
      { id: 'd', link_group: 'd' }, { id: 'e', link_group: 'd' },
    ];
    // Clusters: {a, b, c}, {d}, {e}.
    const moves = groupMoves(rows, Int32Array.from([0, 0, 0, 3, 4]));
    expect(moves).toEqual([{ id: 'c', group: 'a' }, { id: 'd', group: null }, { id: 'e', group: null }]);
  });

  it('never names a group after a record that has left it', () => {
    // "a" was the group's name; the run puts b and c together (first), and a with x.
    const rows = [{ id: 'b', link_group: 'a' }, { id: 'c', link_group: 'a' }, { id: 'a', link_group: 'a' }, { id: 'x', link_group: null }];
    const moves = groupMoves(rows, Int32Array.from([0, 0, 2, 2]));
    const groupOf = new Map(rows.map((r) => [r.id, r.link_group]));
    for (const m of moves) groupOf.set(m.id, m.group);
    expect(groupOf.get('b')).toBe(groupOf.get('c'));
    expect(['b', 'c']).toContain(groupOf.get('b'));
    expect(groupOf.get('a')).toBe(groupOf.get('x'));
    expect(groupOf.get('a')).not.toBe(groupOf.get('b'));
  });
});
