/**
 * Bearer tokens per workspace. Tokens live only in memory: a restarted emulator issues
 * new ones, which is what a developer expects of a local stand-in.
 * Nothing here ever puts a token into a message, so callers can forward messages as-is.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

interface TokenRecord {
  workspace: string;
  /** epoch ms; undefined = never expires. */
  expiresAt?: number;
}

export type AuthResult = { ok: true; token: string } | { ok: false; status: 401 | 403; detail: string };

/** The token of a request, or undefined when the header is missing or not `Bearer <token>`. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i.exec(header);
  return m?.[1];
}

export class TokenRegistry {
  readonly #tokens = new Map<string, TokenRecord>();

  issue(workspace: string, ttlMs?: number, length = 32): string {
    const token =
      'dl_' +
      randomBytes(Math.ceil(length / 2))
        .toString('hex')
        .slice(0, length);
    this.add(workspace, token, ttlMs);
    return token;
  }

  /** Accepts a caller-chosen token (options, CLI --token). */
  add(workspace: string, token: string, ttlMs?: number): void {
    const record: TokenRecord = { workspace };
    if (ttlMs !== undefined && Number.isFinite(ttlMs)) record.expiresAt = Date.now() + ttlMs;
    this.#tokens.set(token, record);
  }

  expire(token: string): void {
    const record = this.#tokens.get(token);
    // Keep the record (expired) rather than deleting it: the answer stays "expired" (401).
    if (record) record.expiresAt = Date.now() - 1;
  }

  check(req: IncomingMessage, workspace: string): AuthResult {
    if (req.headers.authorization === undefined) return { ok: false, status: 401, detail: 'Missing bearer token' };
    const token = bearerToken(req);
    if (token === undefined) return { ok: false, status: 401, detail: 'Malformed Authorization header; expected "Bearer <token>"' };
    const record = this.#tokens.get(token);
    if (!record) return { ok: false, status: 401, detail: 'Invalid token' };
    if (record.expiresAt !== undefined && record.expiresAt <= Date.now()) return { ok: false, status: 401, detail: 'Token expired' };
    if (record.workspace !== workspace) return { ok: false, status: 403, detail: 'Token is not valid for this workspace' };
    return { ok: true, token };
  }
}
