/**
 * Shared helpers of the `<deeplake-file>` browser tests: storing fixtures on a workspace of
 * their own, mounting elements, waiting for their events, reading their shadow DOM, and
 * spies on the page globals the element must (not) touch.
 */
import { fixtureSync, html } from '@open-wc/testing';
import '../../src/file/deeplake-file.js';
import type { DeepLakeFile } from '../../src/file/deeplake-file.js';
import type { DeepLakeFileEventDetail } from '../../src/file/events.js';
import type { DeepLakeClient, FileInfo } from '../../src/client/index.js';
import { clientFor, newWorkspace, requestLog, type TestWorkspace } from './emulator-control.js';

export type { DeepLakeFile };

// Waits are defined once, in wait.ts; imported from here by the element's tests too.
export { nextTask, quietFor, until } from './wait.js';

/** A workspace and a client for it (fast retries; pass `{ retry: { retries: 0 } }` for none). */
export async function workspace(options: Parameters<typeof clientFor>[1] = {}) {
  const ws = await newWorkspace();
  return { ws, client: clientFor(ws, options) };
}

export const store = (client: DeepLakeClient, bytes: BlobPart, name: string, type: string): Promise<FileInfo> => client.upload(new File([bytes], name, { type }));

/** An id the emulator has never given out. */
export const unknownId = () => crypto.randomUUID();

/**
 * `<deeplake-file>` with `attrs` (attribute → value, `true` = present) and `props`, mounted
 * with `fixtureSync` (removed after the test). Eager unless `attrs.loading` says otherwise:
 * a lazy element waits for intersections, which a hidden test tab never computes.
 */
export function mountFile(attrs: Record<string, string | boolean> = {}, props: Partial<DeepLakeFile> = {}): DeepLakeFile {
  const el = document.createElement('deeplake-file');
  const all: Record<string, string | boolean> = { loading: 'eager', ...attrs };
  for (const [name, value] of Object.entries(all)) {
    if (value === true) el.setAttribute(name, '');
    else if (value !== false) el.setAttribute(name, value);
  }
  Object.assign(el, props);
  return fixtureSync<DeepLakeFile>(html`${el}`);
}

type Outcome = { [K in keyof DeepLakeFileEventDetail]: { type: K; detail: DeepLakeFileEventDetail[K] } }[keyof DeepLakeFileEventDetail];

/** The next `deeplake-load` or `deeplake-error` of `el`, after its render. */
export function settled(el: DeepLakeFile, timeoutMs = 20_000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const done = (event: Event) => {
      off();
      resolve({ type: event.type, detail: (event as CustomEvent<unknown>).detail } as Outcome);
    };
    const timer = setTimeout(() => {
      off();
      reject(new Error('timed out waiting for deeplake-load or deeplake-error'));
    }, timeoutMs);
    const off = () => {
      clearTimeout(timer);
      el.removeEventListener('deeplake-load', done);
      el.removeEventListener('deeplake-error', done);
    };
    el.addEventListener('deeplake-load', done);
    el.addEventListener('deeplake-error', done);
  });
}

/** Mounts and waits until it has loaded; fails with the error's code otherwise. */
export async function mountLoaded(attrs: Record<string, string | boolean>, props: Partial<DeepLakeFile> = {}): Promise<DeepLakeFile> {
  const el = mountFile(attrs, props);
  const outcome = await settled(el);
  if (outcome.type !== 'deeplake-load') throw new Error(`expected deeplake-load, got ${outcome.detail.error.code}: ${outcome.detail.error.message}`);
  return el;
}

export const part = <T extends Element = HTMLElement>(el: DeepLakeFile, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

/**
 * What the element shows, as text: the rendered node's tag (`img`, `video`, `audio`,
 * `object`, `pre`, `card`, `placeholder`, `error`, or `nothing`). Strings, never nodes, go
 * into assertions: a failing one would serialize a shadow root and can crash the runner.
 */
export function shown(el: DeepLakeFile): string {
  const first = el.shadowRoot!.querySelector('img, video, audio, object, pre, [part~=card], [part~=placeholder], [part~=error]');
  if (!first) return 'nothing';
  return first.matches('[part~=card], [part~=placeholder], [part~=error]') ? first.getAttribute('part')! : first.localName;
}

/** GETs of `ws` that read a file: `info` and `content`, as "info <id>" / "content <id>". */
export async function reads(ws: TestWorkspace): Promise<string[]> {
  return (await requestLog(ws.workspace))
    .filter((r) => r.method === 'GET')
    .flatMap((r) => {
      const m = /\/files\/([^/]+)(\/content)?$/.exec(r.path);
      return m ? [`${m[2] ? 'content' : 'info'} ${m[1]}`] : [];
    });
}

/** Records every `URL.revokeObjectURL` call until `restore()`, still revoking for real. */
export function spyRevoke() {
  const real = URL.revokeObjectURL;
  const revoked: string[] = [];
  URL.revokeObjectURL = (url: string) => {
    revoked.push(url);
    real.call(URL, url);
  };
  return { revoked, restore: () => void (URL.revokeObjectURL = real) };
}

/** Records every `window.alert` call until `restore()` (and never shows one). */
export function spyAlert() {
  const real = window.alert;
  const calls: string[] = [];
  window.alert = (message?: unknown) => void calls.push(String(message));
  return { calls, restore: () => void (window.alert = real) };
}

/** Records the signal of every fetch whose URL contains `fragment`, until `restore()`. */
export function spyFetch(fragment: string) {
  const real = window.fetch;
  const signals: AbortSignal[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input instanceof Request ? input.url : input).includes(fragment) && init?.signal) signals.push(init.signal);
    return real.call(window, input, init);
  };
  return { signals, restore: () => void (window.fetch = real) };
}

/**
 * Chromium computes no intersections in a hidden document, and WTR runs two test files at a
 * time, one of them in a background tab. This stand-in keeps the real observer (which
 * reports whenever the tab is visible) and also measures each target against the viewport
 * on a timer, from real layout and the real scroll position, reporting what is within the
 * root margin. Install it before the first lazy element of the page is created: the element
 * makes one observer per page, on first use.
 */
export function observeIntersectionsWhileHidden(): void {
  const Real = window.IntersectionObserver;
  window.IntersectionObserver = class implements IntersectionObserver {
    readonly root = null;
    readonly rootMargin: string;
    readonly scrollMargin = '0px';
    readonly thresholds = [0];
    readonly #real: IntersectionObserver;
    readonly #targets = new Set<Element>();
    readonly #timer: ReturnType<typeof setInterval>;

    constructor(callback: IntersectionObserverCallback, options: IntersectionObserverInit = {}) {
      this.#real = new Real(callback, options);
      this.rootMargin = options.rootMargin ?? '0px';
      const margin = parseFloat(this.rootMargin) || 0;
      this.#timer = setInterval(() => {
        const near = [...this.#targets].filter((target) => {
          const r = target.getBoundingClientRect();
          return r.bottom >= -margin && r.top <= innerHeight + margin && r.right >= -margin && r.left <= innerWidth + margin;
        });
        if (near.length)
          callback(
            near.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry),
            this,
          );
      }, 50);
    }
    observe(target: Element) {
      this.#targets.add(target);
      this.#real.observe(target);
    }
    unobserve(target: Element) {
      this.#targets.delete(target);
      this.#real.unobserve(target);
    }
    disconnect() {
      clearInterval(this.#timer);
      this.#targets.clear();
      this.#real.disconnect();
    }
    takeRecords() {
      return this.#real.takeRecords();
    }
  };
}
