/**
 * Listener methods typed by event name, as `<video>`'s are from `HTMLVideoElementEventMap`:
 * the element's own events first (so `deeplake-error`, which both elements fire with
 * different details, has this element's detail on it), then an HTMLElement's, then any
 * name. Both elements declare theirs with it, beside the class:
 * `interface X { addEventListener: Listen<X, XEventMap>; removeEventListener: Listen<X, XEventMap, EventListenerOptions> }`.
 */
export interface Listen<This, Events, Options = AddEventListenerOptions> {
  <K extends keyof Events>(type: K, listener: (this: This, event: Events[K]) => unknown, options?: boolean | Options): void;
  <K extends keyof HTMLElementEventMap>(type: K, listener: (this: This, event: HTMLElementEventMap[K]) => unknown, options?: boolean | Options): void;
  (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | Options): void;
}
