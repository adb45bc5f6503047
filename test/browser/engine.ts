/**
 * Which engine runs the tests (the suite runs in Chromium, Firefox and WebKit), and `itIn`
 * for the few checks that need one engine's non-standard API: elsewhere the test is
 * registered as skipped with the engine and the reason in its title, so the run's summary
 * counts it and names it (web-test-runner.config.mjs prints every skipped test).
 */
export type Engine = 'chromium' | 'firefox' | 'webkit';

const ua = navigator.userAgent;
export const engine: Engine = /Firefox\//.test(ua) ? 'firefox' : /Chrom(e|ium)\//.test(ua) ? 'chromium' : 'webkit';

/** `it(title, fn)` in `engines`; in any other engine a skipped test that says why. */
export function itIn(engines: Engine[], why: string, title: string, fn: Mocha.Func | Mocha.AsyncFunc): Mocha.Test {
  if (engines.includes(engine)) return it(title, fn);
  return it.skip(`${title} (skipped in ${engine}: ${why})`, fn);
}

/** Skips the running test, its title naming the engine and `why` (the summary lists it). */
export function skipHere(context: Mocha.Context, why: string): never {
  context.test!.title += ` (skipped in ${engine}: ${why})`;
  return context.skip();
}
