/** `queue/`: the framework-free upload queue behind `<deeplake-uploader>`. */
export { UploadQueue } from './upload-queue.js';
export type { UploadQueueEventDetail, UploadQueueEventMap, UploadQueueEventName } from './events.js';
export { SpeedMeter } from './speed.js';
export type { FileWithPath, Prepare, UploadItem, UploadQueueOptions, UploadSource, UploadStatus, UploadTotals } from './types.js';
export { isStored, withPath } from './items.js';
