/**
 * Our own inline icons (never server-provided SVG), for both elements; decorative, hidden
 * from assistive tech. Every icon is one `<svg>` with one path whose `d` is bound: a row
 * whose icon changes (a file turning done, a pause button turning remove) gets a new `d`
 * attribute, not a new `<svg>`. Their fill and stroke are set once in theme.ts, never as
 * attributes here.
 */
import { svg, type SVGTemplateResult } from 'lit';

// The drawings <deeplake-file> shows, apart: a page with only that element bundles these
// and none of the uploader's (the unused exports below are dropped). DOWNLOAD is the file
// card's alone, so it is not in `iconPaths`, which the uploader bundles whole.
const FILE = 'M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM14 3v5h5';
const RETRY = 'M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7';
// The circle as two arcs: one path, like the others.
const ERROR = 'M12 8v5M12 16.5v.5M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0';
const DOWNLOAD = 'M12 4v12M7 11l5 5 5-5M4 20h16';
const UPLOAD = 'M12 16V4M7 9l5-5 5 5M4 20h16';

/** The icons' drawings: a template that shows an icon inline binds one of these to its `<path d>`. */
export const iconPaths = {
  upload: UPLOAD,
  file: FILE,
  cancel: 'M6 6l12 12M18 6L6 18',
  pause: 'M9 5v14M15 5v14',
  resume: 'M7 4l12 8-12 8z',
  retry: RETRY,
  remove: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  done: 'M5 12l5 5 9-10',
  error: ERROR,
};

const icon = (d: string): SVGTemplateResult => svg`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${d}></path></svg>`;

export const fileIcon = /* @__PURE__ */ icon(FILE);
export const retryIcon = /* @__PURE__ */ icon(RETRY);
export const errorIcon = /* @__PURE__ */ icon(ERROR);
export const downloadIcon = /* @__PURE__ */ icon(DOWNLOAD);

/** The icons shown as templates of their own (rows and their buttons draw theirs inline from `iconPaths`). */
export const icons = { upload: /* @__PURE__ */ icon(UPLOAD), file: fileIcon, retry: retryIcon, error: errorIcon };
