// Analyzer plugin: the analyzer reads one JSDoc tag per line, so a compact line such as
// `@csspart image @csspart video - The file, by kind.` becomes one part named "image"
// whose description swallows the others. This splits such entries back into one entry
// per tag, so a compact comment still yields a correct manifest and API reference.
// A tag with no description of its own shares the next one's on the same line when that
// one is introduced by ` - ` (`@csspart icon @csspart name - Its pieces.`).
const LISTS = { csspart: 'cssParts', cssprop: 'cssProperties', cssproperty: 'cssProperties', slot: 'slots', fires: 'events', event: 'events' };
const INLINE_TAG = /\s@(csspart|cssprop|cssproperty|slot|fires|event)\s+/;

/** `"--x - Text."` → `{ name: '--x', description: 'Text.' }` (`-` separator optional). */
function entry(text) {
  const [, name = '', dash = '', description = ''] = /^(\S*)\s*(-\s+)?([\s\S]*)$/.exec(text.trim()) ?? [];
  return { name, description: description.trim(), shared: !!dash };
}

/** Splits one entry whose description holds more tags; returns [list name, entry] pairs. */
function split(listName, first) {
  const pieces = (' ' + first.description).split(INLINE_TAG); // [own text, tag, text, tag, text, …]
  const out = [[listName, { ...first, description: pieces[0].trim() }]];
  for (let i = 1; i < pieces.length; i += 2) {
    const item = entry(pieces[i + 1]);
    // The analyzer joins the next JSDoc line onto the last tag with a space, so a sentence
    // below a compact line would become that tag's description (it once described
    // `--deeplake-font-size` as the element's custom states). In a compact line only text
    // after ` - ` is a description; anything else is refused, naming the line to fix.
    if (item.description && !item.shared) {
      throw new Error(
        `@${pieces[i]} ${item.name}: "${item.description}" follows a tag without " - ": ` +
          'write `@tag name - description`, and put free text above the tags, not below them',
      );
    }
    out.push([LISTS[pieces[i]], item]);
  }
  for (let i = out.length - 2; i >= 0; i--) {
    const next = out[i + 1][1];
    if (!out[i][1].description && next.shared) Object.assign(out[i][1], { description: next.description, shared: true });
  }
  for (const [, item] of out) delete item.shared;
  return out;
}

export { split as splitInlineTags };

export function inlineTags() {
  return {
    name: 'deeplake-inline-jsdoc-tags',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          const found = [];
          for (const listName of new Set(Object.values(LISTS))) {
            for (const item of decl[listName] ?? []) {
              if (INLINE_TAG.test(' ' + (item.description ?? ''))) found.push(...split(listName, item));
              else found.push([listName, item]);
            }
            delete decl[listName];
          }
          for (const [listName, item] of found) (decl[listName] ??= []).push(item);
        }
      }
    },
  };
}
