/**
 * The templates of `<deeplake-file>`, pure functions of its state and strings. Everything
 * the server said (names, text) goes through Lit bindings, so it is always escaped; the
 * file's bytes reach the page only as a URL in `src`/`data`, never as markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FileInfo } from '../client/index.js';
import { fill, type FileStrings } from '../i18n/strings.js';
import { formatBytes } from '../shared/format.js';
import { downloadIcon, errorIcon, fileIcon, retryIcon } from '../shared/icons.js';
import type { FileKind } from './kind.js';
import { TEXT_LIMIT } from './url-cache.js';

export interface Loaded {
  state: 'loaded';
  kind: FileKind;
  info: FileInfo;
  /** What `src` (or the download link) points at. */
  url?: string | undefined;
  /** An image's `<img>`, already loaded (file.ts): inserted as it is, so it paints in the next frame. */
  image?: HTMLImageElement;
  text?: string;
  truncated?: boolean;
}

export interface ViewContext {
  strings: FileStrings;
  locale: string | undefined;
  alt: string | null | undefined;
  /** The card's download link, clicked while it has no URL yet. */
  save(event: Event): Promise<void>;
}

const nameOf = (info: FileInfo) => info.name || info.id;

/** Before the fetch (waiting to be scrolled near) it is a quiet empty box; "Loading…" only once it loads. */
export const placeholder = (s: FileStrings, busy: boolean): TemplateResult =>
  html`<slot name="placeholder"><div class="box placeholder" part="placeholder">${busy ? s.loading : nothing}</div></slot>`;

/**
 * A name that ellipsizes in the middle: the start shrinks, the last characters (the
 * extension with a few before it) always show. `dir=auto` keeps both halves in the name's
 * own reading order on a page of the other direction. A space at the cut is kept visible.
 */
function middle(name: string): TemplateResult {
  const chars = Array.from(name);
  const cut = Math.max(0, chars.length - 8);
  const nbsp = (text: string) => text.replace(/^\s|\s$/g, '\u00a0');
  return html`<span class="head">${nbsp(chars.slice(0, cut).join(''))}</span><span class="tail">${nbsp(chars.slice(cut).join(''))}</span>`;
}

export const failure = (message: string, s: FileStrings, retry?: () => void): TemplateResult =>
  html`<div class="box error" part="error">
    ${errorIcon}<span class="message" part="message">${message}</span>
    ${retry ? html`<button class="button" part="retry-button" type="button" @click=${retry}>${retryIcon}${s.retry}</button>` : nothing}
  </div>`;

/** Icon, name, size and a link that saves the file under its original name. */
function card(info: FileInfo, url: string | undefined, ctx: ViewContext): TemplateResult {
  const name = nameOf(info);
  const s = ctx.strings;
  return html`<div class="box card" part="card">
    ${fileIcon}
    <span class="label">
      <span class="name" part="name" title=${name} dir="auto">${middle(name)}</span>
      ${info.size < 0 ? nothing : html`<span class="size" part="size">${formatBytes(info.size, ctx.locale)}</span>`}
    </span>
    <a class="button" part="download-button" href=${url ?? '#'} download=${name} aria-label=${fill(s.downloadLabel, { name })} @click=${url ? nothing : ctx.save}
      >${downloadIcon}${s.download}</a
    >
  </div>`;
}

export function loaded(view: Loaded, ctx: ViewContext): TemplateResult | HTMLImageElement {
  const { info, url } = view;
  const name = nameOf(info);
  switch (view.kind) {
    case 'image':
      view.image!.alt = ctx.alt ?? name;
      return view.image!;
    case 'video':
      return html`<video part="video" src=${url!} controls preload="metadata" aria-label=${name}></video>`;
    case 'audio':
      return html`<audio part="audio" src=${url!} controls preload="metadata" aria-label=${name}></audio>`;
    case 'pdf':
      // Without a PDF viewer the browser shows the fallback content: the download card.
      return html`<object part="pdf" type="application/pdf" data=${url!} aria-label=${name}>${card(info, url, ctx)}</object>`;
    case 'text':
      return html`<pre part="text" tabindex="0" dir="auto">${view.text}</pre>
        ${
          view.truncated
            ? html`<p class="note" part="note">
                ${fill(ctx.strings.truncated, { shown: formatBytes(TEXT_LIMIT, ctx.locale), size: formatBytes(info.size, ctx.locale) })}
              </p>`
            : nothing
        }`;
    default:
      return card(info, url, ctx);
  }
}
