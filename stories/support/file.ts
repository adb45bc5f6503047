/**
 * Builds a `<deeplake-file>` for a story: stores the story's file in its own emulator
 * workspace, then points the element at the stored UUID. Without the emulator (static
 * build) the element gets a UUID it cannot fetch and shows its error state.
 */
import { DeepLakeClient } from '../../src/client/index.js';
import type { DeepLakeFile } from '../../src/file/deeplake-file.js';
import type { FileStrings } from '../../src/i18n/strings.js';
import { newWorkspace, storyClient } from './emulator.js';

export interface FileArgs {
  alt: string;
  download: boolean;
  loading: 'lazy' | 'eager';
}

export const defaultFileArgs: FileArgs = { alt: '', download: false, loading: 'eager' };

/** What the story shows: a file to store first, or an id as it is. */
export type Source = { make: () => Blob | Promise<Blob>; name: string; type: string } | { id: string };

export interface FileOptions {
  /** The element's token provider instead of the workspace's (one that never answers, a wrong token). */
  token?: () => string | Promise<string>;
  strings?: () => Promise<Partial<FileStrings>>;
  /** Runs once the element has rendered. */
  after?: (el: DeepLakeFile) => void | Promise<void>;
}

export function deeplakeFile(args: FileArgs, source: Source, options: FileOptions = {}): DeepLakeFile {
  const el = document.createElement('deeplake-file');
  Object.assign(el, { download: args.download, loading: args.loading });
  if (args.alt) el.alt = args.alt;
  void (async () => {
    const ws = await newWorkspace();
    const client = storyClient(ws);
    let id = 'id' in source ? source.id : crypto.randomUUID();
    if ('make' in source && ws) id = (await client.upload(new File([await source.make()], source.name, { type: source.type }))).id;
    if (options.strings) el.strings = await options.strings();
    el.client = options.token
      ? new DeepLakeClient({ apiUrl: location.origin, workspace: ws?.workspace ?? 'storybook', tokenProvider: options.token, retry: { retries: 0 } })
      : client;
    el.fileId = id;
    await el.updateComplete;
    await options.after?.(el);
  })();
  return el;
}
