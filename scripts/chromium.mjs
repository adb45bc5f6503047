// Debian's Chromium and the flags every headless run here needs (tests, screenshots,
// Storybook smoke, e2e): no sandbox as root, no GPU, /dev/shm too small in containers,
// and no background connections, which this machine's closed network refuses.
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** How long a launch may take: a loaded 2-core machine has taken over puppeteer's default 30 s. */
export const launchTimeoutMs = 120_000;
