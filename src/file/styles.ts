/**
 * The look of `<deeplake-file>` over the shared theme (src/theme.ts): the same public
 * `--deeplake-*` custom properties as the uploader; logical properties only.
 */
import { css } from 'lit';
import { themeStyles } from '../theme.js';

export const fileStyles = [
  themeStyles,
  css`
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
    .name {
      flex: 1;
      min-inline-size: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-weight: 500;
    }
    .size {
      color: var(--_muted);
      font-size: 0.875em;
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
  `,
];
