/**
 * The attributes and properties of `<deeplake-file>`, declared once, apart from its
 * behaviour (file.ts), through `static properties` rather than decorators (lighter).
 */
import { LitElement } from 'lit';
import type { DeepLakeClient, TokenProvider } from '../client/index.js';
import type { FileStrings } from '../i18n/strings.js';

/**
 * Where the host serves a file's bytes itself: its own proxy, or a signed URL. What it
 * returns becomes the `src` of the image, video, audio or PDF (and the card's download
 * link), so the browser streams it (range requests, seeking) instead of downloading the
 * whole file into memory first. Return nothing to fall back to a download with the token.
 */
export type ResolveUrl = (id: string) => string | null | undefined | Promise<string | null | undefined>;

export class FileProperties extends LitElement {
  static override properties = {
    fileId: { attribute: 'file-id' },
    workspace: {},
    apiUrl: { attribute: 'api-url' },
    alt: {},
    loading: {},
    download: { type: Boolean },
    fit: { reflect: true },
    tokenProvider: { attribute: false },
    client: { attribute: false },
    resolveUrl: { attribute: false },
    strings: { attribute: false },
  };

  /** The stored file's UUID. Anything else is an error state, and nothing is sent. */
  fileId = '';
  /** Workspace of the file; default: `configure({ workspace })`. */
  workspace = '';
  /** Base URL of the API; default: `configure({ apiUrl })`, else https://api.deeplake.ai. */
  apiUrl = '';
  /** Text alternative of an image; without it, the file name. `alt=""` marks it decorative. */
  alt: string | null | undefined;
  /** `lazy` (default): fetch when near the viewport. `eager`: at once. */
  loading: 'lazy' | 'eager' = 'lazy';
  /** Always show a download card, whatever the type. */
  download = false;
  /**
   * `cover` or `contain`: every kind of file fills the element's box, a uniform tile
   * (`--deeplake-file-height` tall unless the page sizes the element): images and video
   * cropped to cover (or letterboxed), text, cards and states the same box, PDFs as cards.
   */
  fit: 'cover' | 'contain' | undefined;
  /** Returns the bearer token (called again with `forceRefresh` after a 401); default: `configure()`'s. */
  tokenProvider: TokenProvider | undefined;
  /** A configured client; when set, `workspace`, `api-url` and `tokenProvider` are not used. */
  client: DeepLakeClient | undefined;
  /** `(id) => url` (or a promise of one): a URL to show the file from, e.g. a signed URL or your own proxy, so large videos stream; see {@link ResolveUrl}. */
  resolveUrl: ResolveUrl | undefined;
  /** Overrides any of the default strings (or pass a locale module's `fileStrings`). */
  strings: Partial<FileStrings> = {};
}
