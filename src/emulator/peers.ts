/**
 * The emulator's Node-only packages are optional peer dependencies of deeplake-elements
 * (pages that only use the elements never install them), so an app that runs
 * `npx deeplake-emulator` may lack them. The CLI asks this module first, before anything
 * imports them, and says what to install instead of a raw ERR_MODULE_NOT_FOUND stack.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PeerGroup {
  packages: readonly string[];
  /** What works only with them. */
  feature: string;
  /** Without them the emulator cannot start (multipart uploads are the Files API itself). */
  required: boolean;
}

export const PEERS: readonly PeerGroup[] = [
  { packages: ['busboy'], feature: 'multipart uploads (the Files API itself)', required: true },
  { packages: ['@tus/server', '@tus/file-store'], feature: 'resumable uploads at /workspaces/{ws}/files/tus (transport="tus")', required: false },
  { packages: ['@electric-sql/pglite'], feature: 'POST /workspaces/{ws}/tables/query', required: false },
];

/**
 * Whether Node would find package `name` from directory `from`: a `node_modules/<name>`
 * in it or any parent, as Node's resolution walks (no import: busboy and PGlite would
 * cost their load time, and the point is to check before anything can throw).
 */
export function isInstalled(name: string, from: string): boolean {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

export interface MissingPeers {
  /** Groups whose packages are not all found. */
  groups: PeerGroup[];
  /** Every missing package, required ones first. */
  packages: string[];
  /** A required group is missing: the emulator cannot start. */
  fatal: boolean;
}

export function missingPeers(from: string, installed: (name: string) => boolean = (name) => isInstalled(name, from)): MissingPeers {
  const groups = PEERS.filter((g) => g.packages.some((p) => !installed(p)));
  const ordered = [...groups.filter((g) => g.required), ...groups.filter((g) => !g.required)];
  return {
    groups: ordered,
    packages: ordered.flatMap((g) => g.packages.filter((p) => !installed(p))),
    fatal: groups.some((g) => g.required),
  };
}

/** The message the CLI prints: what is missing, what it is for, the one command that fixes it. */
export function describeMissing(missing: MissingPeers): string {
  if (!missing.groups.length) return '';
  const lines = missing.fatal
    ? ['cannot start: its Node-only packages are optional peer dependencies of deeplake-elements, not installed here.']
    : ['some optional packages are not installed, so these answer 501 until they are:'];
  for (const g of missing.groups) lines.push(`  ${g.packages.join(' + ')}: ${g.feature}${g.required ? ' (required)' : ''}`);
  lines.push(`Install them as dev dependencies of your app:\n  npm install -D ${missing.packages.join(' ')}`);
  return lines.join('\n');
}
