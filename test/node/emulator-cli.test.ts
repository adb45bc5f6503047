/**
 * `npx deeplake-emulator` in an app that lacks the emulator's optional peer dependencies
 * says which packages to install and exits 1, instead of an ERR_MODULE_NOT_FOUND stack
 * (issue 18). The packed package in a real app is checked by scripts/check-integrations.mjs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { describeMissing, isInstalled, missingPeers } from '../../src/emulator/peers.js';

const root = join(import.meta.dirname, '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'deeplake-cli-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** An app dir with these packages in node_modules; the CLI's dir inside it. */
function app(name: string, packages: string[]): string {
  const dir = join(temp, name);
  for (const p of packages) {
    mkdirSync(join(dir, 'node_modules', p), { recursive: true });
    writeFileSync(join(dir, 'node_modules', p, 'package.json'), JSON.stringify({ name: p }));
  }
  const cliDir = join(dir, 'node_modules', 'deeplake-elements', 'dist', 'emulator');
  mkdirSync(cliDir, { recursive: true });
  return cliDir;
}

/**
 * A node_modules above the temp folder (a stray one in /tmp, say) would answer for the
 * packages these apps lack, as Node would: then nothing here can be checked.
 */
const strayAbove = isInstalled('busboy', mkdtempSync(join(temp, 'probe-')));
const unlessStray = { skip: strayAbove && `a node_modules above ${temp} provides busboy` };

describe('deeplake-emulator without its optional peers', () => {
  it('finds packages as Node would, in any parent node_modules', unlessStray, () => {
    const cliDir = app('some', ['busboy', '@tus/server']);
    assert.equal(isInstalled('busboy', cliDir), true);
    assert.equal(isInstalled('@tus/server', cliDir), true);
    assert.equal(isInstalled('@tus/file-store', cliDir), false);
    const missing = missingPeers(cliDir);
    assert.equal(missing.fatal, false, 'busboy is there: it can start');
    assert.deepEqual(missing.packages, ['@tus/file-store', '@electric-sql/pglite']);
    assert.match(describeMissing(missing), /npm install -D @tus\/file-store @electric-sql\/pglite$/);
    assert.match(describeMissing(missing), /501/);
  });

  it('names every missing package, busboy first, and calls busboy required', unlessStray, () => {
    const missing = missingPeers(app('none', []));
    assert.equal(missing.fatal, true);
    assert.deepEqual(missing.packages, ['busboy', '@tus/server', '@tus/file-store', '@electric-sql/pglite']);
    const text = describeMissing(missing);
    assert.match(text, /busboy: multipart uploads .*\(required\)/);
    assert.match(text, /npm install -D busboy @tus\/server @tus\/file-store @electric-sql\/pglite/);
    assert.equal(describeMissing(missingPeers(app('all', ['busboy', '@tus/server', '@tus/file-store', '@electric-sql/pglite']))), '');
  });

  it('the CLI, where busboy cannot be found, prints the install command and exits 1 (no stack)', unlessStray, () => {
    // The sources copied outside the repository: nothing above them has a node_modules.
    const copy = join(temp, 'copy');
    cpSync(join(root, 'src'), join(copy, 'src'), { recursive: true });
    // tsx is resolved from the repository (cwd); the CLI resolves its peers from its own file.
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(copy, 'src', 'emulator', 'cli.ts'), '--port', '0'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 1, `exit code (stderr: ${run.stderr})`);
    assert.match(run.stderr, /npm install -D busboy @tus\/server @tus\/file-store @electric-sql\/pglite/);
    assert.doesNotMatch(run.stderr, /ERR_MODULE_NOT_FOUND|\n\s+at /, 'no stack trace');
    assert.equal(run.stdout, '', 'it did not start');
  });
});
