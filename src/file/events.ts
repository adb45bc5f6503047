/**
 * The events of `<deeplake-file>`, each name and detail type defined once here. The
 * element's own `addEventListener` is typed from this map (as `<video>` is typed from
 * `HTMLVideoElementEventMap`); `deeplake-load` also joins `HTMLElementEventMap`, where
 * `deeplake-error` is already declared by `<deeplake-uploader>` with `{ item, error }`.
 */
import type { DeepLakeError, FileInfo } from '../client/index.js';

export interface DeepLakeFileEventDetail {
  /** The file is shown (or, as a card, ready to download). */
  'deeplake-load': { info: FileInfo };
  /** It could not be: not found, no access, no connection, or `file-id` is not a UUID. */
  'deeplake-error': { error: DeepLakeError };
}

export type DeepLakeFileEventMap = {
  [K in keyof DeepLakeFileEventDetail]: CustomEvent<DeepLakeFileEventDetail[K]>;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends Pick<DeepLakeFileEventMap, 'deeplake-load'> {}
}

/** Bubbling and composed, so a page can listen on any ancestor. */
export const fileEvent = <K extends keyof DeepLakeFileEventDetail>(name: K, detail: DeepLakeFileEventDetail[K]) =>
  new CustomEvent(name, { detail, bubbles: true, composed: true });
