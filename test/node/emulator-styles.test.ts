import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type FileInfo, parseFileInfo, parseFileList } from '../../src/client/wire.js';
import type { ResponseStyle } from '../../src/emulator/index.js';
import { multipart, type Running, start } from './helpers.js';

const STYLES: ResponseStyle[] = ['snake', 'camel', 'alt', 'data'];

/** FileInfo without `raw` (which differs by design), `createdAt` cut to seconds (alt sends epoch seconds). */
function comparable(info: FileInfo | undefined): Omit<FileInfo, 'raw'> {
  assert.ok(info, 'the client parser could not read the answer');
  const { raw: _raw, ...rest } = info;
  assert.ok(rest.createdAt, 'createdAt missing');
  return { ...rest, createdAt: rest.createdAt.slice(0, 19) };
}

describe('emulator response styles parse the same through src/client/wire.ts', () => {
  let run: Running;
  before(async () => {
    run = await start();
  });
  after(() => run.stop());

  it('upload, info, list and delete in every style', async () => {
    const seen: Array<Omit<FileInfo, 'raw'>> = [];
    const raws: unknown[] = [];
    for (const style of STYLES) {
      const { workspace, token } = run.emu.addWorkspace(`style-${style}`, style);
      const base = `${run.url}/workspaces/${workspace}`;
      const auth = { Authorization: `Bearer ${token}` };
      const { body, contentType } = multipart([{ name: 'file', data: 'same bytes', filename: 'report é.pdf', type: 'application/pdf' }]);
      const created = await fetch(`${base}/files`, { method: 'POST', headers: { ...auth, 'Content-Type': contentType }, body });
      assert.equal(created.status, 201, style);
      const createdJson: unknown = await created.json();
      raws.push(createdJson);
      const fromUpload = parseFileInfo(createdJson);
      const id = fromUpload?.id ?? '';

      const info = parseFileInfo(await (await fetch(`${base}/files/${id}`, { headers: auth })).json());
      const list = parseFileList(await (await fetch(`${base}/files`, { headers: auth })).json());
      assert.equal(list?.length, 1, style);
      assert.deepEqual(comparable(info), comparable(fromUpload), style);
      assert.deepEqual(comparable(list?.[0]), comparable(fromUpload), style);
      // Across workspaces only id and creation time differ (four uploads may straddle a second).
      seen.push({ ...comparable(fromUpload), id: 'x', createdAt: 'x' });
      assert.equal(fromUpload?.name, 'report é.pdf');
      assert.equal(fromUpload?.contentType, 'application/pdf');
      assert.equal(fromUpload?.size, 10);

      const del = await fetch(`${base}/files/${id}`, { method: 'DELETE', headers: auth });
      if (style === 'alt') {
        assert.equal(del.status, 200);
        assert.deepEqual(await del.json(), { deleted: true, id });
      } else {
        assert.equal(del.status, 204);
      }
    }
    for (const s of seen.slice(1)) assert.deepEqual(s, seen[0]);
    // The four raw answers really are spelled differently.
    assert.equal(
      new Set(
        raws.map((r) =>
          Object.keys(r as object)
            .sort()
            .join(','),
        ),
      ).size,
      4,
    );
  });

  it('the raw shapes are as documented', async () => {
    const { workspace, token } = run.emu.addWorkspace('shape-camel', 'camel');
    const auth = { Authorization: `Bearer ${token}` };
    const { body, contentType } = multipart([{ name: 'file', data: 'abc', filename: 'a.txt', type: 'text/plain' }]);
    const created = (await (
      await fetch(`${run.url}/workspaces/${workspace}/files`, { method: 'POST', headers: { ...auth, 'Content-Type': contentType }, body })
    ).json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(created).sort(), ['contentType', 'createdAt', 'id', 'name', 'size']);
    assert.equal(typeof created.createdAt, 'number');
    const list: unknown = await (await fetch(`${run.url}/workspaces/${workspace}/files`, { headers: auth })).json();
    assert.ok(Array.isArray(list));
    // An existing workspace switched to another style answers in it from then on.
    run.emu.addWorkspace(workspace, 'alt');
    const alt = (await (await fetch(`${run.url}/workspaces/${workspace}/files`, { headers: auth })).json()) as { items: Array<Record<string, unknown>> };
    assert.deepEqual(Object.keys(alt.items[0]!).sort(), ['bytes', 'created_at', 'id', 'mime_type', 'name']);
    assert.ok(Number.isInteger(alt.items[0]!.created_at));
  });
});
