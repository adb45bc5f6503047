/**
 * The theme both elements share: public `--deeplake-*` custom properties mapped to
 * private `--_*` ones on :host (a page themes the elements without reaching inside),
 * and the host and focus basics.
 *
 * Light or dark follows the page's `color-scheme`, not the OS preference alone: every
 * default color is a `light-dark()` pair, which resolves against the element's used color
 * scheme. `color-scheme` is inherited, so a page that declares nothing (light only) gets
 * the light palette even on a phone in dark mode; `color-scheme: light dark` on the page
 * follows the preference; `theme="light|dark|auto"` on the element (or `color-scheme` on
 * it from the page's CSS) forces one.
 */
import { css } from 'lit';

export const themeStyles = css`
  :host {
    --_accent: var(--deeplake-accent, light-dark(#4f46e5, #a5b4fc));
    --_on-accent: var(--deeplake-on-accent, light-dark(#fff, #0d1117));
    --_bg: var(--deeplake-background, light-dark(#fff, #0d1117));
    --_surface: var(--deeplake-surface, light-dark(#f6f8fa, #151b23));
    --_fg: var(--deeplake-color, light-dark(#1f2328, #e6edf3));
    --_muted: var(--deeplake-muted-color, light-dark(#59636e, #9198a1));
    --_border: var(--deeplake-border-color, light-dark(#d1d9e0, #3d444d));
    --_danger: var(--deeplake-danger-color, light-dark(#cf222e, #ff7b72));
    --_success: var(--deeplake-success-color, light-dark(#1a7f37, #56d364));
    --_radius: var(--deeplake-radius, 8px);
    --_gap: var(--deeplake-spacing, 0.75rem);
    display: block;
    /* In a page's grid or flex row, a long file name gives way (ellipsis), not the page. */
    min-inline-size: 0;
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
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([hidden]) {
    display: none;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
