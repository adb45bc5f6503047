/**
 * Keeps keyboard users in place when a render takes the focused button away: to the next
 * row, else the previous, else the picker when its row went; to the row's first button
 * when only its buttons changed (e.g. "cancel" as the upload ended). Any cause counts.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FocusKeeper implements ReactiveController {
  #active: Element | null | undefined;
  #near: Array<Element | null | undefined> = [];

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    /** Where focus goes when no neighbouring row is left: a selector in the render root. */
    private readonly fallback: string,
  ) {
    host.addController(this);
  }

  /** Before the render: what has focus, and its row's neighbours. */
  hostUpdate(): void {
    this.#active = (this.host.renderRoot as ShadowRoot).activeElement;
    const row = this.#active?.closest('li');
    this.#near = [row, row?.nextElementSibling, row?.previousElementSibling];
  }

  hostUpdated(): void {
    const active = this.#active;
    this.#active = undefined;
    if (!active || active.isConnected) return;
    const target = this.#near.find((r) => r?.isConnected)?.querySelector('button') ?? this.host.renderRoot.querySelector<HTMLElement>(this.fallback);
    target?.focus();
  }
}
