/**
 * `loading="lazy"`: one IntersectionObserver for every waiting element on the page, each
 * callback run once, when its element comes within 200px of the viewport.
 */
const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

export function whenNear(el: Element, callback: () => void): void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        const run = isIntersecting && waiting.get(target);
        if (!run) continue;
        forget(target);
        run();
      }
    },
    { rootMargin: '200px' },
  );
  waiting.set(el, callback);
  observer.observe(el);
}

export function forget(el: Element): void {
  if (waiting.delete(el)) observer!.unobserve(el);
}
