/**
 * Announcements for assistive technology through two visually hidden live regions in
 * the element's shadow root: polite for progress and results, assertive for refusals.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export class Announcer implements ReactiveController {
  #polite: string[] = [];
  #assertive: string[] = [];
  /** Whether the region's messages were rendered: the next message then replaces them. */
  #politeShown = true;
  #assertiveShown = true;
  #clear: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  announce(message: string, assertive = false): void {
    // Changing the text is what a screen reader reads; the same text twice would be
    // silent, so a message is cleared after a while. Messages given before the next
    // render (a file's "uploaded" and "all finished" come in the same task) are kept
    // side by side: replacing one would mean it is never read.
    if (assertive) {
      this.#assertive = this.#assertiveShown ? [message] : [...this.#assertive, message];
      this.#assertiveShown = false;
    } else {
      this.#polite = this.#politeShown ? [message] : [...this.#polite, message];
      this.#politeShown = false;
    }
    this.host.requestUpdate();
    clearTimeout(this.#clear);
    this.#clear = setTimeout(() => {
      this.#polite = [];
      this.#assertive = [];
      this.host.requestUpdate();
    }, 5000);
  }

  hostUpdated(): void {
    this.#politeShown = this.#assertiveShown = true;
  }

  hostDisconnected(): void {
    clearTimeout(this.#clear);
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.#polite.map((m) => html`<div>${m}</div>`)}</div>
      <div class="visually-hidden" role="alert" aria-live="assertive">${this.#assertive.map((m) => html`<div>${m}</div>`)}</div>`;
  }
}
