/**
 * The queue's list of immutable item records, in the order they were added. Every change
 * freezes a new record and drops the cached array, so both the `items` array and each
 * changed record get a new identity while unchanged records keep theirs. The queue's own
 * reads (the next item to start, totals, stored ids) go through `records` and `version`
 * instead: never a fresh `items` snapshot per change, which grows with the list.
 */
import type { FileWithPath, UploadItem, UploadSource } from './types.js';

// A page-wide counter: ids stay unique across queues (usable in DOM ids), and unlike
// crypto.randomUUID() it also works in insecure contexts (a CMS on plain http).
let counter = 0;

/** `source` as a file with its path: the one conversion, for the queue and the element alike. */
export const withPath = (source: UploadSource): FileWithPath =>
  source instanceof Blob
    ? { file: source, relativePath: source.webkitRelativePath || source.name }
    : { file: source.file, relativePath: source.relativePath || source.file?.name };

/** A new 'queued' record for `source`. */
export function newItem(source: UploadSource): UploadItem {
  const { file, relativePath } = withPath(source);
  if (!(file instanceof Blob)) throw new TypeError('UploadQueue.add: expected File objects');
  return Object.freeze({
    id: `upload-${++counter}`,
    file,
    relativePath,
    status: 'queued',
    phase: undefined,
    loaded: 0,
    total: file.size,
    fileId: undefined,
    info: undefined,
    error: undefined,
    retrying: 0,
    bytesPerSecond: 0,
    secondsLeft: undefined,
  });
}

/** A stored file known only by its UUID (a form restored on back/forward): a 'done' record. */
export function storedItem(fileId: string): UploadItem {
  // No bytes are at hand (a browser cannot reopen a user's file): an empty placeholder File.
  return Object.freeze({ ...newItem(new File([], fileId)), status: 'done' as const, fileId });
}

/** Whether `item` came from `storedItem()`: done, with no bytes at hand but its UUID. */
export const isStored = (item: UploadItem): boolean => item.status === 'done' && item.file.size === 0 && item.file.name === item.fileId;

export type ItemPatch = Partial<Omit<UploadItem, 'id' | 'file' | 'relativePath' | 'total'>>;

/** The fields that only mean something while a request runs, at rest. */
export const IDLE = { phase: undefined, retrying: 0, bytesPerSecond: 0, secondsLeft: undefined } as const satisfies ItemPatch;

/** Whether `patch` would change nothing in `item` (a for-in: no key array per update). */
function sameAs(item: UploadItem, patch: ItemPatch): boolean {
  for (const k in patch) if (!Object.is(item[k as keyof ItemPatch], patch[k as keyof ItemPatch])) return false;
  return true;
}

export class ItemList {
  /** The records in list order, changed in place; `items` hands out frozen copies. */
  readonly #records: UploadItem[] = [];
  readonly #index = new Map<string, number>();
  #array: readonly UploadItem[] | undefined;
  #version = 0;

  /** A frozen snapshot, the same array until the list changes. */
  get items(): readonly UploadItem[] {
    return (this.#array ??= Object.freeze(this.#records.slice()));
  }

  /** The live records, for reading within one synchronous step (never handed out). */
  get records(): readonly UploadItem[] {
    return this.#records;
  }

  /** Grows with every change: cached derived state compares it. */
  get version(): number {
    return this.#version;
  }

  /**
   * The stored files' UUIDs (done items), in list order. Worked out once per version, and
   * the same frozen array while they stay the same: a form or a `change` check reading it
   * on every change of a long batch compares identity, not contents.
   */
  get fileIds(): readonly string[] {
    if (this.#version !== this.#fileIdsOf) {
      this.#fileIdsOf = this.#version;
      // An indexed loop: read on every change of a batch, a for-of could allocate per element.
      const ids: string[] = [];
      for (let r = 0; r < this.#records.length; r++) {
        const { status, fileId } = this.#records[r]!;
        if (status === 'done' && fileId) ids.push(fileId);
      }
      const old = this.#fileIds;
      if (ids.length !== old.length || ids.some((id, n) => id !== old[n])) this.#fileIds = Object.freeze(ids);
    }
    return this.#fileIds;
  }
  #fileIdsOf = -1;
  #fileIds: readonly string[] = Object.freeze([]);

  /** Grows with every removal: positions read before it may have moved. */
  get removals(): number {
    return this.#removals;
  }
  #removals = 0;

  get(id: string): UploadItem | undefined {
    const i = this.#index.get(id);
    return i === undefined ? undefined : this.#records[i];
  }

  add(item: UploadItem): void {
    this.#index.set(item.id, this.#records.push(item) - 1);
    this.#changed();
  }

  /** Puts `item` in place of the record with its id (keeping its position). */
  replace(item: UploadItem): void {
    const i = this.#index.get(item.id);
    if (i === undefined) return;
    this.#records[i] = item;
    this.#changed();
  }

  /** Replaces the record of `id` with `patch` applied; undefined when nothing changed. */
  update(id: string, patch: ItemPatch): UploadItem | undefined {
    const i = this.#index.get(id);
    if (i === undefined) return undefined;
    const old = this.#records[i]!;
    if (sameAs(old, patch)) return undefined;
    const next: UploadItem = Object.freeze({ ...old, ...patch });
    this.#records[i] = next;
    this.#changed();
    return next;
  }

  delete(id: string): boolean {
    const i = this.#index.get(id);
    if (i === undefined) return false;
    this.#records.splice(i, 1);
    this.#index.delete(id);
    for (let n = i; n < this.#records.length; n++) this.#index.set(this.#records[n]!.id, n);
    this.#removals++;
    this.#changed();
    return true;
  }

  clear(): void {
    this.#records.length = 0;
    this.#index.clear();
    this.#removals++;
    this.#changed();
  }

  #changed(): void {
    this.#array = undefined;
    this.#version++;
  }
}
