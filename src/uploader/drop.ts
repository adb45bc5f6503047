/**
 * Files out of a drop or a paste. Folders are walked recursively through the
 * File and Directory Entries API, keeping each file's path relative to the drop.
 * The entries must be taken synchronously, inside the event: the DataTransfer is
 * emptied as soon as the handler returns.
 */

export interface DroppedFile {
  file: File;
  /** "folder/sub/name.ext" for files inside dropped folders, else the file name. */
  relativePath: string;
}

/** Files of a drop or paste, folders included. */
export function filesFromDataTransfer(data: DataTransfer): Promise<DroppedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry?.isDirectory) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  // Some sources (synthetic events, older engines) fill `files` but not `items`.
  if (loose.length === 0 && entries.length === 0) loose.push(...Array.from(data.files ?? []));
  return collect(entries).then((nested) => [...loose.map((file) => ({ file, relativePath: file.name })), ...nested]);
}

async function collect(entries: FileSystemEntry[], prefix = ''): Promise<DroppedFile[]> {
  const out: DroppedFile[] = [];
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
