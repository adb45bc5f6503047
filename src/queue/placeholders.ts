/**
 * Rows whose bytes are not at hand, as a page cannot reopen a user's file:
 * - tus uploads a reload or a crash cut off, as 'interrupted' rows. Choosing the same file
 *   again takes over its row (tus resumes the upload by fingerprint), removing the row
 *   discards the upload on the server;
 * - stored files a form restore brought back (items.ts's storedItem(), known by UUID):
 *   their name and size once the client's `info` answers.
 *
 * A lazy chunk: the queue loads it with its first tus listing or removal (beside
 * tus-js-client's chunk) or its first restore, so other pages never download it. It
 * imports no value from the queue's other modules (the queue hands it the list and
 * newItem()): a lazy module that did would split what the page loads up front into more
 * chunks.
 */
import type { DeepLakeClient, FileInfo, TusOptions, UnfinishedUpload } from '../client/index.js';
import type { ItemList } from './items.js';
import type { UploadItem, UploadSource } from './types.js';

export class Placeholders {
  /** The remembered upload behind each 'interrupted' row, by item id. */
  readonly #entries = new Map<string, UnfinishedUpload>();

  constructor(
    private readonly list: ItemList,
    private readonly client: () => DeepLakeClient,
    /** items.ts's newItem(): a 'queued' record with a page-unique id. */
    private readonly newItem: (source: UploadSource) => UploadItem,
  ) {}

  /** Adds rows for the remembered uploads (`client.unfinishedUploads()`) that no row shows yet (by name and size). */
  addUnfinished(entries: readonly UnfinishedUpload[]): UploadItem[] {
    return entries
      .filter((e) => !this.list.items.some((i) => i.file.name === e.name && i.total === e.size))
      .map((entry) => {
        // Known by name and size only: an empty placeholder File, as a restored row's.
        const item = this.newItem(new File([], entry.name, { type: entry.type }));
        const row: UploadItem = Object.freeze({ ...item, status: 'interrupted', total: Math.max(entry.size, 0) });
        this.#entries.set(row.id, entry);
        this.list.add(row);
        return row;
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

  /** A restored row gets the stored file's name and size; false when it is no longer there. */
  describe(id: string, info: FileInfo): boolean {
    const item = this.list.get(id);
    if (!item || item.status !== 'done') return false;
    const size = info.size >= 0 ? info.size : item.total;
    this.list.replace(Object.freeze({ ...item, info, relativePath: info.name || item.relativePath, total: size, loaded: size }));
    return true;
  }
}
