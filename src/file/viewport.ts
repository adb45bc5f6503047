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

/** Elements that asked `whenNear` in this task, read once all of them have rendered. */
let asked: Element[] | undefined;

/**
 * The observer first reports a frame later (after style, layout and paint, then a task),
 * so the elements already near the viewport are also read at once, in one layout for all
 * that asked in this task, and start without waiting for that frame (ARCHITECTURE,
 * "Where a gallery's first screen went"). A box with no size (display: none) waits.
 */
export function whenNear(el: Element, callback: () => void): void {
  watch(el, '200px', (near) => near && (forget(el), callback()));
  if (!asked) {
    asked = [];
    queueMicrotask(() => {
      for (const el of asked!) {
        const box = el.getBoundingClientRect();
        if (box.width && Math.min(box.bottom, box.right) > -200 && box.top < innerHeight + 200 && box.left < innerWidth + 200) watched.get(el)?.(true);
      }
      asked = undefined;
    });
  }
  asked.push(el);
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
