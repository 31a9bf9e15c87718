import { addTags, MAX_RESOURCE_TAGS, removeTags } from './resource-tags';

describe('resource tags', () => {
  it('adds new keys and overwrites existing ones', () => {
    expect(addTags({ a: '1', b: '2' }, { b: 'two', c: '3' }, 'A pool')).toEqual({
      tags: { a: '1', b: 'two', c: '3' },
    });
  });

  it('refuses a 51st tag, but not an overwrite at 50', () => {
    const full = Object.fromEntries(Array.from({ length: MAX_RESOURCE_TAGS }, (_, i) => [`k${i}`, 'v']));
    expect(addTags(full, { k0: 'new' }, 'A pool')).toHaveProperty('tags.k0', 'new');
    expect(addTags(full, { extra: 'v' }, 'A pool')).toEqual({
      refused: 'A pool can have at most 50 tags; this request would leave 51.',
    });
  });

  it("refuses AWS's aws: keys whatever their case", () => {
    expect(addTags({}, { ok: '1', 'AwS:x': '2' }, 'A pool')).toHaveProperty('refused');
  });

  it('removes the keys named and ignores the others', () => {
    expect(removeTags({ a: '1', b: '2' }, ['b', 'z'])).toEqual({ a: '1' });
  });
});
