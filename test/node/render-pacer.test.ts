// How long <deeplake-uploader> holds renders while uploads run (src/uploader/controllers/render-pacer.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { busyRenderInterval } from '../../src/uploader/controllers/render-pacer.js';

test('holds renders 200 ms for a short list, about 1 ms per row beyond, 500 ms at most', () => {
  assert.deepEqual([0, 1, 50, 200, 300, 499, 500, 1_000, 100_000].map(busyRenderInterval), [200, 200, 200, 200, 300, 499, 500, 500, 500]);
});
