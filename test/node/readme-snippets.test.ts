/**
 * The README's React 19 raw-tag snippet is type-checked as test/types/react.types.tsx
 * holds it (`npm run typecheck`): this keeps the two the same text, so the snippet a
 * reader copies is the one that compiles.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..', '..');

describe('README snippets', () => {
  it('the React 19 raw-tag component is the one test/types/react.types.tsx type-checks', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /\*\*React 19\*\* sets properties[\s\S]*?```tsx\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(block, 'the README has a React 19 tsx block');
    const component = block.slice(block.indexOf('export function TripForm'));
    assert.ok(component.startsWith('export function TripForm'), 'the block defines TripForm');

    const types = readFileSync(join(root, 'test', 'types', 'react.types.tsx'), 'utf8');
    const marker = "// The README's React 19 raw-tag snippet, as written there.\n";
    const at = types.indexOf(marker);
    assert.ok(at >= 0, 'the type test marks the snippet');
    const checked = types.slice(at + marker.length, types.indexOf('\nexport function', at + marker.length) + 1);
    assert.equal(checked.trim(), component.trim());
    // Its imports, the package's names for what the type test imports from src/.
    assert.match(block, /^import 'deeplake-elements\/react';$/m);
    assert.match(block, /^import type \{ DeepLakeClient \} from 'deeplake-elements\/client';$/m);
  });
});
