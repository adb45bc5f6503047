/**
 * Compile-time checks of `deeplake-elements/svelte` (type-checked by `npm run typecheck`,
 * never run): what svelte-check checks `<deeplake-uploader …>` against in a Svelte 5
 * template is `SvelteHTMLElements['deeplake-uploader']`. Without the declaration it is
 * Svelte's `{ [name: string]: any }` for unknown tags, and the `@ts-expect-error` lines
 * fail (nothing is an error), as does the typed-detail check.
 */
import type { SvelteHTMLElements } from 'svelte/elements';
import type { DeepLakeClient, FileInfo } from '../../src/client/index.js';
import '../../src/svelte.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(): T => true as T;

type Uploader = SvelteHTMLElements['deeplake-uploader'];
type File = SvelteHTMLElements['deeplake-file'];
declare const client: DeepLakeClient;

export const uploader: Uploader = {
  name: 'attachments',
  multiple: true,
  client,
  class: 'field',
  'ondeeplake-success': (e) => {
    assert<Equal<typeof e.detail.info, FileInfo>>();
  },
};
export const file: File = { fileId: 'x', 'ondeeplake-error': (e) => e.detail.error.code };

// @ts-expect-error `multiple` is a boolean
export const wrongType: Uploader = { multiple: 'yes' };
// @ts-expect-error `<deeplake-file>` fires no deeplake-success
export const wrongEvent: File = { 'ondeeplake-success': () => undefined };
