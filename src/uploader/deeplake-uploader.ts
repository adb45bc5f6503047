/** Registers `<deeplake-uploader>` (once, so two copies of the bundle on a page do not throw). */
import { DeepLakeUploader } from './uploader.js';

export { DeepLakeUploader };

if (!customElements.get('deeplake-uploader')) customElements.define('deeplake-uploader', DeepLakeUploader);

declare global {
  interface HTMLElementTagNameMap {
    'deeplake-uploader': DeepLakeUploader;
  }
}
