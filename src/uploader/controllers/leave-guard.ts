/**
 * Asks before the page is left while uploads run (`beforeunload`), and only then: a
 * listener left in place would also disable the browser's back/forward cache.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UploadQueue } from '../../queue/index.js';

export class LeaveGuard implements ReactiveController {
  #armed = false;
  readonly #onBeforeUnload = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    // Older engines need returnValue set; its text is never shown any more.
    event.returnValue = '';
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly queue: Pick<UploadQueue, 'busy'>,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const busy = this.queue.busy;
    if (busy === this.#armed) return;
    this.#armed = busy;
    if (busy) window.addEventListener('beforeunload', this.#onBeforeUnload);
    else window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  hostDisconnected(): void {
    this.#armed = false;
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }
}
