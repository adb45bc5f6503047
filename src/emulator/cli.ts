#!/usr/bin/env node
/**
 * deeplake-emulator: runs the local Deep Lake Files API until SIGINT/SIGTERM.
 *
 *   deeplake-emulator [--port 4455] [--host 127.0.0.1] [--data-dir .deeplake-data]
 *     [--workspace demo] [--token <tok>] [--origin <o> ...|--origin '*'] [--admin]
 *     [--max-file-size <bytes>] [--style snake|camel|alt|data]
 *
 * Prints `url: …`, `workspace: …` and `token: …` lines (one each, stable, for scripts and
 * tests to parse). The token is random unless --token or DEEPLAKE_EMULATOR_TOKEN gives one;
 * it is a local development token, which is why printing it is fine here.
 */
import { parseArgs } from 'node:util';
import { createEmulator } from './server.js';
import { isStyle } from './styles.js';
import type { ResponseStyle } from './types.js';

function fail(message: string): never {
  process.stderr.write(`deeplake-emulator: ${message}\n`);
  process.exit(2);
}

function parse(): ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'] {
  try {
    return parseArgs({ options: OPTIONS, allowPositionals: false }).values;
  } catch (err) {
    return fail((err as Error).message);
  }
}

const OPTIONS = {
  port: { type: 'string', default: '4455' },
  host: { type: 'string', default: '127.0.0.1' },
  'data-dir': { type: 'string', default: '.deeplake-data' },
  workspace: { type: 'string', default: 'demo' },
  token: { type: 'string' },
  origin: { type: 'string', multiple: true },
  admin: { type: 'boolean', default: false },
  'max-file-size': { type: 'string' },
  style: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

async function main(): Promise<void> {
  const args = parse();
  if (args.help) {
    process.stdout.write(
      'Usage: deeplake-emulator [--port 4455] [--host 127.0.0.1] [--data-dir .deeplake-data] [--workspace demo]\n' +
        "  [--token <tok>] [--origin <origin> (repeatable, or '*')] [--admin] [--max-file-size <bytes>] [--style snake|camel|alt|data]\n",
    );
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${args.port}`);
  const maxFileSize = args['max-file-size'] === undefined ? undefined : Number(args['max-file-size']);
  if (maxFileSize !== undefined && !(maxFileSize >= 0)) fail('--max-file-size must be a number of bytes');
  if (args.style !== undefined && !isStyle(args.style)) fail('--style must be snake, camel, alt or data');
  const origins = args.origin ?? [];

  const given = args.token ?? process.env.DEEPLAKE_EMULATOR_TOKEN;
  const style = args.style as ResponseStyle | undefined;
  const emulator = createEmulator({
    dataDir: args['data-dir'],
    origins: origins.includes('*') ? '*' : origins,
    admin: args.admin,
    workspaces: given ? { [args.workspace]: [given] } : {},
    ...(maxFileSize === undefined ? {} : { maxFileSize }),
  });
  // Without a given token, addWorkspace issues a random one. With one, addWorkspace is only
  // needed to set a style (the random token it also issues is simply never printed).
  const { workspace, token } = given
    ? { workspace: args.workspace, token: given }
    : emulator.addWorkspace(args.workspace, style);
  if (given && style) emulator.addWorkspace(workspace, style);
  const url = await emulator.listen(port, args.host);
  process.stdout.write(`Deep Lake Files API emulator\nurl: ${url}\nworkspace: ${workspace}\ntoken: ${token}\ndata: ${emulator.dataDir}\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping\n`);
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`deeplake-emulator: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
