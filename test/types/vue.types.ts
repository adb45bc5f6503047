/**
 * Compile-time checks of `deeplake-elements/vue` (type-checked by `npm run typecheck`,
 * never run): the tags are `GlobalComponents`, whose props are what vue-tsc checks a
 * template against (`@deeplake-success` is the `onDeeplakeSuccess` prop). Without the
 * declaration the lookups fail; with loose props the `@ts-expect-error` lines do.
 */
import type { GlobalComponents } from 'vue';
import type { DeepLakeClient, FileInfo } from '../../src/client/index.js';
import '../../src/vue.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(): T => true as T;

type UploaderProps = InstanceType<GlobalComponents['deeplake-uploader']>['$props'];
type FileProps = InstanceType<GlobalComponents['deeplake-file']>['$props'];
declare const client: DeepLakeClient;

export const uploader: UploaderProps = {
  name: 'attachments',
  multiple: true,
  client,
  onDeeplakeSuccess: (e) => {
    assert<Equal<typeof e.detail.info, FileInfo>>();
  },
  onChange: (e) => e.target,
};
export const file: FileProps = { fileId: 'x', loading: 'eager', onDeeplakeLoad: (e) => e.detail.info.size };

// @ts-expect-error `multiple` is a boolean
export const wrongType: UploaderProps = { multiple: 'yes' };
// @ts-expect-error `client` is a DeepLakeClient
export const wrongClient: UploaderProps = { client: { workspace: 'w' } };
// @ts-expect-error `<deeplake-file>` fires no deeplake-success
export const wrongEvent: FileProps = { onDeeplakeSuccess: () => undefined };
