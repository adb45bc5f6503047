/**
 * Files on disk plus an in-memory index loaded from disk at start.
 *
 * Layout under dataDir:
 *   files/<uuid>        the bytes, exactly as uploaded
 *   files/<uuid>.json   metadata (one small file each, so a crash never corrupts an index)
 *   tmp/                uploads in progress; renamed into files/ only once complete
 * Bytes are renamed into place before the metadata is written, so a file is visible only
 * when both exist; a stray bytes file without metadata is ignored.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileRecord {
  id: string;
  workspace: string;
  filename: string;
  contentType: string;
  size: number;
  /** epoch ms */
  createdAt: number;
  /** Upload order; breaks ties between files created in the same millisecond. */
  seq: number;
  idempotencyKey?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

/** Partial uploads older than this are leftovers of a crash (a live upload touches its file). */
const STALE_TMP_MS = 10 * 60 * 1000;

export class FileStore {
  readonly filesDir: string;
  readonly tmpDir: string;
  readonly #byId = new Map<string, FileRecord>();
  /** workspace -> its records, oldest first. */
  readonly #byWorkspace = new Map<string, FileRecord[]>();
  /** `${workspace}\n${key}` -> file id */
  readonly #idempotency = new Map<string, string>();
  #nextSeq = 1;

  constructor(readonly dataDir: string) {
    this.filesDir = join(dataDir, 'files');
    this.tmpDir = join(dataDir, 'tmp');
    mkdirSync(this.filesDir, { recursive: true });
    mkdirSync(this.tmpDir, { recursive: true });
    this.#load();
  }

  // Synchronous on purpose: createEmulator() returns a ready emulator, and a data dir of a
  // developer's machine holds at most thousands of small metadata files.
  #load(): void {
    const records: FileRecord[] = [];
    for (const name of readdirSync(this.filesDir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const record = JSON.parse(readFileSync(join(this.filesDir, name), 'utf8')) as FileRecord;
        if (isUuid(record.id) && statSync(join(this.filesDir, record.id)).isFile()) records.push(record);
      } catch {
        // Unreadable metadata or missing bytes: skip it rather than refuse to start.
      }
    }
    records.sort((a, b) => a.seq - b.seq);
    for (const r of records) this.#index(r);
    for (const name of readdirSync(this.tmpDir)) {
      const path = join(this.tmpDir, name);
      try {
        if (Date.now() - statSync(path).mtimeMs > STALE_TMP_MS) rmSync(path, { force: true });
      } catch {
        // Raced with another process: nothing to clean.
      }
    }
  }

  #index(record: FileRecord): void {
    this.#byId.set(record.id, record);
    let list = this.#byWorkspace.get(record.workspace);
    if (!list) this.#byWorkspace.set(record.workspace, (list = []));
    list.push(record);
    if (record.idempotencyKey !== undefined) this.#idempotency.set(`${record.workspace}\n${record.idempotencyKey}`, record.id);
    this.#nextSeq = Math.max(this.#nextSeq, record.seq + 1);
  }

  /** A fresh path in tmp/ for an upload in progress. */
  tempPath(): string {
    return join(this.tmpDir, `${randomUUID()}.part`);
  }

  byIdempotencyKey(workspace: string, key: string): FileRecord | undefined {
    const id = this.#idempotency.get(`${workspace}\n${key}`);
    return id === undefined ? undefined : this.#byId.get(id);
  }

  /**
   * Moves a complete upload into the store. With an idempotency key that is already
   * known (a concurrent or repeated attempt), the new bytes are discarded and the first
   * record is returned, so a key never yields a second copy.
   */
  async commit(tmpPath: string, meta: { workspace: string; filename: string; contentType: string; size: number; idempotencyKey?: string }): Promise<FileRecord> {
    if (meta.idempotencyKey !== undefined) {
      const existing = this.byIdempotencyKey(meta.workspace, meta.idempotencyKey);
      if (existing) {
        await rm(tmpPath, { force: true });
        return existing;
      }
    }
    const record: FileRecord = { id: randomUUID(), ...meta, createdAt: Date.now(), seq: this.#nextSeq++ };
    // Index before the awaits so a concurrent attempt with the same key sees this one.
    this.#index(record);
    try {
      await rename(tmpPath, join(this.filesDir, record.id));
      const metaTmp = join(this.tmpDir, `${record.id}.json`);
      await writeFile(metaTmp, JSON.stringify(record));
      await rename(metaTmp, join(this.filesDir, `${record.id}.json`));
    } catch (err) {
      this.#unindex(record);
      await rm(tmpPath, { force: true });
      throw err;
    }
    return record;
  }

  get(workspace: string, id: string): FileRecord | undefined {
    const record = this.#byId.get(id);
    return record && record.workspace === workspace ? record : undefined;
  }

  pathOf(record: FileRecord): string {
    return join(this.filesDir, record.id);
  }

  /** Newest first. */
  list(workspace: string, limit: number, offset: number): { files: FileRecord[]; total: number } {
    const all = this.#byWorkspace.get(workspace) ?? [];
    const end = Math.max(all.length - offset, 0);
    const start = Math.max(end - limit, 0);
    return { files: all.slice(start, end).reverse(), total: all.length };
  }

  #unindex(record: FileRecord): void {
    this.#byId.delete(record.id);
    const list = this.#byWorkspace.get(record.workspace);
    const i = list?.indexOf(record) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
    if (record.idempotencyKey !== undefined) this.#idempotency.delete(`${record.workspace}\n${record.idempotencyKey}`);
  }

  async remove(workspace: string, id: string): Promise<boolean> {
    const record = this.get(workspace, id);
    if (!record) return false;
    this.#unindex(record);
    // Metadata first: if the second unlink fails, the leftover bytes are invisible.
    await rm(join(this.filesDir, `${id}.json`), { force: true });
    await rm(join(this.filesDir, id), { force: true });
    return true;
  }
}
