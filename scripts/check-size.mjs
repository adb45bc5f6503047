// Bundle budget: builds each browser entry alone, minified (Lit's template and CSS
// literals too), with its dependencies bundled, and fails when the gzip size of what a
// page downloads up front (the entry and its static imports) passes the budget.
// Lazily imported chunks (thumbnails, locales, tus-js-client) are printed beside it.
// The measuring is in bundle-sizes.mjs (the bench's bundle table uses it too).
// Run by `npm run size` in CI.
import { BUDGETS, chunkModules, gz, kib, measureEntry } from './bundle-sizes.mjs';

let failed = false;
for (const { name, entry, gzipBytes } of BUDGETS) {
  const { lazy, code } = await measureEntry(name, entry);
  const size = gz(code);
  const ok = size <= gzipBytes;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${kib(size)} gzip up front (${size} B, minified ${code.length} B), budget ${kib(gzipBytes)}`);
  for (const chunk of lazy) console.log(`       + lazy ${kib(gz(chunk.code))} gzip: ${chunkModules(chunk)}`);
}
process.exit(failed ? 1 : 0);
