/**
 * Helpers over the upload queue's records, shared by the tests of `UploadQueue` and of
 * `<deeplake-uploader>` (uploader-helpers.ts re-exports them): counting records by status,
 * and catching an upload with some but not all of its bytes sent.
 */
import type { UploadItem, UploadQueue } from '../../src/queue/index.js';
import { when } from './wait.js';

export const countOf = (items: readonly UploadItem[], status: UploadItem['status']) => items.filter((i) => i.status === status).length;

/**
 * The size of a file a test catches mid-body (whenMidBody): a loaded machine grows its
 * loopback socket buffers past 8 MB, and a body they take whole leaves no moment between
 * the first byte counted and the last.
 */
export const MID_BODY_SIZE = 24 * 1024 * 1024;

/**
 * Some but not all bytes of an upload left the browser: the next progress of the record
 * whose `id` or `relativePath` is `key`, on a queue (`progress`) or an uploader
 * (`deeplake-progress`), with bytes counted and still sending.
 */
export function whenMidBody(target: UploadQueue | HTMLElement, key: string): Promise<{ item: UploadItem }> {
  const midBody = ({ item }: { item: UploadItem }) =>
    (item.id === key || item.relativePath === key) && item.phase === 'sending' && item.loaded > 0 && item.loaded < item.total;
  return target instanceof Element ? when(target, 'deeplake-progress', midBody) : when(target, 'progress', midBody);
}
