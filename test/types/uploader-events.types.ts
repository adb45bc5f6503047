/**
 * Compile-time checks of `<deeplake-uploader>`'s public types (type-checked by `npm run
 * typecheck`, never run), as file-events.types.ts checks `<deeplake-file>`'s: listeners
 * are typed by event name on the element and on any ancestor, the tag maps to the class,
 * and a name or detail that does not exist is an error.
 */
import type {
  DeepLakeError,
  DeepLakeUploader,
  DeepLakeUploaderEventDetail,
  FileInfo,
  PendingFile,
  RejectReason,
  UploadItem,
  UploadTotals,
} from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(): T => true as T;

declare const el: HTMLElementTagNameMap['deeplake-uploader'];
assert<Equal<typeof el, DeepLakeUploader>>();

el.addEventListener('deeplake-add', (event) => {
  assert<Equal<typeof event.detail.items, readonly PendingFile[]>>();
  event.detail.veto(event.detail.items[0]!.file, 'not today');
  event.detail.optimize(event.detail.items[0]!.file, false);
  // @ts-expect-error veto takes a File, not a name
  event.detail.veto('a.png');
});
el.addEventListener('deeplake-reject', (event) => {
  assert<Equal<typeof event.detail.reason, RejectReason | 'vetoed'>>();
});
el.addEventListener('deeplake-progress', (event) => {
  assert<Equal<typeof event.detail, { item: UploadItem; totals: UploadTotals }>>();
});
el.addEventListener('deeplake-success', (event) => {
  assert<Equal<typeof event.detail, { item: UploadItem; info: FileInfo }>>();
});
el.addEventListener('deeplake-error', (event) => {
  // On the element: the uploader's own detail, not the file element's `{ error }`.
  assert<Equal<typeof event.detail, { item: UploadItem; error: DeepLakeError }>>();
});
el.addEventListener('deeplake-complete', (event) => {
  assert<Equal<typeof event.detail.items, readonly UploadItem[]>>();
});
el.addEventListener('deeplake-network', (event) => {
  assert<Equal<typeof event.detail, { waiting: boolean }>>();
});
el.addEventListener('keydown', (event) => {
  assert<Equal<typeof event, KeyboardEvent>>();
});
el.removeEventListener('deeplake-success', (event) => {
  assert<Equal<typeof event.detail.info, FileInfo>>();
});
// Any ancestor hears the bubbling, composed events with the same types.
document.body.addEventListener('deeplake-success', (event) => {
  assert<Equal<typeof event.detail.info.id, string>>();
});
el.closest('form')?.addEventListener('deeplake-complete', (event) => {
  assert<Equal<typeof event.detail, DeepLakeUploaderEventDetail['deeplake-complete']>>();
});
el.addEventListener('deeplake-progress', (event) => {
  // @ts-expect-error progress has no `info`
  void event.detail.info;
});
