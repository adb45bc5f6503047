/**
 * Where elements are against the viewport: one IntersectionObserver per margin for the
 * whole page, and one question per element at a time. `loading="lazy"`: a callback run
 * once, when the element comes within 200px. A shown image: a callback run once it has
 * been far away (more than `far.margin` beyond the viewport) for `far.ms`.
 */
const watched = new Map<Element, (near: boolean) => void>();
const observers: Record<string, IntersectionObserver> = {};
const timers = new Map<Element, ReturnType<typeof setTimeout>>();

/**
 * Far enough that scrolling back takes a while (two viewports past the edge), long enough
 * that a person scrolling back and forth keeps what they just saw. Tests shorten `ms`.
 */
export const far = { margin: '200%', ms: 5000 };

function watch(el: Element, margin: string, callback: (near: boolean) => void): void {
  watched.set(el, callback);
  (observers[margin] ??= new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) watched.get(target)?.(isIntersecting);
    },
    { rootMargin: margin },
  )).observe(el);
}

/** Elements connected in this task, and those of them found near the viewport, or far from it with a box of their own size. */
let connected: Element[] | undefined;
const nearAtConnect = new Set<Element>();
const farAtConnect = new Set<Element>();

const near = (box: DOMRect) => box.height && box.width && Math.min(box.bottom, box.right) > -200 && box.top < innerHeight + 200 && box.left < innerWidth + 200;

/**
 * The observer first reports a frame later (after style, layout and paint, then a task),
 * so elements read their boxes as they connect: once for all connected in this task, in a
 * microtask queued before Lit queues their first render, so one layout of the page's own
 * CSS, no render in between; those within 200px of the viewport start at once in their
 * first update (`whenNear`). A box with no height yet (sized by what it renders) is read
 * again once all have rendered, one more layout; display: none waits for the observer.
 * ARCHITECTURE, "Where a gallery's first screen went".
 */
export function measureAtConnect(el: Element): void {
  if (!connected) {
    connected = [];
    queueMicrotask(() => {
      const unsized: Element[] = [];
      for (const el of connected!) {
        const box = el.getBoundingClientRect();
        if (near(box)) nearAtConnect.add(el);
        else if (!box.height) unsized.push(el);
        else farAtConnect.add(el);
      }
      connected = undefined;
      // After the first updates, which were queued at connect, before this.
      queueMicrotask(() => {
        nearAtConnect.clear();
        farAtConnect.clear();
        for (const el of unsized) if (near(el.getBoundingClientRect())) watched.get(el)?.(true);
      });
    });
  }
  connected.push(el);
}

/**
 * True in its first update for an element found at connect in a box the page sized (near
 * the viewport or far from it): it need render nothing while it waits, its box stays.
 */
export const sizedAtConnect = (el: Element): boolean => nearAtConnect.has(el) || farAtConnect.has(el);

export function whenNear(el: Element, callback: () => void): void {
  if (nearAtConnect.has(el)) return callback();
  watch(el, '200px', (near) => near && (forget(el), callback()));
}

export const whileShown = (el: Element, callback: () => void): void =>
  watch(el, far.margin, (near) => {
    clearTimeout(timers.get(el));
    if (!near)
      timers.set(
        el,
        setTimeout(() => (forget(el), callback()), far.ms),
      );
  });

export function forget(el: Element): void {
  watched.delete(el);
  clearTimeout(timers.get(el));
  timers.delete(el);
  for (const observer of Object.values(observers)) observer.unobserve(el);
}
