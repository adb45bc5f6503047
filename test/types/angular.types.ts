/**
 * Compile-time checks for Angular templates (type-checked by `npm run typecheck`, never
 * run). With `CUSTOM_ELEMENTS_SCHEMA` Angular does not type-check property bindings on
 * custom elements, but with `strictTemplates` it types `(deeplake-success)="on($event)"`
 * from the code it generates for the template: the element from
 * `document.createElement(tag)` (so `HTMLElementTagNameMap`) and `$event` from that
 * element's `addEventListener`. That is what is checked here, as Angular writes it.
 */
import type { DeepLakeError, DeepLakeFile, DeepLakeUploader, FileInfo, UploadItem } from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(): T => true as T;

const uploader = document.createElement('deeplake-uploader');
assert<Equal<typeof uploader, DeepLakeUploader>>();
uploader.addEventListener('deeplake-success', ($event): any => {
  assert<Equal<typeof $event.detail, { item: UploadItem; info: FileInfo }>>();
  // @ts-expect-error no such field in the detail
  return $event.detail.fileId;
});
uploader.addEventListener('change', ($event): any => $event.target);

const file = document.createElement('deeplake-file');
assert<Equal<typeof file, DeepLakeFile>>();
file.addEventListener('deeplake-error', ($event): any => {
  assert<Equal<typeof $event.detail, { error: DeepLakeError }>>();
});
