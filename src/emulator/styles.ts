/**
 * The JSON spellings a workspace can answer in. The real service does not publish its
 * field names, so the emulator can speak several plausible dialects to prove that the
 * client's lenient parsers (src/client/wire.ts) read them all the same.
 */
import type { FileRecord } from './store.js';
import type { ResponseStyle } from './types.js';

export const STYLES: readonly ResponseStyle[] = ['snake', 'camel', 'alt', 'data'];
export const isStyle = (s: unknown): s is ResponseStyle => STYLES.includes(s as ResponseStyle);

function snake(r: FileRecord): Record<string, unknown> {
  return {
    id: r.id,
    filename: r.filename,
    content_type: r.contentType,
    size: r.size,
    created_at: new Date(r.createdAt).toISOString(),
    workspace: r.workspace,
  };
}

export function formatInfo(r: FileRecord, style: ResponseStyle): unknown {
  switch (style) {
    case 'camel':
      return { id: r.id, name: r.filename, contentType: r.contentType, size: r.size, createdAt: r.createdAt };
    case 'alt':
      return { id: r.id, name: r.filename, mime_type: r.contentType, bytes: r.size, created_at: Math.floor(r.createdAt / 1000) };
    case 'data':
      return { data: snake(r) };
    default:
      return snake(r);
  }
}

export function formatList(files: FileRecord[], page: { total: number; limit: number; offset: number }, style: ResponseStyle): unknown {
  switch (style) {
    case 'camel':
      return files.map((r) => formatInfo(r, 'camel'));
    case 'alt':
      return { items: files.map((r) => formatInfo(r, 'alt')) };
    case 'data':
      return { data: files.map(snake) };
    default:
      return { files: files.map(snake), ...page };
  }
}
