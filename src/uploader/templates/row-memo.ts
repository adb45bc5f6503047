/**
 * `memoRow(item, ctx, thumb)`: a row renders again only when its record, the rows' shared
 * context or its thumbnail changed (records are immutable: a new identity is a change).
 * Not Lit's `guard`: it makes a dependency array and a callback per row on every render,
 * garbage that grows with the list (docs/ARCHITECTURE.md, "Uploader").
 */
import { noChange } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import type { UploadItem } from '../../queue/index.js';
import { itemRow, type RowContext } from './row.js';

class RowMemo extends Directive {
  #item: UploadItem | undefined;
  #ctx: RowContext | undefined;
  #thumb: string | undefined;

  render(item: UploadItem, ctx: RowContext, thumb: string | undefined) {
    return itemRow(item, ctx, thumb);
  }

  override update(_part: unknown, [item, ctx, thumb]: Parameters<RowMemo['render']>) {
    if (item === this.#item && ctx === this.#ctx && thumb === this.#thumb) return noChange;
    this.#item = item;
    this.#ctx = ctx;
    this.#thumb = thumb;
    return this.render(item, ctx, thumb);
  }
}

export const memoRow = directive(RowMemo);

/** `next`, or `last` when it holds the same values: rows compare their context by identity. */
export function stableContext(last: RowContext | undefined, next: RowContext): RowContext {
  if (!last) return next;
  for (const key in next) if (next[key as keyof RowContext] !== last[key as keyof RowContext]) return next;
  return last;
}
