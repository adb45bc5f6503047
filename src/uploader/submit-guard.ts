/**
 * `upload-on-submit`: submitting the form while files wait in a `manual` uploader
 * stops that submission, uploads them, and submits again (with the same submitter) once
 * every waiting uploader of the form is done. A failure stops there and reports it
 * through the browser's validation bubble: a form never submits a half-uploaded value.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface SubmitGuardHost extends ReactiveControllerHost, HTMLElement {
  readonly form: HTMLFormElement | null;
  uploadOnSubmit: boolean;
  reportValidity(): boolean;
}

export interface SubmitGuardHooks {
  /** Files added but not started. */
  hasWaiting(): boolean;
  /** Starts them; resolves true when all ended done, false when any failed. */
  uploadAll(): Promise<boolean>;
}

/** Uploaders of a form still uploading for a submission: it goes out when none is left. */
const waiting = new WeakMap<HTMLFormElement, Set<HTMLElement>>();

export class SubmitGuard implements ReactiveController {
  #form: HTMLFormElement | null = null;

  constructor(
    private readonly host: SubmitGuardHost,
    private readonly hooks: SubmitGuardHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#form = this.host.form ?? this.host.closest('form');
    this.#form?.addEventListener('submit', this.#onSubmit);
  }

  hostDisconnected(): void {
    this.#form?.removeEventListener('submit', this.#onSubmit);
    if (this.#form) waiting.get(this.#form)?.delete(this.host);
    this.#form = null;
  }

  readonly #onSubmit = (event: SubmitEvent) => {
    const form = this.#form;
    if (!form || !this.host.uploadOnSubmit || !this.hooks.hasWaiting()) return;
    event.preventDefault();
    const pending = waiting.get(form) ?? new Set<HTMLElement>();
    waiting.set(form, pending.add(this.host));
    const submitter = event.submitter;
    void this.hooks.uploadAll().then((ok) => {
      pending.delete(this.host);
      if (!ok) return void this.host.reportValidity();
      if (pending.size > 0 || !this.host.isConnected) return; // the last uploader to finish submits
      try {
        form.requestSubmit(submitter);
      } catch {
        form.requestSubmit(); // the submitter left the form meanwhile
      }
    });
  };
}
