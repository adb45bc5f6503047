/**
 * Content-Disposition for downloads. The stored name comes from the uploader, so it may
 * hold quotes, backslashes, control characters, path separators or non-ASCII text: the
 * plain `filename` gets a safe ASCII fallback and `filename*` carries the exact name
 * (RFC 6266 / RFC 8187), which every current browser prefers.
 */

function asciiFallback(name: string): string {
  // Anything outside printable ASCII, plus characters that would end or escape the quoted
  // string or name a directory, becomes "_".
  const safe = name.replace(/[^\x20-\x7e]|["\\/%]/gu, '_').trim();
  return safe || 'download';
}

/** RFC 8187 value-chars: encodeURIComponent leaves `'()*` alone, which attr-char does not allow. */
function rfc8187(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export function contentDisposition(filename: string): string {
  const name = filename.replace(/[\\/]/g, '_') || 'download';
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${rfc8187(name)}`;
}
