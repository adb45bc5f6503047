/**
 * Registers `<deeplake-uploader>` (once, so two copies of the bundle on a page do not throw).
 * The package's entries (index.ts, react.ts) load this beside `<deeplake-file>`'s
 * registration; deeplake-uploader.ts is the uploader alone, which loads `<deeplake-file>`
 * lazily for restored rows.
 */
import { DeepLakeUploader } from './uploader.js';

export { DeepLakeUploader };

if (!customElements.get('deeplake-uploader')) customElements.define('deeplake-uploader', DeepLakeUploader);

declare global {
  interface HTMLElementTagNameMap {
    'deeplake-uploader': DeepLakeUploader;
  }
}
