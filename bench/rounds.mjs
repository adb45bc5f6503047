// How `npm run bench` orders and sums up its rounds (pure functions; test/node/bench-rounds.test.ts).

/** The median of numbers (the mean of the middle two for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The order of the contenders in a round: every contender once, in the rows of a
 * Williams Latin square, so over a cycle of rounds each runs in every position and right
 * after every other one equally often. A plain rotation kept the same neighbours in every
 * round: the baseline always ran right after Uppy, the heaviest contender, and so did
 * whatever the machine still had to clean up after it.
 */
export function roundOrder(n, round) {
  const first = Array.from({ length: n }, (_, k) => (k % 2 ? (k + 1) / 2 : (n - k / 2) % n));
  // An odd count needs the mirrored rows too for each pair to meet in both orders.
  const row = round % (n % 2 ? 2 * n : n);
  const order = first.map((c) => (c + row) % n);
  return n % 2 && row >= n ? order.reverse() : order;
}
