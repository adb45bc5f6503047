/**
 * Files refused before upload: each fires `deeplake-reject` and becomes a row with a
 * readable reason until dismissed (the newest 20 are kept, so 10,000 refused files cost
 * 20 rows), and a batch is announced assertively once, not file by file. Past the first
 * 200, a batch's events arrive in slices after `addFiles()` returns.
 */
import type { ReactiveControllerHost } from 'lit';
import { REJECT_STRINGS } from '../../i18n/messages.js';
import { fill, type UploaderStrings } from '../../i18n/strings.js';
import { uploaderEvent, type DeepLakeUploaderEventDetail, type PendingFile } from '../events.js';
import { formatBytes } from '../../shared/format.js';
import type { Rejection } from '../templates/row.js';
import type { Announcer } from '../controllers/announcer.js';
import { inSlices, nextTask } from './slices.js';
import { validateFiles, type RejectReason, type ValidationRules } from './validate.js';

const MAX_ROWS = 20;
/** `deeplake-reject` events sent within the `addFiles()` call (a few ms in any engine). */
const SYNC_EVENTS = 200;

export type Refusal = DeepLakeUploaderEventDetail['deeplake-reject'];

/** The readable reason for a refusal, with the limit it broke. */
function reasonText(reason: RejectReason, s: UploaderStrings, limits: { maxFileSize: number; maxFiles: number; locale: string | undefined }): string {
  const max = reason === 'too-large' ? formatBytes(limits.maxFileSize, limits.locale) : limits.maxFiles;
  return fill(s[REJECT_STRINGS[reason]], { max });
}

/**
 * Splits files into those that pass the element's rules and refusals with their messages:
 * one message per reason, not per file (10,000 refused files would otherwise look up the
 * page's lang 10,000 times). `held`: files the list already counts against `maxFiles`.
 */
export function screenFiles(
  pending: readonly PendingFile[],
  rules: ValidationRules,
  held: number,
  s: UploaderStrings,
  limits: { maxFileSize: number; maxFiles: number; locale: string | undefined },
): { accepted: PendingFile[]; refused: Refusal[] } {
  const verdict = validateFiles(
    pending.map((p) => p.file),
    rules,
    held,
  );
  const messages = new Map<RejectReason, string>();
  const messageFor = (reason: RejectReason) => messages.get(reason) ?? messages.set(reason, reasonText(reason, s, limits)).get(reason)!;
  const refused: Refusal[] = verdict.rejected.map(({ file, reason }) => ({ file, reason, message: messageFor(reason) }));
  const passed = new Set(verdict.accepted);
  return { accepted: pending.filter((p) => passed.has(p.file)), refused };
}

export class Rejections {
  rows: readonly Rejection[] = [];
  #count = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly announcer: Pick<Announcer, 'announce'>,
  ) {}

  /** Refused files of one batch, announced in the strings `s`. */
  add(refused: readonly Refusal[], s: UploaderStrings): void {
    if (!refused.length) return;
    const reject = (i: number) => this.host.dispatchEvent(uploaderEvent('deeplake-reject', refused[i]!));
    // Up to SYNC_EVENTS events before this returns; a bigger batch (10,000 dropped files)
    // sends the rest in slices, so no task holds the page for long.
    const now = Math.min(refused.length, SYNC_EVENTS);
    for (let i = 0; i < now; i++) reject(i);
    if (refused.length > now) void nextTask().then(() => inSlices(refused.length - now, (i) => reject(now + i)));
    // Rows for the newest MAX_ROWS only; keys keep counting for the others.
    this.#count += Math.max(0, refused.length - MAX_ROWS);
    const rows = refused.slice(-MAX_ROWS).map(({ file, message }) => ({ key: `r${++this.#count}`, name: file.name, message }));
    this.rows = [...this.rows, ...rows].slice(-MAX_ROWS);
    const first = refused[0]!;
    this.announcer.announce(
      refused.length === 1 ? fill(s.announceRejected, { name: first.file.name, reason: first.message }) : fill(s.rejectedMany, { count: refused.length }),
      true,
    );
    this.host.requestUpdate();
  }

  dismiss(key: string): void {
    this.rows = this.rows.filter((r) => r.key !== key);
    this.host.requestUpdate();
  }

  clear(): void {
    this.rows = [];
    this.host.requestUpdate();
  }
}
