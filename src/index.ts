/**
 * `deeplake-elements`: registers the custom elements and re-exports the public API.
 * Importing this module defines `<deeplake-uploader>` and `<deeplake-file>`.
 */
export * from './client/index.js';
export { configure } from './config.js';
export type { DeepLakeConfig } from './config.js';
export { DeepLakeUploader } from './uploader/define.js';
export type { DeepLakeUploaderEventDetail, DeepLakeUploaderEventMap, PendingFile } from './uploader/events.js';
export type { RejectReason } from './uploader/intake/validate.js';
export { UploadQueue } from './queue/index.js';
export type { FileWithPath, UploadItem, UploadStatus, UploadTotals } from './queue/index.js';
export { en as defaultStrings, fileEn as defaultFileStrings, fill } from './i18n/strings.js';
export type { FileStrings, UploaderStrings } from './i18n/strings.js';
export { DeepLakeFile } from './file/deeplake-file.js';
export type { DeepLakeFileEventDetail, DeepLakeFileEventMap } from './file/events.js';
export type { ResolveUrl } from './file/properties.js';
