/**
 * Image thumbnails for the rows on screen only: an IntersectionObserver says which rows
 * are visible, at most two images decode at a time (in the image worker), and each is a
 * `data:` URL of a small WebP, dropped when its row goes. Not an object URL: making one is
 * a synchronous IPC to the browser process, up to 87 ms of a loaded page's main thread.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { thumbnail, THUMBNAIL_WIDTH } from '../../optimize/optimize.js';
import { dataUrl } from '../../shared/data-url.js';
import { isThumbnailable } from '../intake/validate.js';

/** The element whose rows get thumbnails: its rows are the `li[data-thumb]` (= an item id) of templates/row.ts. */
export type ThumbnailsHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

const SIZE = THUMBNAIL_WIDTH; // 96: CSS pixels ×2 for sharp 48 px thumbnails on high-density screens
const PARALLEL = 2;

export class Thumbnails implements ReactiveController {
  readonly #urls = new Map<string, string>();
  readonly #files = new Map<string, File>();
  readonly #wanted: string[] = [];
  readonly #pending = new Set<string>();
  #running = 0;
  #observer: IntersectionObserver | undefined;

  constructor(private readonly host: ThumbnailsHost) {
    host.addController(this);
  }

  /** The thumbnail's `data:` URL, once made. */
  url(id: string): string | undefined {
    return this.#urls.get(id);
  }

  /** Makes the set of images to thumbnail `entries`; anything else is dropped. */
  track(entries: Iterable<{ id: string; file: File }>): void {
    const keep = new Set<string>();
    for (const { id, file } of entries) {
      if (!isThumbnailable(file)) continue;
      keep.add(id);
      this.#files.set(id, file);
    }
    for (const id of [...this.#files.keys()]) {
      if (keep.has(id)) continue;
      this.#files.delete(id);
      this.#pending.delete(id);
      this.#urls.delete(id);
    }
  }

  hostConnected(): void {
    this.#observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const id = (entry.target as HTMLElement).dataset.thumb!;
        // An entry queued before its row went can still arrive: only tracked rows count.
        if (!entry.isIntersecting || !this.#files.has(id) || this.#urls.has(id) || this.#pending.has(id)) continue;
        this.#observer?.unobserve(entry.target);
        this.#pending.add(id);
        this.#wanted.push(id);
      }
      this.#pump();
    });
  }

  hostUpdated(): void {
    // Observing an element twice is a no-op, so every row is simply (re)observed.
    const rows = this.host.renderRoot.querySelectorAll<HTMLElement>('li[data-thumb]');
    for (const row of rows) if (!this.#urls.has(row.dataset.thumb!)) this.#observer?.observe(row);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.track([]);
    this.#wanted.length = 0;
  }

  #pump(): void {
    while (this.#running < PARALLEL && this.#wanted.length) {
      const id = this.#wanted.shift()!;
      const file = this.#files.get(id);
      if (!file || !this.#pending.has(id)) continue;
      this.#running++;
      void makeThumbnail(file)
        .then((url) => {
          // The row may have gone while the image decoded.
          if (url && this.#pending.has(id) && this.#files.has(id)) {
            this.#urls.set(id, url);
            this.host.requestUpdate();
          }
        })
        .finally(() => {
          this.#pending.delete(id);
          this.#running--;
          this.#pump();
        });
    }
  }
}

async function makeThumbnail(file: File): Promise<string | undefined> {
  // In the image worker (optimize.ts); here only where that cannot run (no OffscreenCanvas in workers).
  const made = await thumbnail(file, SIZE).catch((error: Error) => (error.message === 'unsupported' ? null : undefined));
  if (made !== null) return made;
  try {
    const probe = await createImageBitmap(file, { resizeWidth: SIZE, resizeQuality: 'medium' });
    const canvas = new OffscreenCanvas(probe.width, probe.height);
    canvas.getContext('2d')!.drawImage(probe, 0, 0);
    probe.close();
    return await dataUrl(await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 }));
  } catch {
    return undefined; // not decodable: the row keeps its file icon
  }
}
