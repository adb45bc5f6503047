/**
 * tus uploads a reload or a crash cut off, as the queue's 'interrupted' rows. A page cannot
 * reopen a user's file: choosing the same file again takes over its row (tus resumes the
 * upload by fingerprint), removing the row discards the upload on the server.
 */
import type { DeepLakeClient, TusOptions, UnfinishedUpload } from '../client/index.js';
import { interruptedItem, type ItemList } from './items.js';
import type { UploadItem } from './types.js';

export class UnfinishedRows {
  /** The remembered upload behind each 'interrupted' row, by item id. */
  readonly #entries = new Map<string, UnfinishedUpload>();

  constructor(
    private readonly list: ItemList,
    private readonly client: () => DeepLakeClient,
  ) {}

  /** Adds rows for the remembered uploads that no row shows yet (by name and size). */
  async load(tus: TusOptions): Promise<UploadItem[]> {
    const entries = await this.client().unfinishedUploads(tus);
    return entries
      .filter((e) => !this.list.items.some((i) => i.file.name === e.name && i.total === e.size))
      .map((entry) => {
        const item = interruptedItem(entry);
        this.#entries.set(item.id, entry);
        this.list.add(item);
        return item;
      });
  }

  /** A new item of the same file (name and size) takes the place of its 'interrupted' row. */
  claim(item: UploadItem): void {
    for (const [id, entry] of this.#entries) {
      if (entry.name === item.file.name && entry.size === item.total && this.#entries.delete(id)) this.list.delete(id);
    }
  }

  /** Ends on the server what a removed row left there (a running upload's abort does that itself). */
  discard(item: UploadItem, tus: TusOptions | undefined): void {
    const entry = this.#entries.get(item.id);
    this.#entries.delete(item.id);
    if (!tus || !(entry || ['queued', 'paused', 'error'].includes(item.status))) return;
    Promise.resolve()
      .then(() => this.client().discardUpload(entry ?? item.file, tus))
      .catch(() => undefined); // best effort: an upload the server keeps expires there in time
  }
}
