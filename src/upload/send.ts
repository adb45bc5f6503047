/**
 * Sends one item's file through the client and turns the client's callbacks (progress,
 * retry) into patches of the item's record: phase, bytes, speed, ETA, retry state.
 * The queue decides whether a patch still counts (the item may be paused meanwhile).
 */
import { DeepLakeError, type DeepLakeClient, type FileInfo, type TusOptions } from '../client/index.js';
import { IDLE, type ItemPatch } from './items.js';
import { SpeedMeter } from './speed.js';
import type { UploadItem } from './types.js';

export interface SendOptions {
  retries: number;
  signal: AbortSignal;
  /** Upload over tus with these options; undefined = multipart. */
  tus: TusOptions | undefined;
  /** `progress`: how the change is announced — 'batched' for byte counts, 'now' for visible steps. */
  update: (patch: ItemPatch, progress?: 'batched' | 'now') => void;
}

/** Uploads `item.file`; rejects with a DeepLakeError (also for a client getter that throws). */
export async function send(client: () => DeepLakeClient, item: UploadItem, options: SendOptions): Promise<FileInfo> {
  const { update, tus } = options;
  let meter: SpeedMeter | undefined;
  let retrying = 0;
  try {
    return await client().upload(item.file, {
      signal: options.signal,
      retry: { retries: options.retries },
      ...(tus && {
        transport: 'tus',
        tus,
        // The server had `loaded` bytes already: the row says so, and the bar starts there.
        onResume: ({ loaded, total }) => {
          meter = undefined;
          update({ loaded, resumedFrom: loaded / total }, 'now');
        },
      }),
      onRetry: (error, retry) => {
        meter = undefined; // the next attempt is measured afresh
        retrying = retry;
        // Multipart sends again from byte 0; tus continues from the server's offset.
        update({ ...IDLE, phase: 'sending', ...(!tus && { loaded: 0 }), error, retrying });
      },
      onProgress: ({ loaded, total }) => {
        const now = performance.now();
        if (meter) meter.sample(loaded, now);
        else meter = new SpeedMeter(loaded, now);
        const sending = loaded < total;
        // The switch to 'processing', and the first bytes of a retry (which end the
        // "retrying" state), are shown at once; plain byte counts in the next batch.
        const step = !sending || retrying > 0;
        retrying = 0;
        const patch: ItemPatch = {
          phase: sending ? 'sending' : 'processing',
          loaded,
          retrying: 0,
          error: undefined,
          bytesPerSecond: sending ? meter.bytesPerSecond : 0,
          secondsLeft: sending ? meter.secondsLeft(total - loaded) : undefined,
        };
        update(patch, step ? 'now' : 'batched');
      },
    });
  } catch (error) {
    if (error instanceof DeepLakeError) throw error;
    // Not from the wire (e.g. a client getter that threw): not worth retrying as it is.
    const message = error instanceof Error ? error.message : String(error);
    throw new DeepLakeError('bad_request', `The upload could not start: ${message}`, { cause: error });
  }
}
