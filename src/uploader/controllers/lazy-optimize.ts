/**
 * The queue's `prepare` step for images: src/optimize/ is loaded with the first image
 * that needs it, so pages that set no image option never download it.
 */
import type { ImageOptions } from '../../optimize/optimize.js';
import type { Prepare } from '../../queue/index.js';
import type { UploaderProperties } from '../properties.js';

let pipeline: Promise<typeof import('../../optimize/options.js')> | undefined;

/**
 * A `Prepare` for the element's images: `own.get(file)` is the options a `deeplake-add`
 * listener gave that file (`false`: send it as it is). Other files go as they are.
 */
export const imagePrepare =
  (host: UploaderProperties, own: Pick<WeakMap<File, ImageOptions | false>, 'get'>): Prepare =>
  ({ file }, progress, signal) => {
    const mine = own.get(file);
    if (mine === false || !file.type.startsWith('image/') || !(mine || host.imageMax || host.imageType || host.stripMetadata)) return;
    // Offline, or the chunk gone after a deploy: this file goes as it is, the next one tries again.
    pipeline ??= import('../../optimize/options.js').catch((error: unknown) => {
      pipeline = undefined;
      throw error;
    });
    return pipeline.then((m) => m.optimizeFor(host, mine, file, progress, signal));
  };
