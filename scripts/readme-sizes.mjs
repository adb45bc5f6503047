// Writes the README's bundle sizes from a build, so no size in it is typed by hand: each
// number sits between `<!-- size:NAME -->` and `<!-- /size -->` (an HTML comment renders
// as nothing), and this script replaces what is between them. CI runs it and fails when
// README.md changes (`git diff --exit-code README.md`), as for the API reference.
// The builds are scripts/bundle-sizes.mjs's, in memory (the tree stays clean): the
// budget check's per-entry builds and the one-script-tag build of vite.config.ts.
// Run: npm run readme-sizes
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGETS, gz, measureEntry, scriptTagBuild } from './bundle-sizes.mjs';

const root = join(import.meta.dirname, '..');

/** KiB with one decimal: precise enough to read, and a few bytes' change moves no number. */
export const kib1 = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Every size the README names, gzip -9, as text. */
export async function measureSizes() {
  const chunks = await scriptTagBuild();
  const main = chunks.find((c) => c.isEntry);
  const lazy = (test) => {
    const chunk = chunks.find((c) => c !== main && Object.keys(c.modules).some(test));
    if (!chunk) throw new Error('the one-script-tag build has no such lazy chunk: did a lazy import become static?');
    return gz(chunk.code);
  };
  const client = BUDGETS.find((b) => b.name === 'client');
  const { code } = await measureEntry(client.name, client.entry);
  return {
    'script-tag': kib1(gz(main.code)),
    'tus-chunk': kib1(lazy((id) => id.includes('transport-tus'))),
    'thumbnails-chunk': kib1(lazy((id) => id.includes('uploader/controllers/thumbnails'))),
    client: kib1(gz(code)),
    'client-budget': kib1(client.gzipBytes),
  };
}

const MARK = /<!-- size:([\w-]+) -->[^<]*<!-- \/size -->/g;

/** `text` with each marked size replaced; throws on a marker it has no size for. */
export function writeSizes(text, sizes) {
  return text.replace(MARK, (_, name) => {
    if (!(name in sizes)) throw new Error(`README.md: no size named "${name}" (known: ${Object.keys(sizes).join(', ')})`);
    return `<!-- size:${name} -->${sizes[name]}<!-- /size -->`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = join(root, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const sizes = await measureSizes();
  const next = writeSizes(readme, sizes);
  const used = new Set([...readme.matchAll(MARK)].map((m) => m[1]));
  for (const name of Object.keys(sizes)) if (!used.has(name)) throw new Error(`README.md names no size "${name}": mark where it is said, or drop it here`);
  if (next !== readme) {
    writeFileSync(path, next);
    console.log(
      `README.md: sizes updated (${Object.entries(sizes)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
    );
  }
}
