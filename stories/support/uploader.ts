/**
 * Builds a `<deeplake-uploader>` for a story from its args, then runs the story's setup
 * (workspace, faults, files) once the element is on the page. A new element per render,
 * so changing a control starts the state over instead of adding files twice.
 */
import type { DeepLakeUploader } from '../../src/uploader/deeplake-uploader.js';
import { newWorkspace, storyClient, type StoryWorkspace } from './emulator.js';

export interface UploaderArgs {
  multiple: boolean;
  accept: string;
  maxFileSize: number;
  maxFiles: number;
  concurrency: number;
  retries: number;
  manual: boolean;
  disabled: boolean;
  required: boolean;
  dragover: boolean;
  /** Slotted help text. */
  hint: string;
}

export const defaultArgs: UploaderArgs = {
  multiple: true,
  accept: '',
  maxFileSize: 0,
  maxFiles: 0,
  concurrency: 3,
  retries: 3,
  manual: false,
  disabled: false,
  required: false,
  dragover: false,
  hint: 'Any file, up to 100 MB each',
};

export type Setup = (el: DeepLakeUploader, ws: StoryWorkspace | null) => Promise<void> | void;

export function uploader(args: UploaderArgs, setup?: Setup): DeepLakeUploader {
  const el = document.createElement('deeplake-uploader');
  const { hint, ...props } = args;
  Object.assign(el, props);
  el.setAttribute('aria-label', 'Attachments');
  if (hint) el.append(Object.assign(document.createElement('small'), { textContent: hint }));
  void (async () => {
    // Always a workspace (when the emulator is there): files dropped on any story upload.
    const ws = await newWorkspace();
    el.client = storyClient(ws);
    // Storybook attaches the returned element right after render(): wait for it.
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    await setup?.(el, ws);
  })();
  return el;
}

/** Resolves on the first `deeplake-progress` of a file with bytes sent. */
export const firstProgress = (el: DeepLakeUploader) =>
  new Promise<string>((resolve) => {
    const onProgress = (event: HTMLElementEventMap['deeplake-progress']) => {
      if (event.detail.item.loaded <= 0) return;
      el.removeEventListener('deeplake-progress', onProgress);
      resolve(event.detail.item.id);
    };
    el.addEventListener('deeplake-progress', onProgress);
  });
