/**
 * The theme both elements share: public `--deeplake-*` custom properties mapped to
 * private `--_*` ones on :host (a page themes the elements without reaching inside),
 * light and dark through `prefers-color-scheme`, and the host and focus basics.
 */
import { css } from 'lit';

export const themeStyles = css`
  :host {
    --_accent: var(--deeplake-accent, #4f46e5);
    --_on-accent: var(--deeplake-on-accent, #fff);
    --_bg: var(--deeplake-background, #fff);
    --_surface: var(--deeplake-surface, #f6f8fa);
    --_fg: var(--deeplake-color, #1f2328);
    --_muted: var(--deeplake-muted-color, #59636e);
    --_border: var(--deeplake-border-color, #d1d9e0);
    --_danger: var(--deeplake-danger-color, #cf222e);
    --_success: var(--deeplake-success-color, #1a7f37);
    --_radius: var(--deeplake-radius, 8px);
    --_gap: var(--deeplake-spacing, 0.75rem);
    display: block;
    color: var(--_fg);
    font-family: var(--deeplake-font-family, inherit);
    font-size: var(--deeplake-font-size, inherit);
    line-height: 1.4;
  }
  /*
   * The icons' look (icons.ts), here once rather than as attributes on each of them:
   * SVG presentation attributes cost every instance their own style data (about 2 MiB
   * over a list of 500 rows).
   */
  [part~='icon'] {
    inline-size: 20px;
    block-size: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
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
      --_success: var(--deeplake-success-color, #56d364);
    }
  }
  :host([hidden]) {
    display: none;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
