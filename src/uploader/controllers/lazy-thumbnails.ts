/**
 * The uploader's thumbnails, loaded with the first image: pages that never see one never
 * download thumbnails.ts. Until then there are no thumbnail URLs and rows show file icons.
 */
import type { UploadItem } from '../../queue/index.js';
import type { Thumbnails, ThumbnailsHost } from './thumbnails.js';
import { isThumbnailable } from '../intake/validate.js';

export class LazyThumbnails {
  #thumbnails: Thumbnails | undefined;
  #loading = false;

  constructor(private readonly host: ThumbnailsHost) {}

  /** The thumbnail's object URL, once made. */
  url(id: string): string | undefined {
    return this.#thumbnails?.url(id);
  }

  /** Makes thumbnails for these items' images (and forgets the rest), once thumbnails.ts is loaded. */
  track(items: readonly UploadItem[]): void {
    this.#thumbnails?.track(items);
  }

  /**
   * Items just added: the first image loads thumbnails.ts. Told per add, not found by a
   * scan of the whole list on every render (hundreds of rows, none of them an image).
   */
  added(items: readonly UploadItem[]): void {
    if (this.#thumbnails || this.#loading || !items.some((i) => isThumbnailable(i.file))) return;
    this.#loading = true;
    void import('./thumbnails.js').then(
      ({ Thumbnails }) => {
        this.#thumbnails = new Thumbnails(this.host);
        this.host.requestUpdate(); // tracks the current items at the next update
      },
      // Offline, or the chunk is gone after a deploy: rows keep their file icons, and the
      // next image added tries again (it stayed "loading" for good, its rejection unhandled).
      () => (this.#loading = false),
    );
  }
}
