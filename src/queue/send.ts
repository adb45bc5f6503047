/**
 * Sends one item's file through the client and turns the client's callbacks (progress,
 * retry) into patches of the item's record: phase, bytes, speed, ETA, retry state.
 * The queue decides whether a patch still counts (the item may be paused meanwhile).
 */
import { DeepLakeError, type DeepLakeClient, type FileInfo, type TusOptions } from '../client/index.js';
import { IDLE, type ItemPatch } from './items.js';
import { SpeedMeter } from './speed.js';
import type { UploadItem } from './types.js';

/** How a record change is told: `progress`, the bytes moved (a `progress` event too); `now`, a step a person must see at once. */
export type ChangeKind = { progress?: boolean; now?: boolean };

export interface SendOptions {
  retries: number;
  signal: AbortSignal;
  /** Upload over tus with these options; undefined = multipart. */
  tus: TusOptions | undefined;
  stallTimeoutMs: number | undefined;
  /** The upload waits for the network (true), or goes on (false). */
  offline: (waiting: boolean) => void;
  update: (patch: ItemPatch, how: ChangeKind) => void;
}

/** Uploads `item.file`; rejects with a DeepLakeError (also for a client getter that throws). */
export async function send(client: () => DeepLakeClient, item: UploadItem, options: SendOptions): Promise<FileInfo> {
  const { update, tus } = options;
  let meter: SpeedMeter | undefined;
  try {
    return await client().upload(item.file, {
      signal: options.signal,
      retry: { retries: options.retries },
      ...(options.stallTimeoutMs !== undefined && { stallTimeoutMs: options.stallTimeoutMs }),
      onOffline: (waiting) => {
        meter = undefined;
        options.offline(waiting);
        // Multipart sends the whole file again once back; tus continues from the server's offset.
        update({ ...IDLE, phase: waiting ? 'offline' : 'sending', ...(!tus && { loaded: 0 }) }, { now: true });
      },
      ...(tus && {
        transport: 'tus',
        tus,
        // The server had `loaded` bytes already: the row says so, and the bar starts there.
        onResume: ({ loaded, total }) => {
          meter = undefined;
          update({ loaded, resumedFrom: loaded / total }, { progress: true, now: true });
        },
      }),
      onRetry: (error, retry) => {
        meter = undefined; // the next attempt is measured afresh
        // Multipart sends again from byte 0; tus continues from the server's offset.
        update({ ...IDLE, phase: 'sending', ...(!tus && { loaded: 0 }), error, retrying: retry }, { now: true });
      },
      onProgress: ({ loaded, total }) => {
        const now = performance.now();
        if (meter) meter.sample(loaded, now);
        else meter = new SpeedMeter(loaded, now);
        const sending = loaded < total;
        const patch: ItemPatch = {
          phase: sending ? 'sending' : 'processing',
          loaded,
          retrying: 0,
          error: undefined,
          bytesPerSecond: sending ? meter.bytesPerSecond : 0,
          secondsLeft: sending ? meter.secondsLeft(total - loaded) : undefined,
        };
        update(patch, { progress: true });
      },
    });
  } catch (error) {
    if (error instanceof DeepLakeError) throw error;
    // Not from the wire (e.g. a custom client that threw): not worth retrying as it is. A
    // browser's message may quote a header value (a token): it stays out of ours.
    throw new DeepLakeError('internal', 'The upload could not start', { cause: error });
  }
}
