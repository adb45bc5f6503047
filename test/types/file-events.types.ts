/**
 * Compile-time checks of `<deeplake-file>`'s public types (type-checked by `npm run
 * typecheck`, never run): listeners are typed by event name on the element, on any
 * ancestor for `deeplake-load`, and the tag maps to the class.
 */
import type { DeepLakeError, DeepLakeFile, FileInfo, ResolveUrl } from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(): T => true as T;

declare const el: HTMLElementTagNameMap['deeplake-file'];
assert<Equal<typeof el, DeepLakeFile>>();

el.addEventListener('deeplake-load', (event) => {
  assert<Equal<typeof event.detail, { info: FileInfo }>>();
});
el.addEventListener('deeplake-error', (event) => {
  // On the element: the file's own detail, not the uploader's `{ item, error }`.
  assert<Equal<typeof event.detail, { error: DeepLakeError }>>();
});
el.addEventListener('keydown', (event) => {
  assert<Equal<typeof event, KeyboardEvent>>();
});
document.body.addEventListener('deeplake-load', (event) => {
  assert<Equal<typeof event.detail, { info: FileInfo }>>();
});

assert<Equal<DeepLakeFile['info'], FileInfo | undefined>>();
// @ts-expect-error `info` is read-only
el.info = undefined;
el.resolveUrl = (id: string) => `/media/${id}`;
el.resolveUrl = async () => undefined;
assert<Equal<DeepLakeFile['resolveUrl'], ResolveUrl | undefined>>();
el.loading = 'eager';
// @ts-expect-error only lazy or eager
el.loading = 'auto';
