/**
 * Wire types of the Deep Lake Files API and lenient parsers for them.
 *
 * The service publishes only that an upload answers with an `id`; field names of the
 * metadata, the shape of a list and of error bodies are not documented. So every
 * parser here accepts the variants seen in the wild and never assumes one spelling.
 * Shared with the emulator, which emits each variant on request to test these parsers.
 * No DOM, no Node: this module runs in both.
 */

/** Metadata of one stored file, normalised from whichever field names the server used. */
export interface FileInfo {
  /** The stored file's UUID: the join key to store in a table column. */
  id: string;
  /** Original file name ("" when the server did not say). */
  name: string;
  /** MIME type ("application/octet-stream" when the server did not say). */
  contentType: string;
  /** Size in bytes (-1 when the server did not say). */
  size: number;
  /** Creation time as an ISO string, when the server said. */
  createdAt?: string;
  /** The object exactly as the server sent it, for fields this library does not know. */
  raw: Record<string, unknown>;
}

/** Result of `POST /workspaces/{ws}/tables/query`. */
export interface QueryResult {
  columns: string[];
  rows: unknown[][];
  row_count: number;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function pick(obj: Json, keys: readonly string[]): unknown {
  for (const k of keys) if (obj[k] !== undefined && obj[k] !== null) return obj[k];
  return undefined;
}

function toIso(v: unknown): string | undefined {
  if (typeof v === 'string' && v) return v;
  if (typeof v === 'number' && Number.isFinite(v)) {
    // Epoch seconds and epoch milliseconds are both seen; seconds are < 1e11 until year 5138.
    return new Date(v < 1e11 ? v * 1000 : v).toISOString();
  }
  return undefined;
}

/** The variants of each field, in order of preference. */
export const FIELD_NAMES = {
  id: ['id', 'file_id', 'fileId', 'uuid'],
  name: ['filename', 'name', 'file_name', 'fileName', 'original_filename'],
  contentType: ['content_type', 'contentType', 'mime_type', 'mimeType', 'type'],
  size: ['size', 'bytes', 'size_bytes', 'content_length', 'length'],
  createdAt: ['created_at', 'createdAt', 'created', 'uploaded_at'],
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `id` has the shape of a stored file's id (a UUID). Anything else ("../../admin",
 * markup, 10 KB) could become a path, a form value or an event's payload.
 */
export const isFileId = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

/** Parses one file's metadata; `undefined` when there is no `id` that is a UUID. */
export function parseFileInfo(json: unknown): FileInfo | undefined {
  if (!isObject(json)) return undefined;
  const id = pick(json, FIELD_NAMES.id);
  if (id === undefined) {
    // Some servers wrap a single object: `{ data: {...} }` or `{ file: {...} }`.
    const inner = pick(json, ['data', 'file', 'result']);
    if (isObject(inner)) return parseFileInfo(inner);
  }
  if (!isFileId(id)) return undefined;
  const name = pick(json, FIELD_NAMES.name);
  const type = pick(json, FIELD_NAMES.contentType);
  const size = Number(pick(json, FIELD_NAMES.size));
  const info: FileInfo = {
    id,
    name: typeof name === 'string' ? name : '',
    contentType: typeof type === 'string' && type ? type : 'application/octet-stream',
    size: Number.isFinite(size) && size >= 0 ? size : -1,
    raw: json,
  };
  const createdAt = toIso(pick(json, FIELD_NAMES.createdAt));
  if (createdAt) info.createdAt = createdAt;
  return info;
}

/** Parses a list answer: a bare array or one wrapped in `data`, `items`, `files` or `results`. */
export function parseFileList(json: unknown): FileInfo[] | undefined {
  const list = Array.isArray(json) ? json : isObject(json) ? pick(json, ['data', 'items', 'files', 'results']) : undefined;
  if (!Array.isArray(list)) return undefined;
  // Entries without a UUID `id` are left out.
  return list.flatMap((entry) => parseFileInfo(entry) ?? []);
}

/** Parses a query answer; `undefined` unless it has `columns` and `rows` arrays. */
export function parseQueryResult(json: unknown): QueryResult | undefined {
  if (!isObject(json) || !Array.isArray(json.columns) || !Array.isArray(json.rows)) return undefined;
  const rowCount = Number(json.row_count ?? json.rowCount ?? json.rows.length);
  return {
    columns: json.columns.map(String),
    rows: json.rows as unknown[][],
    row_count: Number.isFinite(rowCount) ? rowCount : json.rows.length,
  };
}
