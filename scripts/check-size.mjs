// Bundle budget: builds each browser entry alone, minified (Lit's template and CSS
// literals too), with its dependencies bundled, and fails when the gzip size of what a
// page downloads up front (the entry and its static imports) passes the budget.
// Lazily imported chunks (thumbnails, locales, tus-js-client) are printed beside it.
// Run by `npm run size` in CI.
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { minifyLiterals } from './minify-literals.mjs';

// Each number is what was measured plus a little room, with the reason in
// docs/ARCHITECTURE.md ("Build and size"): raise one only with its number and reason.
const BUDGETS = [
  { name: 'client', entry: 'src/client/index.ts', gzipBytes: 4 * 1024 },
  // <deeplake-uploader> with its form field, the upload queue, the client and Lit; +1 KiB
  // for resumable uploads (issue 6: the tus option, resume rows; tus-js-client itself is lazy).
  { name: 'uploader', entry: 'src/uploader/deeplake-uploader.ts', gzipBytes: 21.5 * 1024 },
  // <deeplake-file> alone with the client and Lit (a page that only shows files).
  { name: 'file', entry: 'src/file/deeplake-file.ts', gzipBytes: 13.25 * 1024 },
  // Everything `deeplake-elements` registers: what a one-script-tag page downloads up front;
  // +2.5 KiB for <deeplake-file> (issue 5: the element, its strings, styles and URL cache);
  // +0.25 KiB for held renders while uploading (issue 8: 500 rows at ~1.5× raw XHR, not 3×).
  { name: 'elements', entry: 'src/index.ts', gzipBytes: 24.25 * 1024 },
];

const gz = (code) => gzipSync(code, { level: 9 }).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(2)} KiB`;

let failed = false;
for (const { name, entry, gzipBytes } of BUDGETS) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [minifyLiterals()],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['es'], fileName: name },
      rolldownOptions: { output: { minify: true } },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  // The entry and everything it imports statically: one download before anything renders.
  const upfront = new Set();
  const visit = (chunk) => {
    if (!chunk || upfront.has(chunk)) return;
    upfront.add(chunk);
    for (const dep of chunk.imports) visit(byName.get(dep));
  };
  visit(chunks.find((c) => c.isEntry));
  const code = [...upfront].map((c) => c.code).join('\n');
  const size = gz(code);
  const ok = size <= gzipBytes;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${kib(size)} gzip up front (${size} B, minified ${code.length} B), budget ${kib(gzipBytes)}`);
  for (const chunk of chunks.filter((c) => !upfront.has(c))) {
    const ids = Object.keys(chunk.modules).map((id) => id.replace(/^.*\/(src|node_modules)\//, '').trim());
    const modules = ids.length > 3 ? `${ids.slice(-3).join(', ')} (+${ids.length - 3} more)` : ids.join(', ');
    console.log(`       + lazy ${kib(gz(chunk.code))} gzip: ${modules}`);
  }
}
process.exit(failed ? 1 : 0);
