// Bundle budget: builds each browser entry alone, minified, with its dependencies
// bundled, and fails when its gzip size passes the budget. Run by `npm run size` in CI.
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGETS = [{ name: 'client', entry: 'src/client/index.ts', gzipBytes: 4 * 1024 }];

let failed = false;
for (const { name, entry, gzipBytes } of BUDGETS) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['es'], fileName: name },
      rolldownOptions: { output: { minify: true, codeSplitting: false } },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  const code = chunks.map((c) => c.code).join('\n');
  const gzip = gzipSync(code, { level: 9 }).length;
  const ok = gzip <= gzipBytes;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${(gzip / 1024).toFixed(2)} KiB gzip (${gzip} B, minified ${code.length} B), budget ${(gzipBytes / 1024).toFixed(2)} KiB`);
}
process.exit(failed ? 1 : 0);
