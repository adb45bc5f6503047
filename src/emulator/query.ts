/**
 * `POST /workspaces/{ws}/tables/query` on real Postgres SQL (PGlite). PGlite costs ~2.5 s
 * and hundreds of MB to start, so it is imported and started only on the first query;
 * an emulator that never sees one never loads it. One database per emulator, kept in
 * <dataDir>/pglite so tables survive restarts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite, Results } from '@electric-sql/pglite';
import type { RouteContext } from './context.js';
import { droppedBeforeAnswer } from './context.js';
import { HttpError, readJson, sendError, sendJson } from './http-util.js';

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export class QueryEngine {
  #db: Promise<PGlite> | undefined;
  readonly #schemas = new Set<string>();

  constructor(readonly dir: string) {}

  #open(): Promise<PGlite> {
    if (!this.#db) {
      const db = (async () => {
        mkdirSync(this.dir, { recursive: true });
        let pglite: typeof import('@electric-sql/pglite');
        try {
          pglite = await import('@electric-sql/pglite');
        } catch {
          // An optional peer dependency: say which, as the tus route does for its packages.
          throw new HttpError(501, 'tables/query needs the optional package @electric-sql/pglite (npm install -D @electric-sql/pglite)');
        }
        return pglite.PGlite.create(this.dir);
      })();
      // A failed start is not cached: the next query tries again.
      db.catch(() => {
        if (this.#db === db) this.#db = undefined;
      });
      this.#db = db;
    }
    return this.#db;
  }

  async run(workspace: string, sql: string, params: unknown[]): Promise<{ columns: string[]; rows: unknown[][]; row_count: number }> {
    // A failed start is the emulator's problem (500), not the caller's: outside the try.
    const db = await this.#open();
    let result: Results<unknown[]>;
    try {
      if (!this.#schemas.has(workspace)) {
        // So `"ws"."table"` works without any setup, as on the real service.
        await db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(workspace)}`);
        this.#schemas.add(workspace);
      }
      result = await this.#query(db, sql, params);
    } catch (err) {
      // SQL errors are the caller's: 400 with Postgres' own message.
      throw new HttpError(400, (err as Error).message);
    }
    const columns = result.fields.map((f) => f.name);
    const rows = result.rows;
    return { columns, rows, row_count: columns.length > 0 ? rows.length : (result.affectedRows ?? 0) };
  }

  async #query(db: PGlite, sql: string, params: unknown[]): Promise<Results<unknown[]>> {
    try {
      return await db.query<unknown[]>(sql, params, { rowMode: 'array' });
    } catch (err) {
      // The extended protocol takes one statement; a parameterless script runs as a whole
      // and answers with its last statement's result.
      if (params.length > 0 || !/multiple commands/i.test((err as Error).message)) throw err;
      const all = await db.exec(sql, { rowMode: 'array' });
      return all[all.length - 1] as Results<unknown[]>;
    }
  }

  async close(): Promise<void> {
    const db = this.#db;
    this.#db = undefined;
    if (db) await (await db.catch(() => undefined))?.close();
  }
}

export async function handleQuery(ctx: RouteContext, engine: QueryEngine): Promise<void> {
  if (ctx.req.method !== 'POST') return sendError(ctx.res, 405, 'Method not allowed', { Allow: 'POST' });
  const body = await readJson(ctx.req, ctx.body);
  const { query, params = [] } = (body ?? {}) as { query?: unknown; params?: unknown };
  if (typeof query !== 'string' || !query.trim()) throw new HttpError(400, 'Body must be {"query": "...", "params": [...]}');
  if (!Array.isArray(params)) throw new HttpError(400, '"params" must be an array');
  const result = await engine.run(ctx.workspace, query, params);
  if (await droppedBeforeAnswer(ctx)) return;
  sendJson(ctx.res, 200, result);
}

export const queryDir = (dataDir: string): string => join(dataDir, 'pglite');
