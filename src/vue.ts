/**
 * `deeplake-elements/vue`: registers both elements (as `deeplake-elements` does) and
 * declares them as Vue `GlobalComponents`, so Vue's template type-checking (vue-tsc,
 * Volar) knows their properties (`:client.prop`, `multiple`) and event handlers
 * (`@deeplake-success` is typed as `onDeeplakeSuccess`).
 *
 * Vue itself must still be told that the tags are custom elements (the compiler option
 * `isCustomElement: (tag) => tag.startsWith('deeplake-')`), or it looks for components.
 */
import type { DefineComponent } from 'vue';
import type { CamelEventProps, DeepLakeFileProps, DeepLakeUploaderProps, FileEvents, UploaderEvents } from './framework-types.js';

export * from './index.js';
export type { DeepLakeFileProps, DeepLakeUploaderProps } from './framework-types.js';

declare module 'vue' {
  interface GlobalComponents {
    'deeplake-uploader': DefineComponent<
      DeepLakeUploaderProps &
        CamelEventProps<UploaderEvents> & {
          /** The element's own `change`: its `values` changed. */
          onChange?: (event: Event) => void;
        }
    >;
    'deeplake-file': DefineComponent<DeepLakeFileProps & CamelEventProps<FileEvents>>;
  }
}
