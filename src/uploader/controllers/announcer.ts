/**
 * Announcements for assistive technology through two visually hidden live regions in
 * the element's shadow root: polite for progress and results, assertive for refusals.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

/** One message; its key makes every announcement a new node, so the same words twice are still read. */
interface Message {
  key: number;
  text: string;
}

let nextKey = 0;
const say = (text: string): Message => ({ key: nextKey++, text });
const lines = (messages: Message[]) =>
  repeat(
    messages,
    (m) => m.key,
    (m) => html`<div>${m.text}</div>`,
  );

export class Announcer implements ReactiveController {
  #polite: Message[] = [];
  #assertive: Message[] = [];
  /** Whether the region's messages were rendered: the next message then replaces them. */
  #politeShown = true;
  #assertiveShown = true;
  #clear: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  announce(message: string, assertive = false): void {
    // A new node is what a screen reader reads (each message is keyed, so the same words
    // twice are read twice); messages are cleared after a while. Messages given before the next
    // render (a file's "uploaded" and "all finished" come in the same task) are kept
    // side by side: replacing one would mean it is never read.
    if (assertive) {
      this.#assertive = this.#assertiveShown ? [say(message)] : [...this.#assertive, say(message)];
      this.#assertiveShown = false;
    } else {
      this.#polite = this.#politeShown ? [say(message)] : [...this.#polite, say(message)];
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
    return html`<div class="visually-hidden" role="status" aria-live="polite">${lines(this.#polite)}</div>
      <div class="visually-hidden" role="alert" aria-live="assertive">${lines(this.#assertive)}</div>`;
  }
}
