/**
 * `deeplake-elements/svelte`: registers both elements (as `deeplake-elements` does) and
 * types them in Svelte 5 templates. Svelte accepts any custom element with any attribute
 * (`svelte/elements` has an index signature for unknown tags), so this is only for typed
 * props and events: `<deeplake-uploader multiple client={client}
 * ondeeplake-success={(e) => e.detail.info.id} />` (Svelte sets properties that the
 * element has, and `on<event-name>` attributes become listeners).
 */
// Under another name: inside the augmentation `HTMLAttributes` would be the module's own
// (the same type), and an import that is used also keeps the module loaded in the .d.ts.
import type { HTMLAttributes as SvelteAttributes } from 'svelte/elements';
import type { DeepLakeFile } from './file/file.js';
import type { DeepLakeFileProps, DeepLakeUploaderProps, FileEvents, LowerEventProps, UploaderEvents } from './framework-types.js';
import type { DeepLakeUploader } from './uploader/uploader.js';

export * from './index.js';
export type { DeepLakeFileProps, DeepLakeUploaderProps } from './framework-types.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'deeplake-uploader': Omit<SvelteAttributes<DeepLakeUploader>, keyof DeepLakeUploaderProps> & DeepLakeUploaderProps & LowerEventProps<UploaderEvents>;
    'deeplake-file': Omit<SvelteAttributes<DeepLakeFile>, keyof DeepLakeFileProps> & DeepLakeFileProps & LowerEventProps<FileEvents>;
  }
}
