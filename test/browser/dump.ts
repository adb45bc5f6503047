/** A readable dump of a value for leak checks: own fields, error messages, stacks and causes, a few levels deep. */
export function dump(value: unknown, depth = 0, seen = new Set<unknown>()): string {
  if (value === null || typeof value !== 'object') return String(value);
  if (seen.has(value) || depth > 4 || value instanceof Node) return '';
  seen.add(value);
  const parts = value instanceof Error ? [value.name, value.message, value.stack ?? '', dump(value.cause, depth + 1, seen)] : [];
  for (const key of Object.keys(value)) parts.push(key, dump((value as Record<string, unknown>)[key], depth + 1, seen));
  return parts.join(' ');
}
