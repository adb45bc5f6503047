// A test-runner command that drives the browser's network through the DevTools protocol
// (Chromium only): `executeServerCommand('network-conditions', conditions)`, conditions
// { offline?, latencyMs?, uploadBytesPerSec?, downloadBytesPerSec?, forMs? }.
//
// - Throttling (latency, throughput) is Network.emulateNetworkConditionsByRule for every
//   request of the page.
// - Offline is the browser's own state, Network.overrideNetworkState: navigator.onLine
//   turns false and the page gets its `offline` event (and `online` when it ends), from
//   the browser, not from a script. The whole-network switch (emulateNetworkConditions
//   offline) also cuts the test runner's own connection to the page, so a test could never
//   be told it ended; the requests' side of an outage is the emulator's (`outage`: open
//   connections dropped, new ones refused), which the test asks for beside this.
// - `forMs`: the server restores the normal state by itself after that long.
// Answers false where the engine has no DevTools protocol (the test then skips, naming it).

/** The page's CDP session, made once per page. */
const sessions = new WeakMap();

async function cdpOf(page) {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    sessions.set(page, cdp);
  }
  return cdp;
}

async function apply(cdp, { offline = false, latencyMs = 0, uploadBytesPerSec = -1, downloadBytesPerSec = -1 }) {
  const conditions = { latency: latencyMs, uploadThroughput: uploadBytesPerSec, downloadThroughput: downloadBytesPerSec };
  await cdp.send('Network.emulateNetworkConditionsByRule', { offline: false, matchedNetworkConditions: [{ urlPattern: '', ...conditions }] });
  await cdp.send('Network.overrideNetworkState', { offline, ...conditions });
}

export function networkConditionsPlugin() {
  return {
    name: 'network-conditions',
    async executeCommand({ command, payload = {}, session }) {
      if (command !== 'network-conditions') return undefined;
      const page = session.browser.type === 'puppeteer' ? session.browser.getPage?.(session.id) : undefined;
      let cdp;
      try {
        if (!page || !/chrom/i.test(await page.browser().version())) return false;
        cdp = await cdpOf(page);
      } catch {
        return false; // Firefox over WebDriver BiDi: no CDP session
      }
      await apply(cdp, payload);
      if (payload.forMs > 0) setTimeout(() => void apply(cdp, {}).catch(() => {}), payload.forMs);
      return true;
    },
  };
}
