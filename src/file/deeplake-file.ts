/** Registers `<deeplake-file>` (once, so two copies of the bundle on a page do not throw). */
import { DeepLakeFile } from './file.js';

export { DeepLakeFile };

if (!customElements.get('deeplake-file')) customElements.define('deeplake-file', DeepLakeFile);

declare global {
  interface HTMLElementTagNameMap {
    'deeplake-file': DeepLakeFile;
  }
}
