/**
 * The module of the strict-CSP page (/__csp-page.html, served by web-test-runner.config.mjs):
 * records CSP violations from the start, then loads the elements and hands the test a
 * client class of this page's own realm (so its requests are this page's, under its CSP).
 */
const w = window as unknown as { cspViolations: string[]; cspReady: Promise<unknown> };
w.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
w.cspReady = Promise.all([import('../../src/index.js'), import('../../src/client/index.js')]).then(([, client]) => client);
