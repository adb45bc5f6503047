/**
 * SSR safety: importing the package in Node (a server render, a test runner, a build
 * tool's prerender) must not crash. Nothing may touch the DOM at module load: Lit's
 * `node` export condition supplies HTMLElement and customElements stand-ins
 * (@lit-labs/ssr-dom-shim), and registration is guarded. The React entry must render
 * on the server too.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..', '..');

describe('importing in Node (SSR)', () => {
  it('the source entry loads, exports its API and registers both elements without a DOM', async () => {
    const entry = await import('../../src/index.js');
    for (const name of ['DeepLakeUploader', 'DeepLakeFile', 'DeepLakeClient', 'DeepLakeError', 'UploadQueue', 'configure', 'defaultStrings']) {
      assert.ok(name in entry, `exports ${name}`);
    }
    assert.equal(typeof document, 'undefined', 'no DOM was needed');
    assert.equal(customElements.get('deeplake-uploader'), entry.DeepLakeUploader);
    assert.equal(customElements.get('deeplake-file'), entry.DeepLakeFile);
  });

  it('the React wrappers load and render to HTML on the server', async () => {
    const { DeepLakeUploader, DeepLakeFile } = await import('../../src/react.js');
    const { createElement: h } = (await import('react')).default;
    const { renderToString } = (await import('react-dom/server')).default;
    const html = renderToString(h('form', null, h(DeepLakeUploader, { name: 'files', multiple: true }), h(DeepLakeFile, { fileId: 'x' })));
    assert.match(html, /<deeplake-uploader[^>]*>/);
    assert.match(html, /<deeplake-file[^>]*>/);
  });

  it('the built package (`deeplake-elements`, `deeplake-elements/react`) loads in plain Node', (t) => {
    if (!existsSync(join(root, 'dist', 'index.js'))) return t.skip('no dist/: run `npm run build` first (CI does)');
    // A clean Node without tsx, resolving the package by its own name as a dependent would.
    const script = `
      const main = await import('deeplake-elements');
      const react = await import('deeplake-elements/react');
      console.log(JSON.stringify({ main: Object.keys(main).sort(), react: Object.keys(react).sort(),
        defined: [customElements.get('deeplake-uploader') === main.DeepLakeUploader, customElements.get('deeplake-file') === main.DeepLakeFile] }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })) as {
      main: string[];
      react: string[];
      defined: boolean[];
    };
    assert.ok(
      ['DeepLakeUploader', 'DeepLakeFile', 'DeepLakeClient', 'configure'].every((n) => out.main.includes(n)),
      out.main.join(),
    );
    assert.deepEqual(out.react, ['DeepLakeFile', 'DeepLakeUploader']);
    assert.deepEqual(out.defined, [true, true]);
  });
});
