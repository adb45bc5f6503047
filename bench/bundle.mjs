// Case 6: the bundle table (no browser). gzip (level 9) and brotli (quality 11) of what a
// page downloads up front for each entry the budget check builds (the same builds:
// scripts/bundle-sizes.mjs), of the lazy chunks (tus-js-client, thumbnails), and of the
// one-script-tag file dist/deeplake-elements.min.js, built in memory from vite.config.ts
// exactly as `npm run build` does, so the tree stays clean. Each beside its CI budget.
import { constants, brotliCompressSync } from 'node:zlib';
import { BUDGETS, chunkModules, gz, measureEntry, scriptTagBuild } from '../scripts/bundle-sizes.mjs';

const br = (code) =>
  brotliCompressSync(code, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(code),
    },
  }).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(2)} KiB`;

/** What a lazy chunk holds, as a row name; undefined for chunks not worth a row (locales). */
function lazyName(chunk) {
  const ids = Object.keys(chunk.modules);
  if (ids.some((id) => id.includes('transport-tus'))) return 'tus chunk (tus-js-client + transport-tus, lazy)';
  if (ids.some((id) => id.includes('uploader/controllers/thumbnails'))) return 'thumbnails chunk (lazy)';
  if (ids.some((id) => id.includes('file/file.ts'))) return '`<deeplake-file>` inside the uploader (lazy)';
  return undefined;
}

/** @returns {Promise<string[]>} the markdown table's lines. */
export async function bundleTable() {
  const rows = [];
  const row = (name, code, budget) => rows.push({ name, min: Buffer.byteLength(code), gzip: gz(code), brotli: br(code), budget });
  // Lazy chunks come out of every entry that reaches them: the main entry's win (built
  // last), the uploader's for the one only it has.
  const lazies = new Map();
  for (const { name, entry, gzipBytes } of BUDGETS) {
    const { lazy, code } = await measureEntry(name, entry);
    row(`${name} (\`${entry}\`), up front`, code, gzipBytes);
    for (const chunk of lazy) {
      const label = lazyName(chunk);
      if (label && (name === 'elements' || !lazies.has(label))) lazies.set(label, chunk);
    }
  }
  for (const [label, chunk] of lazies) row(`${label}: ${chunkModules(chunk)}`, chunk.code);
  const tag = await scriptTagBuild();
  const main = tag.find((c) => c.isEntry);
  // The one-script-tag page downloads what the `elements` entry does, so that budget applies.
  row(`one script tag: \`dist/${main.fileName}\``, main.code, BUDGETS.find((b) => b.name === 'elements').gzipBytes);
  for (const chunk of tag.filter((c) => c !== main)) row(`one script tag, lazy sibling: \`${chunk.fileName.replace(/-[\w-]{8}\.js$/, '-[hash].js')}\``, chunk.code);

  const head = '| bundle | minified | gzip -9 | brotli -q 11 | brotli vs gzip | CI budget (gzip) | gzip vs budget |';
  return [
    head,
    `|${head
      .split('|')
      .slice(1, -1)
      .map(() => '---')
      .join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${kib(r.min)} | ${kib(r.gzip)} (${r.gzip} B) | ${kib(r.brotli)} (${r.brotli} B) | ${(r.brotli / r.gzip).toFixed(2)}× | ${r.budget ? kib(r.budget) : '—'} | ${r.budget ? `${(r.gzip / r.budget).toFixed(2)}×` : '—'} |`,
    ),
  ];
}
