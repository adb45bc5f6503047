// What `npm publish` would ship, checked after `npm run build` (CI): only dist/, the
// manifest, README, LICENSE and package.json; every entry present; the one-script-tag
// file standing alone; no React on the main entry's import graph; source maps that
// carry their sources (src/ is not shipped). publint runs beside it (`npm run check-package`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const root = join(import.meta.dirname, '..');
const pack = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
const files = new Set(pack[0].files.map((f) => f.path));
const problems = [];

const ALLOWED = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^custom-elements\.json$/, /^dist\//];
for (const file of files) if (!ALLOWED.some((re) => re.test(file))) problems.push(`not allowed in the package: ${file}`);
for (const file of files) if (/\.test\.|\/test\//.test(file)) problems.push(`a test in the package: ${file}`);

const REQUIRED = [
  'LICENSE',
  'README.md',
  'custom-elements.json',
  'dist/deeplake-elements.min.js',
  ...['index', 'react', 'vue', 'svelte', 'client/index', 'emulator/index', 'emulator/cli'].flatMap((e) => [`dist/${e}.js`, `dist/${e}.d.ts`]),
];
for (const file of REQUIRED) if (!files.has(file)) problems.push(`missing from the package: ${file}`);

// The script-tag file: no static imports at all; its lazy chunks sit beside it.
const cdn = readFileSync(join(root, 'dist/deeplake-elements.min.js'), 'utf8');
if (/(?:^|[;}\s])import\s*(?:[\w*{][^;]*?from\s*)?["'`]/.test(cdn) || /(?:^|[;}\s])export\s*[^;]*?from\s*["'`]/.test(cdn)) {
  problems.push('dist/deeplake-elements.min.js has a static import: it must stand alone');
}
for (const [, chunk] of cdn.matchAll(/import\(\s*["'`]\.\/([^"'`]+)["'`]\s*\)/g)) {
  if (!files.has(`dist/${chunk}`)) problems.push(`dist/deeplake-elements.min.js lazily imports ./${chunk}, which is not shipped`);
}

// The main entry's static import graph must not reach a framework (only ./react, ./vue, ./svelte may).
const seen = new Set();
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(join(root, file), 'utf8');
  for (const [, from, bare] of code.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)) {
    const spec = from ?? bare;
    if (spec.startsWith('.')) visit(normalize(join(dirname(file), spec)));
    else if (/^(react|react-dom|vue|svelte)(\/|$)/.test(spec)) problems.push(`${file} imports ${spec}: a framework reached the main entry`);
  }
};
visit('dist/index.js');

// Source maps must work without src/: their sources are inlined.
for (const file of files) {
  if (!file.endsWith('.js.map')) continue;
  const map = JSON.parse(readFileSync(join(root, file), 'utf8'));
  if (!map.sourcesContent || map.sourcesContent.length !== map.sources.length || map.sourcesContent.some((s) => s == null)) {
    problems.push(`${file} does not inline its sources (src/ is not shipped)`);
  }
}

if (problems.length) {
  console.error(problems.map((p) => `FAIL ${p}`).join('\n'));
  process.exit(1);
}
console.log(`ok   package: ${files.size} files, ${(pack[0].size / 1024).toFixed(0)} KiB packed, only dist/, the manifest, README, LICENSE`);
