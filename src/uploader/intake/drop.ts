/**
 * Files out of a drop or a paste. Folders are walked recursively through the
 * File and Directory Entries API, keeping each file's path relative to the drop.
 *
 * What a DataTransfer allows, and when (the same in Chromium, Firefox and WebKit): the
 * browser's own DataTransfer (a real drop or paste: a trusted event) is readable only
 * during the event: once the handler returns, `items` is empty. The File objects and
 * FileSystemEntry objects taken from it during the event stay usable afterwards, so a
 * folder can be walked later, but only if its entry was asked for in time. A DataTransfer
 * a script made (`new DataTransfer()`, an untrusted event) stays readable.
 *
 * What it costs: `getAsFile()` and a File's `type` are cheap in every engine. In WebKit,
 * each `webkitGetAsEntry()` makes a file system object with a work queue of its own, and
 * costs more the more of them exist: 0.26 s for 1,000 items, 2.3 s for 4,000, 16–37 s for
 * 10,000, single calls stalling 50–400 ms on a loaded machine. The first read of a File's
 * `size` is a synchronous round trip in WebKit (about 0.1 ms). Chromium and Firefox answer
 * both at once. So the entries API is asked only for items that may be folders (see
 * `mayBeFolder`), during the event for the browser's DataTransfer and in slices for a
 * lasting one; and the sizes that validation reads next are read here first, in slices,
 * so that `addFiles()` finds them known.
 */
import type { FileWithPath } from '../../queue/index.js';
import { inSlices, nextTask, SLICE_MS } from './slices.js';

export interface TransferOptions {
  /**
   * Whether `data.items` stays readable after the event: true for a DataTransfer a script
   * made (an untrusted event), false for the browser's own (the default).
   */
  lasting?: boolean;
}

/**
 * Up to this many items, every item is asked whether it is a folder (a few ms at most,
 * even in WebKit), so that a folder named like a file ("chart.js") is still walked.
 */
const ASK_EVERY_ITEM_UP_TO = 100;

/**
 * Whether the item giving `file` may be a folder, from what costs next to nothing: a
 * folder's File has no type (its name has no known extension) and the size the file
 * system gives a directory: 0 (Windows), a multiple of 4096 (ext4 and most Linux file
 * systems) or of 32 (APFS). A file without a type is asked only when its size fits too.
 * (A folder on btrfs or HFS+, whose size is no such multiple, is taken for a file in a
 * drop of over 100 items; see docs/ARCHITECTURE.md.)
 */
const mayBeFolder = (file: File | null, count: number) => !file || count <= ASK_EVERY_ITEM_UP_TO || (file.type === '' && file.size % 32 === 0);

/** Files of a drop or paste, folders included. Call it during the event. */
export function filesFromDataTransfer(data: DataTransfer, { lasting = false }: TransferOptions = {}): Promise<FileWithPath[]> {
  const items = data.items;
  const count = items?.length ?? 0;
  // In item order: each item's File, and its folder entry once it is known to be a folder.
  const files = new Array<File | null | undefined>(count);
  const folders = new Array<FileSystemDirectoryEntry | undefined>(count);
  const take = (i: number) => {
    const item = items[i]!;
    if (item.kind !== 'file') return;
    const file = (files[i] = item.getAsFile());
    if (!mayBeFolder(file, count)) return;
    const entry = item.webkitGetAsEntry?.();
    if (entry?.isDirectory) folders[i] = entry as FileSystemDirectoryEntry;
  };
  // The browser's DataTransfer: every item now, while it can be read. A lasting one: the
  // first slice now, the rest in later tasks while it still has its items (emptied after
  // all, the rest is lost: a script that empties its own DataTransfer asked for that).
  let asked: Promise<void>;
  if (lasting) asked = inSlices(count, take, SLICE_MS, () => data.items.length !== count);
  else {
    for (let i = 0; i < count; i++) take(i);
    asked = Promise.resolve();
  }
  // Some sources (synthetic events, older engines) fill `files` but not `items`.
  const onlyFiles = count === 0 ? Array.from(data.files ?? []) : [];

  return asked.then(async () => {
    await nextTask(); // the rest after the event's own task
    const loose = [...onlyFiles];
    const dirs: FileSystemDirectoryEntry[] = [];
    for (let i = 0; i < count; i++) {
      if (folders[i]) dirs.push(folders[i]!);
      else if (files[i]) loose.push(files[i]!);
    }
    const found = [...loose.map((file) => ({ file, relativePath: file.name })), ...(await collect(dirs))];
    // Validation reads every size next, in one task: read them here first, sliced (in
    // WebKit a File's first size read is a synchronous round trip; the engine keeps it).
    // The sum is used below only so that no minifier takes the reads for dead code.
    let bytes = 0;
    await inSlices(found.length, (i) => (bytes += found[i]!.file.size));
    await nextTask(); // addFiles() in a task of its own
    return bytes >= 0 ? found : [];
  });
}

async function collect(entries: FileSystemEntry[], prefix = ''): Promise<FileWithPath[]> {
  const out: FileWithPath[] = [];
  for (const entry of entries) {
    const path = `${prefix}${entry.name}`;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ file, relativePath: path });
    } else if (entry.isDirectory) {
      out.push(...(await collect(await readAll(entry as FileSystemDirectoryEntry), `${path}/`)));
    }
  }
  return out;
}

/** `readEntries` answers in batches (100 in Chromium) until it answers an empty one. */
async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}
