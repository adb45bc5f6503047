/**
 * `upload-on-submit`: submitting the form while files wait in a `manual` uploader
 * stops that submission, uploads them, and submits again (with the same submitter) once
 * every waiting uploader of the form is done. A failure stops there and reports it
 * through the browser's validation bubble: a form never submits a half-uploaded value.
 *
 * One listener on window, in the capture phase, serves every uploader: it runs before
 * any listener of the page or of a framework (React listens at its root), so a held-back
 * submit reaches none of them, and it starts every waiting uploader of the form at once.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UploadQueue } from '../../queue/index.js';

export interface SubmitGuardHost extends ReactiveControllerHost, HTMLElement {
  readonly form: HTMLFormElement | null;
  uploadOnSubmit: boolean;
  reportValidity(): boolean;
}

const guards = new Set<SubmitGuard>();
/**
 * Forms with a submission held back, and the submitter of the latest attempt: further
 * submits (a double click, several requestSubmit() calls in one task) are held too and
 * end in the one submission made when the uploads are done.
 */
const held = new Map<EventTarget, HTMLElement | null>();

function onSubmit(event: SubmitEvent): void {
  const form = event.target;
  if (!form) return;
  const waiting = [...guards].filter((g) => g.form === form && g.waiting());
  if (waiting.length === 0 && !held.has(form)) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  const first = !held.has(form);
  held.set(form, event.submitter);
  if (!first) return;
  void Promise.all(waiting.map((g) => g.upload())).then((results) => {
    const submitter = held.get(form) ?? null;
    held.delete(form);
    if (!results.every(Boolean) || !(form instanceof HTMLFormElement) || !form.isConnected) return;
    try {
      form.requestSubmit(submitter);
    } catch {
      form.requestSubmit(); // the submitter left the form meanwhile
    }
  });
}

export class SubmitGuard implements ReactiveController {
  form: HTMLFormElement | null = null;

  constructor(
    private readonly host: SubmitGuardHost,
    private readonly queue: Pick<UploadQueue, 'busy' | 'totals' | 'start' | 'settled'>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.form = this.host.form ?? this.host.closest('form');
    if (guards.size === 0) window.addEventListener('submit', onSubmit, true);
    guards.add(this);
  }

  hostDisconnected(): void {
    guards.delete(this);
    if (guards.size === 0) window.removeEventListener('submit', onSubmit, true);
    this.form = null;
  }

  /**
   * Files added but not started. Running uploads hold a submission too: a second
   * requestSubmit() in the same task comes after the first one started them, and must not
   * post a half-uploaded value.
   */
  waiting(): boolean {
    return this.host.uploadOnSubmit && (this.queue.busy || this.queue.totals.queued > 0);
  }

  /** Uploads the waiting files: true when all ended done; a failure is shown in the browser's bubble. */
  async upload(): Promise<boolean> {
    const queue = this.queue;
    queue.start();
    const ok = (await queue.settled()).every((i) => i.status === 'done');
    if (!ok) this.host.reportValidity();
    return ok;
  }
}
