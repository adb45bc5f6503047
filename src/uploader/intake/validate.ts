/**
 * Validation before anything is sent. Pure functions of the file and the element's
 * rules, so the same checks run for the picker, drops and pastes alike (a picker's
 * `accept` is only a hint: drops and pastes ignore it). Also which files are trusted to
 * decode as thumbnails.
 */

export type RejectReason = 'type' | 'too-large' | 'empty' | 'too-many';

export interface ValidationRules {
  /** The `accept` attribute: MIME types, `type/*` wildcards and `.ext` extensions, comma-separated. */
  accept: string;
  /** Bytes; 0 or less = no limit. */
  maxFileSize: number;
  /** Files the element may hold (not counting failed/canceled ones); 0 or less = no limit. */
  maxFiles: number;
}

/** An `accept` list's tokens, lower-cased: parsed once per batch, not once per file. */
function acceptTokens(accept: string): string[] {
  return accept
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
}

/** Whether `file` matches an `accept` list (as `acceptTokens`) as `<input type=file accept>` defines it. */
function matchesAccept(file: File, tokens: readonly string[]): boolean {
  if (tokens.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return tokens.some((token) => {
    if (token.startsWith('.')) return name.endsWith(token);
    if (token.endsWith('/*')) return type.startsWith(token.slice(0, -1));
    return type === token;
  });
}

/** Images a browser decodes safely into a bitmap; SVG is left out: a user's SVG is never rendered. */
export function isThumbnailable(file: File): boolean {
  // Asked for every row a render makes, and `file.type` is a new string on every read.
  let yes = thumbnailable.get(file);
  if (yes === undefined) thumbnailable.set(file, (yes = /^image\/(png|jpeg|gif|webp|avif|bmp)$/i.test(file.type)));
  return yes;
}
const thumbnailable = new WeakMap<Blob, boolean>();

export interface Verdict {
  accepted: File[];
  rejected: Array<{ file: File; reason: RejectReason }>;
}

/**
 * Splits `files` into accepted and rejected, in order. `held` is how many files the
 * element already holds; files past `maxFiles` are refused as `too-many`.
 */
export function validateFiles(files: readonly File[], rules: ValidationRules, held: number): Verdict {
  const verdict: Verdict = { accepted: [], rejected: [] };
  let room = rules.maxFiles > 0 ? Math.max(0, rules.maxFiles - held) : Infinity;
  const tokens = acceptTokens(rules.accept);
  for (const file of files) {
    const reason: RejectReason | undefined = !matchesAccept(file, tokens)
      ? 'type'
      : file.size === 0
        ? 'empty'
        : rules.maxFileSize > 0 && file.size > rules.maxFileSize
          ? 'too-large'
          : room <= 0
            ? 'too-many'
            : undefined;
    if (reason) verdict.rejected.push({ file, reason });
    else {
      verdict.accepted.push(file);
      room--;
    }
  }
  return verdict;
}
