/**
 * Sizes, speeds and durations in the reader's locale, with Intl units, not a hand-written
 * table: both elements' sizes (an upload row, a download card) read alike.
 */

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
/** Formatters by locale, then digits, then unit: nested maps, so a lookup (once per row a render makes) builds no key string. */
const cache = new Map<string | undefined, Map<string, Intl.NumberFormat>[]>();

function formatter(locale: string | undefined, unit: string, digits: number): Intl.NumberFormat {
  let byDigits = cache.get(locale);
  if (!byDigits) cache.set(locale, (byDigits = []));
  const byUnit = (byDigits[digits] ??= new Map());
  let f = byUnit.get(unit);
  if (!f) {
    // CLDR's short form of a plain byte is "byte" ("700 byte"); the long one pluralises.
    const unitDisplay = unit === 'byte' ? 'long' : 'short';
    f = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay, maximumFractionDigits: digits });
    byUnit.set(unit, f);
  }
  return f;
}

/** 1234567 → "1.2 MB" (decimal units, as operating systems show file sizes). */
export function formatBytes(bytes: number, locale?: string): string {
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1000 && i < UNITS.length - 1) {
    value /= 1000;
    i++;
  }
  return formatter(locale, UNITS[i]!, i === 0 ? 0 : value < 10 ? 1 : 0).format(value);
}

/** Bytes per second → "1.2 MB/s". */
export function formatSpeed(bytesPerSecond: number, locale?: string): string {
  let value = Math.max(0, bytesPerSecond);
  let i = 0;
  while (value >= 1000 && i < UNITS.length - 1) {
    value /= 1000;
    i++;
  }
  return formatter(locale, `${UNITS[i]!}-per-second`, i === 0 ? 0 : 1).format(value);
}

/** Seconds → "42 sec" / "3 min" / "2 hr", rounded up to the unit shown. */
export function formatDuration(seconds: number, locale?: string): string {
  if (seconds < 60) return formatter(locale, 'second', 0).format(Math.max(1, Math.ceil(seconds)));
  if (seconds < 3600) return formatter(locale, 'minute', 0).format(Math.ceil(seconds / 60));
  return formatter(locale, 'hour', 1).format(Math.ceil(seconds / 360) / 10);
}

let warmed = false;
/**
 * Makes a page's first unit formatter while the page is idle. The first one costs about
 * 15 ms in Chromium (ICU's unit data), which would otherwise land in the render that
 * shows the first files added; later ones cost next to nothing.
 */
export function warmFormatters(locale?: string): void {
  if (warmed) return;
  warmed = true;
  const whenIdle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
  whenIdle(() => formatBytes(0, locale));
}
