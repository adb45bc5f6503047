/**
 * Registers `<deeplake-uploader>` (once, so two copies of the bundle on a page do not throw),
 * and has the page's shared clients made as DeepLakeClient.
 * The package's entries (index.ts, react.ts) load this beside `<deeplake-file>`'s
 * registration; deeplake-uploader.ts is the uploader alone, which loads `<deeplake-file>`
 * lazily for restored rows.
 */
import { DeepLakeClient } from '../client/client.js';
import { makeClientsAs } from '../config.js';
import { DeepLakeUploader } from './uploader.js';

export { DeepLakeUploader };

// Elements share their page's clients (config.ts): made as DeepLakeClient once the uploader
// is in, since it asks them to upload and delete.
makeClientsAs(DeepLakeClient);

if (!customElements.get('deeplake-uploader')) customElements.define('deeplake-uploader', DeepLakeUploader);

declare global {
  interface HTMLElementTagNameMap {
    'deeplake-uploader': DeepLakeUploader;
  }
}
