interface Entry {
  name: string;
  description: string;
}
export function splitInlineTags(listName: string, first: Entry): [string, Entry][];
export function inlineTags(): { name: string; packageLinkPhase(arg: { customElementsManifest: unknown }): void };
