/**
 * The look of `<deeplake-file>` over the shared theme (src/shared/theme.ts): the same public
 * `--deeplake-*` custom properties as the uploader; logical properties only.
 */
import { css } from 'lit';
import { themeStyles } from '../shared/theme.js';

export const fileStyles = [
  themeStyles,
  // Prettier would write the fit rules' :is() lists with a space after each comma, which
  // the literal minifier keeps: written without, they save 6–8 B gzip in the file bundle.
  // prettier-ignore
  css`
    :host {
      /* the height of an image let go far from the viewport, until it is back (file.ts #park) */
      block-size: var(--_held);
    }
    img,
    video,
    object {
      display: block;
      max-inline-size: 100%;
      border-radius: var(--_radius);
    }
    img,
    video {
      block-size: auto;
    }
    audio,
    object {
      display: block;
      inline-size: 100%;
    }
    object {
      block-size: var(--deeplake-file-height, 32rem);
    }
    pre {
      margin: 0;
      max-block-size: var(--deeplake-file-height, 24rem);
      overflow: auto;
      padding: var(--_gap);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      font-size: 0.875em;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .note {
      margin: 0.25rem 0 0;
      color: var(--_muted);
      font-size: 0.8125em;
    }
    .box {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem var(--_gap);
      padding: var(--_gap);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    .placeholder {
      justify-content: center;
      min-block-size: 6rem;
      border-style: dashed;
      background: var(--_surface);
      color: var(--_muted);
    }
    .error {
      color: var(--_danger);
    }
    .message {
      flex: 1;
    }
    /*
     * A card: icon, name over size, and the button. The name asks for its whole width (up
     * to the line beside the icon), so a name that does not fit beside the button sends the
     * button to the next line instead of starving; a short one keeps it on the same line.
     */
    .label {
      display: flex;
      flex: 1 1 auto;
      flex-direction: column;
      min-inline-size: 0;
      max-inline-size: calc(100% - 20px - var(--_gap));
    }
    .name {
      display: flex;
      font-weight: 500;
    }
    .head {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .tail {
      flex: none;
      white-space: nowrap;
    }
    .size {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .card > .button {
      margin-inline-start: auto;
    }
    .button {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      padding-block: 0.35rem;
      padding-inline: 0.8rem;
      border: 0;
      border-radius: calc(var(--_radius) - 2px);
      background: var(--_accent);
      color: var(--_on-accent);
      font: inherit;
      font-weight: 600;
      text-decoration: none;
      cursor: pointer;
    }
    .button svg {
      block-size: 1.1em;
      inline-size: 1.1em;
    }
    /*
     * fit="cover" | "contain": every kind fills the element's box (a tile of a media
     * library), --deeplake-file-height tall unless the page sizes the element itself.
     */
    :host([fit]) {
      display: flex;
      flex-direction: column;
      block-size: var(--deeplake-file-height, 12rem);
      overflow: hidden;
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    :host([fit]) :is(img,video,object,pre,.box) {
      flex: 1;
      box-sizing: border-box;
      inline-size: 100%;
      min-block-size: 0;
      max-block-size: none;
    }
    :host([fit]) :is(img,video) {
      object-fit: cover;
    }
    :host([fit='contain']) :is(img,video) {
      object-fit: contain;
    }
    :host([fit]) audio {
      margin-block: auto;
    }
    :host([fit]) .box {
      flex-direction: column;
      flex-wrap: nowrap;
      justify-content: center;
      text-align: center;
    }
    :host([fit]) :is(.label,.message) {
      flex: none;
      inline-size: 100%;
      align-items: center;
    }
    :host([fit]) .name {
      justify-content: center;
      max-inline-size: 100%;
    }
    :host([fit]) .card > .button {
      margin-inline-start: 0;
    }
  `,
];
