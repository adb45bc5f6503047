// The demo's one table: articles that point at stored files by UUID, in the emulator's
// real Postgres (PGlite) through `tables/query`, exactly as a CMS would use Deep Lake.
import { DeepLakeClient } from '../src/index.js';
import { devToken, WORKSPACE } from './dev-auth.js';

export interface Article {
  id: number;
  title: string;
  coverId: string | null;
  attachmentIds: string[];
  createdAt: string;
}

const client = new DeepLakeClient({ apiUrl: location.origin, workspace: WORKSPACE, tokenProvider: devToken });
const TABLE = `"${WORKSPACE}"."articles"`;

let ready: Promise<unknown> | undefined;
const ensureTable = () =>
  (ready ??= client.query(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (
       id serial PRIMARY KEY,
       title text NOT NULL,
       cover_id uuid,
       attachment_ids uuid[] NOT NULL DEFAULT '{}',
       created_at timestamptz NOT NULL DEFAULT now())`,
  ));

/** Postgres array literal for a uuid[] parameter: UUIDs need no quoting. */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

export async function insertArticle(title: string, coverId: string, attachmentIds: string[]): Promise<void> {
  await ensureTable();
  await client.query(`INSERT INTO ${TABLE} (title, cover_id, attachment_ids) VALUES ($1, $2::uuid, $3::uuid[])`, [title, coverId || null, uuidArray(attachmentIds)]);
}

export async function listArticles(): Promise<Article[]> {
  await ensureTable();
  const { rows } = await client.query(`SELECT id, title, cover_id::text, array_to_json(attachment_ids), created_at::text FROM ${TABLE} ORDER BY id DESC LIMIT 20`);
  return rows.map(([id, title, coverId, attachmentIds, createdAt]) => ({
    id: Number(id),
    title: String(title),
    coverId: (coverId as string | null) ?? null,
    attachmentIds: (attachmentIds as string[] | null) ?? [],
    createdAt: String(createdAt),
  }));
}
