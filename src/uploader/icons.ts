/** Our own inline icons (never server-provided SVG); decorative, hidden from assistive tech. */
import { svg, type SVGTemplateResult } from 'lit';

const icon = (d: SVGTemplateResult) =>
  svg`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${d}</svg>`;

export const icons = {
  upload: icon(svg`<path d="M12 16V4M7 9l5-5 5 5M4 20h16"/>`),
  file: icon(svg`<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z"/><path d="M14 3v5h5"/>`),
  cancel: icon(svg`<path d="M6 6l12 12M18 6L6 18"/>`),
  pause: icon(svg`<path d="M9 5v14M15 5v14"/>`),
  resume: icon(svg`<path d="M7 4l12 8-12 8z"/>`),
  retry: icon(svg`<path d="M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7"/>`),
  remove: icon(svg`<path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3"/>`),
  done: icon(svg`<path d="M5 12l5 5 9-10"/>`),
  error: icon(svg`<path d="M12 8v5M12 16.5v.5"/><circle cx="12" cy="12" r="9"/>`),
};
