/**
 * Files arriving by gesture rather than the picker: drag and drop onto the element
 * (with a `dragover` state while files hover) and paste while the element, or the form
 * it sits in, has focus. Every path ends in the host's `addFiles()`, which validates.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FileWithPath } from '../../queue/index.js';
import { filesFromDataTransfer } from './drop.js';

export interface GestureHost extends ReactiveControllerHost, HTMLElement {
  disabled: boolean;
  dragover: boolean;
  addFiles(files: FileWithPath[]): unknown;
}

const hasFiles = (e: DragEvent) => !!e.dataTransfer?.types.includes('Files');

export class FileGestures implements ReactiveController {
  #depth = 0;
  #form: HTMLFormElement | null = null;

  constructor(private readonly host: GestureHost) {
    host.addController(this);
    host.addEventListener('dragenter', this.#onDragEnter);
    host.addEventListener('dragover', this.#onDragOver);
    host.addEventListener('dragleave', this.#onDragLeave);
    host.addEventListener('drop', this.#onDrop);
    host.addEventListener('paste', this.#onPaste);
  }

  hostConnected(): void {
    this.#form = this.host.closest('form');
    this.#form?.addEventListener('paste', this.#onFormPaste);
  }

  hostDisconnected(): void {
    this.#form?.removeEventListener('paste', this.#onFormPaste);
    this.#form = null;
    this.#end();
  }

  /** Its own `disabled`, or a disabled `<fieldset>` around it. */
  get #off(): boolean {
    return this.host.disabled || this.host.matches(':disabled');
  }

  #end(): void {
    this.#depth = 0;
    this.host.dragover = false;
  }

  readonly #onDragEnter = (e: DragEvent) => {
    if (this.#off || !hasFiles(e)) return;
    e.preventDefault();
    this.#depth++;
    this.host.dragover = true;
  };

  readonly #onDragOver = (e: DragEvent) => {
    if (this.#off || !hasFiles(e)) return;
    e.preventDefault(); // this is what allows the drop
    e.dataTransfer!.dropEffect = 'copy';
    this.host.dragover = true;
  };

  readonly #onDragLeave = () => {
    // dragleave fires for every child crossed; only leaving the element ends the state.
    if (--this.#depth <= 0) this.#end();
  };

  readonly #onDrop = (e: DragEvent) => {
    this.#end();
    if (!e.dataTransfer || !hasFiles(e)) return;
    e.preventDefault(); // never let the browser navigate to the dropped file
    // A script's DataTransfer (untrusted event) stays readable: folders are asked in slices.
    if (!this.#off) void filesFromDataTransfer(e.dataTransfer, { lasting: !e.isTrusted }).then((files) => this.host.addFiles(files));
  };

  readonly #onPaste = (e: ClipboardEvent) => {
    if (this.#off || !e.clipboardData?.files.length) return;
    e.preventDefault();
    e.stopPropagation(); // the form-level listener must not add the same files again
    void filesFromDataTransfer(e.clipboardData, { lasting: !e.isTrusted }).then((files) => this.host.addFiles(files));
  };

  /** Files pasted anywhere else in the form go to its first enabled uploader. */
  readonly #onFormPaste = (e: ClipboardEvent) => {
    if (this.#form?.querySelector('deeplake-uploader:not(:disabled)') !== this.host) return;
    this.#onPaste(e);
  };
}
