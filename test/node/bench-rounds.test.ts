// How `npm run bench` orders its contenders and takes medians (bench/rounds.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median, roundOrder } from '../../bench/rounds.mjs';

test('over a cycle of rounds, each contender runs once per round, in every position, and right after every other one equally often', () => {
  for (const n of [2, 3, 5, 6]) {
    const cycle = n % 2 ? 2 * n : n; // an odd count needs the mirrored rows too
    const follows = new Map<string, number>();
    const at = new Map<string, number>();
    for (let round = 0; round < cycle; round++) {
      const order = roundOrder(n, round);
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        [...Array(n).keys()],
        `n=${n} round ${round}: each contender once`,
      );
      order.forEach((c, position) => at.set(`${c}@${position}`, (at.get(`${c}@${position}`) ?? 0) + 1));
      for (let k = 1; k < n; k++) follows.set(`${order[k - 1]}>${order[k]}`, (follows.get(`${order[k - 1]}>${order[k]}`) ?? 0) + 1);
    }
    assert.equal(follows.size, n * (n - 1), `n=${n}: every ordered pair meets`);
    assert.deepEqual(new Set(follows.values()), new Set([cycle / n]), `n=${n}: each pair as often as the others`);
    assert.equal(at.size, n * n, `n=${n}: every contender in every position`);
    assert.deepEqual(new Set(at.values()), new Set([cycle / n]), `n=${n}: each position as often`);
  }
});

test('median: the middle value, or the mean of the middle two', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([1.25]), 1.25);
});
