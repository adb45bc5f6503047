/**
 * What the `<deeplake-file>` elements on a page share. Per client and file id, while any
 * element holds a lease: one `info` request, one `content` request, and the object URLs
 * made from those bytes. Every lease counts; when the last one is released, a request
 * still running is aborted and every object URL is revoked, so nothing outlives its use.
 */
import { DeepLakeError, type DeepLakeClient, type FileInfo } from '../client/index.js';
import { mediaType, SVG } from './kind.js';

/** Text files show at most this many bytes. */
export const TEXT_LIMIT = 64 * 1024;

export interface Lease {
  info(): Promise<FileInfo>;
  /** A URL that shows the bytes as `type` (what `info` said, not what the content response said). */
  url(type: string): Promise<string>;
  /** A URL to save the bytes from: typed `application/octet-stream`, so opening it renders nothing. */
  download(): Promise<string>;
  /** The first {@link TEXT_LIMIT} bytes as text, and whether there were more. */
  text(): Promise<{ text: string; truncated: boolean }>;
  /** Lets go; the last holder's release aborts and revokes. Calling it twice does nothing. */
  release(): void;
}

interface Entry {
  refs: number;
  abort: AbortController;
  /** Running and settled promises by what they make; a failed one is forgotten so a retry asks again. */
  memo: Map<string, Promise<unknown>>;
  /** blob: URLs to revoke at the end. */
  urls: string[];
}

const entries = new WeakMap<DeepLakeClient, Map<string, Entry>>();

/**
 * SVG as a data: URL, not a blob: one. A blob: URL has this page's origin: opened in a
 * tab ("open image in new tab"), an SVG's script would run as this page. A data: URL
 * opened that way gets an opaque origin, and `<img>` draws it without running anything.
 */
const dataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });

/** Takes a lease on the file `id` as seen through `client`. */
export function acquire(client: DeepLakeClient, id: string): Lease {
  const key = id.toLowerCase();
  let byId = entries.get(client);
  if (!byId) entries.set(client, (byId = new Map()));
  let entry = byId.get(key);
  if (!entry) byId.set(key, (entry = { refs: 0, abort: new AbortController(), memo: new Map(), urls: [] }));
  entry.refs++;
  const { memo, urls } = entry;
  const signal = entry.abort.signal;

  const once = <T>(what: string, make: () => Promise<T>): Promise<T> => {
    let promise = memo.get(what) as Promise<T> | undefined;
    if (!promise) {
      memo.set(what, (promise = make()));
      promise.catch(() => memo.get(what) === promise && memo.delete(what));
    }
    return promise;
  };
  const bytes = () => once('bytes', () => client.content(id, { signal }));
  /** A blob: URL for `blob`, unless every holder left while it was made. */
  const objectUrl = (blob: Blob) => {
    if (signal.aborted) throw new DeepLakeError('aborted', 'The request was aborted');
    const url = URL.createObjectURL(blob);
    urls.push(url);
    return url;
  };

  let held = true;
  return {
    info: () => once('info', () => client.info(id, { signal })),
    url: (type) =>
      once('url', async () => {
        // Retyped without a copy: a Blob made of a Blob shares its bytes.
        const blob = new Blob([await bytes()], { type });
        return mediaType(type) === SVG ? dataUrl(blob) : objectUrl(blob);
      }),
    download: () => once('download', async () => objectUrl(new Blob([await bytes()], { type: 'application/octet-stream' }))),
    text: () =>
      once('text', async () => {
        const blob = await bytes();
        return { text: await blob.slice(0, TEXT_LIMIT).text(), truncated: blob.size > TEXT_LIMIT };
      }),
    release() {
      if (!held) return;
      held = false;
      if (--entry.refs) return;
      byId.delete(key);
      entry.abort.abort();
      for (const url of urls.splice(0)) URL.revokeObjectURL(url);
    },
  };
}
