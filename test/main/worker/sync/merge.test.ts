import { describe, expect, it } from 'vitest';
import { changedFields, mergeWithServer, sameValue } from '../../../../main/worker/sync/merge';

const base = { id: 'A1', title: 'Red shoe', price: 10, tags: ['a', 'b'] };

describe('three-way merge when the mirror brings a newer server version', () => {
  it('a clean row simply takes the server version', () => {
    const server = { ...base, price: 12 };
    expect(mergeWithServer({ doc: base, base: null, status: 'clean' }, server)).toEqual({
      doc: server,
      base: null,
      theirs: null,
      status: 'clean',
      conflicts: [],
    });
  });

  it('takes a server change to a field the user did not touch, and keeps the user edit', () => {
    const local = { doc: { ...base, title: 'Red leather shoe' }, base, status: 'dirty' as const };
    const merged = mergeWithServer(local, { ...base, price: 12 });
    expect(merged).toMatchObject({ status: 'dirty', conflicts: [] });
    expect(merged.doc).toEqual({ ...base, title: 'Red leather shoe', price: 12 });
    expect(merged.base).toEqual({ ...base, price: 12 });
    // What will be pushed is only the user's own change.
    expect(changedFields(merged.base ?? {}, merged.doc)).toEqual(['title']);
  });

  it('marks a field changed on both sides to different values as a conflict, keeping both values', () => {
    const local = { doc: { ...base, price: 15 }, base, status: 'dirty' as const };
    const merged = mergeWithServer(local, { ...base, price: 12 });
    expect(merged.status).toBe('conflict');
    expect(merged.conflicts).toEqual(['price']);
    expect(merged.doc.price).toBe(15);
    expect(merged.theirs?.price).toBe(12);
  });

  it('is not a conflict when both sides made the same change; the row becomes clean', () => {
    const local = { doc: { ...base, price: 12 }, base, status: 'dirty' as const };
    expect(mergeWithServer(local, { ...base, price: 12 })).toMatchObject({ status: 'clean', base: null });
  });

  it('takes a field the server added and drops one the server removed, when the user did not touch them', () => {
    const local = { doc: { ...base, title: 'Mine' }, base, status: 'dirty' as const };
    const { tags: _tags, ...withoutTags } = base;
    const merged = mergeWithServer(local, { ...withoutTags, color: 'red' });
    expect(merged.doc).toEqual({ id: 'A1', title: 'Mine', price: 10, color: 'red' });
  });

  it('keeps a local deletion whatever the server did', () => {
    const merged = mergeWithServer({ doc: base, base, status: 'deleted' }, { ...base, price: 99 });
    expect(merged.status).toBe('deleted');
  });

  it('merges an item created here that the server also has, against an empty base', () => {
    const merged = mergeWithServer(
      { doc: { id: 'N1', title: 'Mine' }, base: null, status: 'new' },
      { id: 'N1', title: 'Theirs' },
    );
    expect(merged).toMatchObject({ status: 'conflict', conflicts: ['title'] });
  });

  it('compares lists and objects by value', () => {
    expect(sameValue(['a', { b: 1 }], ['a', { b: 1 }])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue(1, '1')).toBe(false);
  });
});
