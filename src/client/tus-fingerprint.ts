/**
 * The key under which a tus upload's URL is remembered. Stable for identical content, so
 * choosing the same file again after a reload resumes it; different for a re-encoded copy
 * with the same name and size, which must start afresh: name, size and lastModified plus
 * a SHA-256 of the first and last 64 KiB (reading all of a large file would take seconds).
 * The endpoint is part of it: the same file sent to two servers is two uploads.
 */

const EDGE = 64 * 1024;

/** Every fingerprint for `endpoint` starts with this, so its uploads can be listed. */
export const fingerprintPrefix = (endpoint: string): string => `deeplake:${endpoint}#`;

export async function fingerprintOf(file: Blob, endpoint: string): Promise<string> {
  const { name = '', lastModified = 0 } = file as Partial<File>;
  const identity = JSON.stringify([name, file.size, lastModified]);
  const subtle = globalThis.crypto?.subtle;
  // crypto.subtle exists in secure contexts only (https, localhost): elsewhere the
  // fingerprint falls back to name, size and lastModified.
  if (!subtle) return fingerprintPrefix(endpoint) + encodeURIComponent(identity);
  // The tail starts after the head, so a small file is hashed once, not twice.
  const sample = new Blob([identity, file.slice(0, EDGE), file.slice(Math.max(EDGE, file.size - EDGE))]);
  const digest = new Uint8Array(await subtle.digest('SHA-256', await sample.arrayBuffer()));
  return fingerprintPrefix(endpoint) + Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
