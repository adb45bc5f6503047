/**
 * The look of `<deeplake-file>`: the same public `--deeplake-*` custom properties as the
 * uploader, mapped to private `--_*` ones, light and dark; logical properties only.
 */
import { css } from 'lit';

export const fileStyles = css`
  :host {
    --_accent: var(--deeplake-accent, #4f46e5);
    --_on-accent: var(--deeplake-on-accent, #fff);
    --_bg: var(--deeplake-background, #fff);
    --_surface: var(--deeplake-surface, #f6f8fa);
    --_fg: var(--deeplake-color, #1f2328);
    --_muted: var(--deeplake-muted-color, #59636e);
    --_border: var(--deeplake-border-color, #d1d9e0);
    --_danger: var(--deeplake-danger-color, #cf222e);
    --_radius: var(--deeplake-radius, 8px);
    --_gap: var(--deeplake-spacing, 0.75rem);
    display: block;
    color: var(--_fg);
    font-family: var(--deeplake-font-family, inherit);
    font-size: var(--deeplake-font-size, inherit);
    line-height: 1.4;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--deeplake-accent, #a5b4fc);
      --_on-accent: var(--deeplake-on-accent, #0d1117);
      --_bg: var(--deeplake-background, #0d1117);
      --_surface: var(--deeplake-surface, #151b23);
      --_fg: var(--deeplake-color, #e6edf3);
      --_muted: var(--deeplake-muted-color, #9198a1);
      --_border: var(--deeplake-border-color, #3d444d);
      --_danger: var(--deeplake-danger-color, #ff7b72);
    }
  }
  :host([hidden]) {
    display: none;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
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
`;
