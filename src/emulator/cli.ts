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
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMissing, missingPeers } from './peers.js';
import { isStyle } from './styles.js';

/** Exit 2: a wrong flag. Exit 1: the emulator cannot run here (missing packages, port taken). */
function fail(message: string, code = 2): never {
  process.stderr.write(`deeplake-emulator: ${message}\n`);
  process.exit(code);
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

const HELP = `Usage: npx deeplake-emulator [options]
A local Deep Lake Files API on 127.0.0.1, for development and tests. Prints its url,
workspace and a development token. Stops on Ctrl+C.

  --port <n>             port (default 4455; 0 picks a free one)
  --host <addr>          address to listen on (default 127.0.0.1)
  --data-dir <dir>       where files are stored (default .deeplake-data)
  --workspace <name>     the workspace its token opens (default demo)
  --token <tok>          that token (default: random; or DEEPLAKE_EMULATOR_TOKEN)
  --origin <origin>      a page origin allowed by CORS, e.g. http://localhost:5173
                         (repeat it for more; '*' allows any)
  --admin                the /__emulator/* routes (workspaces, tokens, faults) for tests
  --max-file-size <n>    refuse larger uploads with 413 (bytes)
  --style <s>            metadata field names: snake (default), camel, alt, data
  -h, --help             this text

Needs busboy (and @tus/server + @tus/file-store for tus, @electric-sql/pglite for
tables/query): npm install -D busboy @tus/server @tus/file-store @electric-sql/pglite
`;

async function main(): Promise<void> {
  const args = parse();
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${args.port}`);
  const maxFileSize = args['max-file-size'] === undefined ? undefined : Number(args['max-file-size']);
  if (maxFileSize !== undefined && !(maxFileSize >= 0)) fail('--max-file-size must be a number of bytes');
  if (args.style !== undefined && !isStyle(args.style)) fail('--style must be snake, camel, alt or data');
  const origins = args.origin ?? [];

  // Before server.js is imported: it imports busboy, whose absence would be a raw stack.
  const missing = missingPeers(dirname(fileURLToPath(import.meta.url)));
  if (missing.fatal) fail(describeMissing(missing), 1);
  if (missing.groups.length) process.stderr.write(`deeplake-emulator: ${describeMissing(missing)}\n`);
  const { createEmulator } = await import('./server.js');

  const given = args.token ?? process.env.DEEPLAKE_EMULATOR_TOKEN;
  const style = args.style;
  const emulator = createEmulator({
    dataDir: args['data-dir'],
    origins: origins.includes('*') ? '*' : origins,
    admin: args.admin,
    workspaces: given ? { [args.workspace]: [given] } : {},
    ...(maxFileSize === undefined ? {} : { maxFileSize }),
  });
  // Without a given token, addWorkspace issues a random one. With one, addWorkspace is only
  // needed to set a style (the random token it also issues is simply never printed).
  const { workspace, token } = given ? { workspace: args.workspace, token: given } : emulator.addWorkspace(args.workspace, style);
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

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err), 1));
