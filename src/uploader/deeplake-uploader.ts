/**
 * `<deeplake-uploader>` alone (registered by define.ts), for a build without
 * `<deeplake-file>`: restored rows show stored images through `<deeplake-file>`, so it is
 * imported when a form restore first needs it. The package's entries register both
 * elements up front (define.ts + file/deeplake-file.ts) and never load this module: a
 * lazy import of a module that the same bundle already holds is dead weight (Vite's
 * INEFFECTIVE_DYNAMIC_IMPORT warning on the one-script-tag build).
 */
import { setFileElementLoader } from './controllers/file-element.js';

export { DeepLakeUploader } from './define.js';

setFileElementLoader(() => import('../file/deeplake-file.js'));
