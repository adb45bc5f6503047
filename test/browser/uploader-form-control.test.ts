/**
 * The shared form-control suite, run for `<deeplake-uploader>` and for a native
 * `<input type=file>`, so what one does and the other does not shows side by side.
 */
import { clientFor, newWorkspace } from './emulator-control.js';
import { runFormControlTests } from './form-control-suite.js';
import { fileOf, settled, track, transfer, when, type DeepLakeUploader } from './uploader-helpers.js';

function withAttributes<T extends HTMLElement>(el: T, attrs: Record<string, string | true>): T {
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value === true ? '' : value);
  return el;
}

runFormControlTests<DeepLakeUploader>('<deeplake-uploader>', {
  async create(attrs) {
    const el = withAttributes(document.createElement('deeplake-uploader'), attrs);
    el.client = clientFor(await newWorkspace());
    return track(el);
  },
  async fill(el) {
    const complete = when(el, 'deeplake-complete');
    el.addFiles([fileOf(1000, 'a.txt', 'text/plain', 1), fileOf(2000, 'b.txt', 'text/plain', 2)]);
    await complete;
    return el.values;
  },
  // No entry at all, where a native file input sends one empty file.
  emptyEntries: [],
  settle: settled,
  // delegatesFocus: focus lands on the browse button inside.
  hasFocus: (el) => document.activeElement === el && el.shadowRoot!.activeElement?.getAttribute('part') === 'browse-button',
});

runFormControlTests<HTMLInputElement>('<input type=file>', {
  create: (attrs) => withAttributes(Object.assign(document.createElement('input'), { type: 'file' }), attrs),
  async fill(el) {
    el.files = transfer([fileOf(1000, 'a.txt', 'text/plain', 1), fileOf(2000, 'b.txt', 'text/plain', 2)]).files;
    return ['file:a.txt', 'file:b.txt'];
  },
  // HTML's form data set: an empty file input still sends one nameless, empty file.
  emptyEntries: ['file:'],
  settle: async () => undefined,
  hasFocus: (el) => document.activeElement === el,
});
