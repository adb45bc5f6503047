/**
 * The elements switch to their dark palette on `prefers-color-scheme: dark`, which a
 * page cannot turn on for one story. This gives one element copies of its own style
 * sheets with that media condition made always true, so the story shows the element's
 * real dark palette (not a look-alike theme) whatever the OS setting.
 */
import type { LitElement } from 'lit';

const forced = new WeakMap<CSSStyleSheet, CSSStyleSheet>();

function darkCopy(sheet: CSSStyleSheet): CSSStyleSheet {
  let copy = forced.get(sheet);
  if (!copy) {
    const text = Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');
    copy = new CSSStyleSheet();
    copy.replaceSync(text.replaceAll(/\(\s*prefers-color-scheme:\s*dark\s*\)/g, 'all'));
    forced.set(sheet, copy);
  }
  return copy;
}

/** Forces the dark palette on `el` (after its first render, when its sheets are adopted). */
export async function forceDark(el: LitElement): Promise<void> {
  await el.updateComplete;
  const root = el.shadowRoot!;
  root.adoptedStyleSheets = root.adoptedStyleSheets.map(darkCopy);
}
