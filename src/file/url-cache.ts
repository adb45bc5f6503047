/**
 * What the `<deeplake-file>` elements on a page share. Per client and file id, while any
 * element holds a lease: one `content` request (and an `info` request only where its
 * headers do not say enough), and the URLs made from those bytes (a small image's
 * `data:` URL, object URLs otherwise). Every lease counts; when the last one is released,
 * a request still running is aborted and every object URL is revoked, so nothing
 * outlives its use.
 */
import type { DeepLakeReader } from '../client/reader.js';
import { DeepLakeError } from '../client/errors.js';
import type { FileInfo } from '../client/wire.js';
import { dataUrl } from '../shared/data-url.js';
import { kindOf, mediaType, SVG } from './kind.js';

/** Text files show at most this many bytes. */
export const TEXT_LIMIT = 64 * 1024;

/**
 * Images up to `max` bytes are shown from a `data:` URL of their bytes, not an object URL:
 * a Blob, its blob: URL and the `<img>`'s load of it each go through Chromium's browser
 * process, slow on a busy machine (docs/ARCHITECTURE.md, "A data: URL for a small image").
 * Encoded in the page from the body where the engine has `toBase64`, else read from the
 * Blob (FileReader). Larger images keep the object URL: their bytes stay in the Blob,
 * outside the page's heap, not in a string 4/3 their size. Tests set `max`.
 */
export const inline = { max: 256 * 1024 };

export interface Lease {
  info(): Promise<FileInfo>;
  /**
   * The content request, resolved with what its headers say (`fileInfoFromHeaders`) one
   * round trip in. Its body is read at once when the type is one shown from its bytes;
   * for a card (or a PDF when `pdf()` is false: a tile, a phone) it is cancelled, so a 2 GB
   * archive is not downloaded to show its card, and `download()` asks again.
   */
  open(pdf: () => boolean, priority?: RequestPriority): Promise<FileInfo>;
  /** A URL that shows the bytes as `type` (what `info` said, not what the content response said). */
  url(type: string): Promise<string>;
  /** A URL to save the bytes from: typed `application/octet-stream`, so opening it renders nothing. */
  download(): Promise<string>;
  /** The first {@link TEXT_LIMIT} bytes as text, and whether there were more. */
  text(): Promise<{ text: string; truncated: boolean }>;
  /** Lets go; the last holder's release aborts and revokes. Calling it twice does nothing. */
  release(): void;
}

/** `Uint8Array.prototype.toBase64` (Chromium 140, Firefox 133, Safari 18.2): not in this TypeScript's lib. */
type Base64Bytes = Uint8Array & { toBase64(): string };

interface Entry {
  refs: number;
  abort: AbortController;
  /** Running and settled promises by what they make; a failed one is forgotten so a retry asks again. */
  memo: Map<string, Promise<unknown>>;
  /** blob: URLs to revoke at the end. */
  urls: string[];
}

/**
 * What a content answer's headers say about its bytes, as a FileInfo (`raw` empty): the
 * type from Content-Type ('' when missing: ask `info`), the size from Content-Length (-1
 * when missing, or when the body is encoded and it counts other bytes), the name from
 * Content-Disposition's `filename*` (RFC 8187), else its `filename` ('' when neither).
 * Headers are untrusted and their spelling unknown: a `filename*` that does not decode
 * falls back to `filename`, and the name is only ever shown as text. Here rather than in
 * client/wire.ts: only this element reads them, and the uploader's bundle need not.
 */
export function fileInfoFromHeaders(id: string, headers: Headers): FileInfo {
  const get = (name: string) => headers.get(name) ?? '';
  const disposition = get('content-disposition');
  let name = /filename\s*=\s*"?([^";]*)/i.exec(disposition)?.[1] ?? '';
  try {
    name = decodeURIComponent(/filename\*\s*=[^']*'[^']*'([^;\s]+)/i.exec(disposition)![1]!);
  } catch {
    /* no filename*, or not UTF-8 percent-encoding: keep `filename` */
  }
  const size = headers.has('content-encoding') ? -1 : Number(get('content-length') || -1);
  return { id, name, contentType: get('content-type'), size: size >= 0 ? size : -1, raw: {} };
}

const entries = new WeakMap<DeepLakeReader, Map<string, Entry>>();

/** Takes a lease on the file `id` as seen through `client`. */
export function acquire(client: DeepLakeReader, id: string): Lease {
  const key = id.toLowerCase();
  let byId = entries.get(client);
  if (!byId) entries.set(client, (byId = new Map<string, Entry>()));
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
  const open = (pdf: () => boolean, priority?: RequestPriority) =>
    once('open', async () => {
      const res = await client.contentResponse(id, { signal, priority });
      const head = fileInfoFromHeaders(id, res.headers);
      const type = head.contentType;
      const kind = kindOf(type);
      if (kind === 'card' || (kind === 'pdf' && !pdf()) || memo.has('bytes')) void res.body?.cancel();
      // A small image, where the engine encodes base64 (Response.bytes() is older in each):
      // the data: URL url(type) gives, made in the page from the body, no Blob at all.
      else if (kind === 'image' && 'toBase64' in Uint8Array.prototype && head.size >= 0 && head.size <= inline.max) {
        void once(type, async () => `data:${mediaType(type)};base64,${((await res.bytes()) as Base64Bytes).toBase64()}`);
      } else void once('bytes', () => res.blob());
      return head;
    });
  /** A URL of the bytes as `type` (memoized by type), unless every holder left while it was made. */
  const url = (type: string) =>
    once(type, async () => {
      // Retyped without a copy (a Blob made of a Blob shares its bytes) when `info` said
      // another type than the answer. Not otherwise: every Blob made is a synchronous
      // call to Chromium's browser process, a tenth of a gallery's main-thread time.
      let blob = await bytes();
      if (blob.type !== type) blob = new Blob([blob], { type });
      // A data: URL always for SVG: a blob: URL has this page's origin, and opened in a tab
      // ("open image in new tab") an SVG's script would run as this page; a data: URL opened
      // that way gets an opaque origin, and `<img>` draws it without running anything.
      if (kindOf(type) === 'image' && (blob.size <= inline.max || mediaType(type) === SVG)) return dataUrl(blob);
      if (signal.aborted) throw new DeepLakeError('aborted', 'The request was aborted');
      urls.push(URL.createObjectURL(blob));
      return urls.at(-1)!;
    });

  let held = true;
  return {
    info: () => once('info', () => client.info(id, { signal })),
    open,
    url,
    download: () => url('application/octet-stream'),
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
