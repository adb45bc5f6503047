import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { parseQueryResult } from '../../src/client/wire.js';
import { type Running, start, uploadJson } from './helpers.js';

// PGlite takes seconds to start, so all query checks share this one emulator and file.
describe('emulator tables/query (PGlite)', () => {
  let run: Running;
  before(async () => {
    run = await start();
  });
  after(() => run.stop());

  const query = (q: string, params?: unknown[]): Promise<Response> =>
    fetch(`${run.ws}/tables/query`, {
      method: 'POST',
      headers: { ...run.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(params ? { query: q, params } : { query: q }),
    });

  it('creates a table in the workspace schema, inserts with $1::uuid and selects', async () => {
    const table = `"${run.workspace}"."documents"`;
    const created = await query(`CREATE TABLE ${table} (id serial PRIMARY KEY, file_id uuid NOT NULL, title text)`);
    assert.equal(created.status, 200, await created.clone().text());

    const file = await uploadJson(run, 'contract', 'contract.pdf', 'application/pdf');
    const other = randomUUID();
    for (const [fileId, title] of [
      [file.id, 'Contract'],
      [other, 'Other'],
    ]) {
      const ins = await query(`INSERT INTO ${table} (file_id, title) VALUES ($1::uuid, $2)`, [fileId, title]);
      assert.equal(ins.status, 200);
      assert.equal(((await ins.json()) as { row_count: number }).row_count, 1);
    }

    const res = await query(`SELECT title, file_id FROM ${table} WHERE file_id = $1::uuid`, [file.id]);
    assert.equal(res.status, 200);
    const body: unknown = await res.json();
    assert.deepEqual(body, { columns: ['title', 'file_id'], rows: [['Contract', file.id]], row_count: 1 });
    assert.ok(parseQueryResult(body));

    const count = (await (await query(`SELECT count(*)::int AS n, now() AS at FROM ${table}`)).json()) as { rows: unknown[][] };
    assert.equal(count.rows[0]?.[0], 2);
    assert.ok(!Number.isNaN(Date.parse(String(count.rows[0]?.[1]))), 'timestamps serialise as ISO strings');
  });

  it('answers 400 with the Postgres message for bad SQL and for a bad body', async () => {
    const bad = await query('SELECT * FROM no_such_table');
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { detail: string }).detail, /no_such_table/);
    const noQuery = await fetch(`${run.ws}/tables/query`, { method: 'POST', headers: { ...run.auth, 'Content-Type': 'application/json' }, body: '{"params":[]}' });
    assert.equal(noQuery.status, 400);
    const notJson = await fetch(`${run.ws}/tables/query`, { method: 'POST', headers: { ...run.auth, 'Content-Type': 'text/plain' }, body: 'SELECT 1' });
    assert.equal(notJson.status, 415);
  });

  it('needs the workspace token like every route', async () => {
    const res = await fetch(`${run.ws}/tables/query`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"query":"SELECT 1"}' });
    assert.equal(res.status, 401);
  });

  it('tables persist across a restart on the same dataDir', async () => {
    await run.emu.close();
    const again = await start({ workspaces: { [run.workspace]: [run.token] } }, run.dir);
    try {
      const res = await fetch(`${again.url}/workspaces/${run.workspace}/tables/query`, {
        method: 'POST',
        headers: { ...run.auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: `SELECT title FROM "${run.workspace}"."documents" ORDER BY id` }),
      });
      assert.equal(res.status, 200);
      assert.deepEqual(((await res.json()) as { rows: unknown[][] }).rows, [['Contract'], ['Other']]);
    } finally {
      await again.emu.close();
    }
  });
});
