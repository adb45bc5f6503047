/**
 * The README's API reference (scripts/api-reference.mjs over the Custom Elements Manifest):
 * it lists the properties framework users set most (they have no attribute, and the
 * analyzer marks them `privacy: "public"`, which the script once dropped), and each CSS
 * custom property carries its own description, not a neighbouring JSDoc line's.
 * The manifest is made afresh from src/ into .tmp/, so the test needs no build first.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiReference } from '../../scripts/api-reference.mjs';
import { splitInlineTags } from '../../scripts/cem/inline-tags.mjs';

const root = join(import.meta.dirname, '..', '..');

interface Row {
  cells: string[];
}
/** The rows of the table under `**heading**` in `<tag>`'s section. */
function tableRows(markdown: string, tag: string, heading: string): Row[] {
  const section = markdown.split(/^### /m).find((s) => s.startsWith(`\`<${tag}>\``));
  assert.ok(section, `a section for <${tag}>`);
  const at = section.indexOf(`**${heading}**`);
  assert.ok(at >= 0, `<${tag}> has a "${heading}" table`);
  const lines = section.slice(at).split('\n').slice(2);
  const rows: Row[] = [];
  for (const line of lines.slice(2)) {
    if (!line.startsWith('|')) break;
    rows.push({ cells: line.slice(2, -2).split(/ (?<!\\)\| /) });
  }
  return rows;
}

describe('API reference', () => {
  let dir = '';
  let markdown = '';

  before(() => {
    mkdirSync(join(root, '.tmp'), { recursive: true });
    dir = mkdtempSync(join(root, '.tmp', 'cem-'));
    // The analyzer joins --outdir to its working directory, so it must be relative.
    execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet', '--outdir', relative(root, dir)], {
      cwd: root,
      stdio: 'pipe',
    });
    markdown = apiReference(JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8')));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the properties without an attribute that frameworks set: client, tokenProvider, strings, resolveUrl', () => {
    const expected: Record<string, string[]> = {
      'deeplake-uploader': ['client', 'tokenProvider', 'strings', 'items', 'values', 'value'],
      'deeplake-file': ['client', 'tokenProvider', 'strings', 'resolveUrl', 'info'],
    };
    for (const [tag, names] of Object.entries(expected)) {
      const rows = tableRows(markdown, tag, 'Properties');
      const listed = new Map(rows.map((r) => [r.cells[0], r]));
      for (const name of names) {
        const row = listed.get(`\`${name}\``);
        assert.ok(row, `<${tag}> lists \`${name}\` (listed: ${[...listed.keys()].join(', ')})`);
        assert.ok(row.cells[3] && row.cells[3].length > 10, `<${tag}>.${name} has a description`);
      }
    }
  });

  it('gives each CSS custom property its own description, the same on both elements', () => {
    const byName = new Map<string, Map<string, string>>();
    for (const tag of ['deeplake-uploader', 'deeplake-file']) {
      for (const { cells } of tableRows(markdown, tag, 'CSS custom properties')) {
        const [name = '', description = ''] = cells;
        assert.ok(description, `${tag} ${name} has a description`);
        if (!byName.has(name)) byName.set(name, new Map());
        byName.get(name)!.set(tag, description);
      }
    }
    assert.match(byName.get('`--deeplake-font-size`')?.get('deeplake-file') ?? '', /^Font size/);
    for (const [name, descriptions] of byName) {
      assert.equal(new Set(descriptions.values()).size, 1, `${name} reads the same on every element: ${[...descriptions.values()].join(' / ')}`);
      const [description = ''] = descriptions.values();
      // A description about another thing names no other property, state or element.
      assert.doesNotMatch(description, /:state\(|@css|--deeplake-/, `${name}: "${description}"`);
    }
  });

  it('refuses a sentence that the analyzer glued onto the last tag of a compact JSDoc line', () => {
    // What the analyzer hands the plugin for `@cssprop --a @cssprop --b` followed by a line of prose.
    const glued = { name: '--a', description: '@cssprop --b State is also a custom state.' };
    assert.throws(() => splitInlineTags('cssProperties', glued), /--b.*State is also/);
    const compact = { name: 'icon', description: '@csspart name - Its pieces.' };
    assert.deepEqual(splitInlineTags('cssParts', compact), [
      ['cssParts', { name: 'icon', description: 'Its pieces.' }],
      ['cssParts', { name: 'name', description: 'Its pieces.' }],
    ]);
  });
});
