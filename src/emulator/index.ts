/**
 * Local Deep Lake Files API emulator (Node only): a real HTTP server with disk storage,
 * bearer tokens per workspace, CORS, fault injection and PGlite-backed tables/query.
 * Use it for the demo, the tests and your own offline tests.
 */
export { createEmulator } from './server.js';
export type { Emulator, EmulatorOptions, Fault, RequestLogEntry, ResponseStyle } from './types.js';
