/**
 * How a restored row gets `<deeplake-file>` defined: nothing to do when the page already
 * has it (every package entry registers it), else the loader that uploader/deeplake-uploader.ts
 * (the uploader alone) sets. The uploader itself never imports the file element, so a
 * bundle holding both has no lazy import of a module it loads up front anyway.
 */
let loader: (() => Promise<unknown>) | undefined;

export function setFileElementLoader(load: () => Promise<unknown>): void {
  loader = load;
}

/** Makes sure `<deeplake-file>` gets defined; a failed load is tried again next time. */
export function needFileElement(): void {
  if (customElements.get('deeplake-file') || !loader) return;
  const load = loader;
  load().catch(() => undefined);
}
