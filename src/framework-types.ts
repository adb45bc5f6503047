/**
 * Types only (no code): what a framework template may set on each element, derived from
 * the element classes so they cannot drift from them. Used by the framework entries
 * (react.ts for JSX, vue.ts for `GlobalComponents`, svelte.ts for `svelte/elements`).
 */
import type { LitElement } from 'lit';
import type { DeepLakeFile } from './file/file.js';
import type { DeepLakeFileEventMap } from './file/events.js';
import type { DeepLakeUploader } from './uploader/uploader.js';
import type { DeepLakeUploaderEventMap } from './uploader/events.js';

type IfEqual<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;
/** Keys that are not readonly (getter-only accessors such as `values` and `info` are). */
type WritableKeys<T> = { [K in keyof T]-?: IfEqual<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, K, never> }[keyof T];
/**
 * The element's own writable properties, without methods: a method's type is a function,
 * while a callback property (`tokenProvider`, `resolveUrl`) may be `undefined`, so it stays.
 */
type SettableKeys<El, Not> = {
  [K in Exclude<WritableKeys<El>, keyof LitElement | Not>]: El[K] extends (...args: never[]) => unknown ? never : K;
}[Exclude<WritableKeys<El>, keyof LitElement | Not>];

/**
 * Properties a template may set on `<deeplake-uploader>` (attributes and the object ones:
 * `client`, `tokenProvider`, `strings`). `dragover` reflects a drag; it is not for setting.
 */
export type DeepLakeUploaderProps = Partial<Pick<DeepLakeUploader, SettableKeys<DeepLakeUploader, 'dragover'>>>;
/** Properties a template may set on `<deeplake-file>` (`fileId`, `client`, `resolveUrl`, …). */
export type DeepLakeFileProps = Partial<Pick<DeepLakeFile, SettableKeys<DeepLakeFile, never>>>;

/** `deeplake-success` → `DeeplakeSuccess`. */
export type PascalCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${PascalCase<Tail>}` : Capitalize<S>;

/** `onDeeplakeSuccess` & co.: React wrapper props and Vue's `@deeplake-success` (as props). */
export type CamelEventProps<M> = { [K in keyof M & string as `on${PascalCase<K>}`]?: (event: M[K]) => void };
/** `ondeeplake-success` & co.: listeners as React 19 and Svelte 5 attach them on custom elements. */
export type LowerEventProps<M> = { [K in keyof M & string as `on${K}`]?: (event: M[K]) => void };

/** The element's events by name; the uploader's `change` is a plain Event. */
export type UploaderEvents = DeepLakeUploaderEventMap;
export type FileEvents = DeepLakeFileEventMap;
