// Shared by the two gallery pages (case 5): the scrolling grid, the scroll-through, and
// what is measured. The page supplies `cell(id, opts)` (a <deeplake-file> or a plain <img>;
// `opts` as given to prepare) and `image(cell)` (the <img> it shows, once there).
import { decoded, untilFirst, untilShown } from './common.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));

const requests = async (reset = false) => (await fetch('/__bench/requests', { method: reset ? 'POST' : 'GET' })).json();

/** Per kind (content, info): total requests, distinct ids, the most for one id. */
function tally(counts, ids) {
  const out = {};
  for (const kind of ['content', 'info']) {
    const n = Object.values(counts[kind]);
    out[kind] = {
      total: n.reduce((a, b) => a + b, 0),
      distinct: n.length,
      maxPerId: Math.max(0, ...n),
      unexpected: Object.keys(counts[kind]).filter((id) => !ids.has(id)).length,
    };
  }
  return out;
}

/** Distinct ids of the cells on screen, and of those within `margin` px of it (read once, after loading). */
function idsOnScreen(cells, margin) {
  const visible = new Set();
  const near = new Set();
  for (const c of cells) {
    const r = c.getBoundingClientRect();
    if (r.bottom > 0 && r.top < innerHeight) visible.add(c.dataset.id);
    if (r.bottom > -margin && r.top < innerHeight + margin) near.add(c.dataset.id);
  }
  return { visible, near };
}

/** Scrolls by half a screen per step, two frames and 50 ms each, so every cell passes through the viewport. */
async function scrollThrough(target) {
  const step = innerHeight / 2;
  while (Math.abs(scrollY - target) > 1) {
    const from = scrollY;
    window.scrollTo(0, scrollY + Math.sign(target - scrollY) * Math.min(step, Math.abs(target - scrollY)));
    if (scrollY === from) break; // the page cannot scroll further
    await frame();
    await frame();
    await sleep(50);
  }
}

/**
 * spec: { count, distinct, once?, settleMs? }; opts.ids: the stored ids (the first `distinct` are used).
 * Cell i shows id ⌊i/2⌋ mod distinct: neighbours share an id, so two elements ask for one
 * file at the same moment, and with count = 2 × distinct each id is shown twice. `once`:
 * cell i shows id i mod distinct.
 */
export function galleryBench({ cell, image }) {
  let cells = [];
  let ids = [];
  let spec;
  return {
    async prepare(spec_, opts) {
      spec = spec_;
      ids = opts.ids.slice(0, spec.distinct);
      cells = Array.from({ length: spec.count }, (_, i) => {
        const id = ids[(spec.once ? i : Math.floor(i / 2)) % ids.length];
        const c = cell(id, opts);
        c.dataset.id = id;
        return c;
      });
      await requests(true);
    },
    async run() {
      const grid = document.querySelector('.grid');
      const all = new Set(ids);
      const shown = (c) => decoded(image(c));
      const t0 = performance.now();
      const first = untilFirst(t0, () => cells.some(shown));
      performance.mark('bench-append'); // a trace's zero (BENCH_PROFILE)
      grid.append(...cells);
      const screen = await untilShown(t0, () => cells, shown);
      const firstImageMs = await first;
      await sleep(500); // anything else the first screen would fetch has started by now
      const onFirst = idsOnScreen(cells, 200);
      const firstScreen = tally(await requests(), all);

      await scrollThrough(document.documentElement.scrollHeight - innerHeight);
      await untilShown(performance.now(), () => cells, shown);
      await sleep(500);
      const atBottom = tally(await requests(), all);

      await scrollThrough(0);
      await untilShown(performance.now(), () => cells, shown);
      await sleep(500);
      const back = tally(await requests(), all);
      // Case 5m: what stays once the cells far away had time to let go (the element waits 5 s).
      if (spec.settleMs) await sleep(spec.settleMs);
      return {
        ms: screen.thumbsMs,
        firstImageMs,
        screenMs: screen.thumbsMs,
        visibleIds: onFirst.visible.size,
        nearIds: onFirst.near.size,
        firstScreen,
        atBottom,
        back,
        // every cell, after the way down and back: how many show their image
        shownCells: cells.filter(shown).length,
      };
    },
  };
}
