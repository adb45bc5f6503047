// The queue's record list (src/queue/items.ts): order, lookups and snapshots through
// adds, in-place updates and removals, with the counters the queue's caches rely on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ItemList, newItem } from '../../src/queue/items.js';

const list = (...names: string[]) => {
  const l = new ItemList();
  const items = names.map((n) => newItem(new File(['x'], n)));
  for (const i of items) l.add(i);
  return { l, items };
};
const names = (l: ItemList) => l.items.map((i) => i.relativePath);

test('keeps list order and finds every record by id after a removal in the middle', () => {
  const { l, items } = list('a', 'b', 'c', 'd');
  const removals = l.removals;
  assert.equal(l.delete(items[1]!.id), true);
  assert.equal(l.delete(items[1]!.id), false);
  assert.deepEqual(names(l), ['a', 'c', 'd']);
  for (const i of [items[0]!, items[2]!, items[3]!]) assert.equal(l.get(i.id), i);
  assert.equal(l.get(items[1]!.id), undefined);
  assert.equal(l.removals, removals + 1);
  // An update after the removal lands on the right record, in place.
  const c = l.update(items[2]!.id, { status: 'done' })!;
  assert.deepEqual(
    l.items.map((i) => i.status),
    ['queued', 'done', 'queued'],
  );
  assert.equal(l.get(items[2]!.id), c);
});

test('hands out one frozen snapshot per version; a no-op update keeps it', () => {
  const { l, items } = list('a', 'b');
  const snapshot = l.items;
  assert.equal(Object.isFrozen(snapshot), true);
  assert.equal(l.items, snapshot);
  const version = l.version;
  assert.equal(l.update(items[0]!.id, { status: 'queued' }), undefined);
  assert.equal(l.items, snapshot);
  assert.equal(l.version, version);
  const next = l.update(items[0]!.id, { status: 'uploading' })!;
  assert.notEqual(l.items, snapshot);
  assert.equal(l.version, version + 1);
  assert.deepEqual(
    snapshot.map((i) => i.status),
    ['queued', 'queued'],
    'an old snapshot does not change',
  );
  assert.equal(l.items[0], next);
  assert.equal(l.items[1], items[1], 'unchanged records keep their identity');
  l.clear();
  assert.deepEqual(l.items, []);
  assert.equal(l.get(items[1]!.id), undefined);
});
