/**
 * One row of the list: a queue item or a refused file. Pure functions of a record and
 * the strings, so the element only picks which rows to render. Text goes through Lit
 * bindings (escaped); the progress fill's `--p` is set through the `style` property (CSSOM: allowed under
 * a CSP without 'unsafe-inline', unlike a style attribute in markup).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DeepLakeClient } from '../../client/index.js';
import { STATUS_STRINGS, uploadErrorText } from '../../i18n/messages.js';
import { fill, type UploaderStrings } from '../../i18n/strings.js';
import { isStored, type UploadItem } from '../../queue/index.js';
import { formatBytes, formatDuration, formatSpeed } from '../../shared/format.js';
import { iconPaths, icons } from '../../shared/icons.js';
import { isThumbnailable } from '../intake/validate.js';

export type ItemAction = 'cancel' | 'pause' | 'resume' | 'retry' | 'remove';

export interface RowContext {
  strings: UploaderStrings;
  locale: string | undefined;
  disabled: boolean;
  retries: number;
  /** The uploader's client, handed to the <deeplake-file> previews of restored rows. */
  client: DeepLakeClient | undefined;
}

/** A file refused before upload, shown in the list until dismissed. */
export interface Rejection {
  key: string;
  name: string;
  message: string;
}

/** A row has one or two buttons (itemRow renders a first and an optional second). */
const ACTIONS: Record<UploadItem['status'], [ItemAction] | [ItemAction, ItemAction]> = {
  queued: ['remove'],
  uploading: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  done: ['remove'],
  error: ['retry', 'remove'],
  canceled: ['retry', 'remove'],
  // Removing discards the upload on the server; choosing the file again resumes it.
  interrupted: ['remove'],
};

/** Answers a second try cannot change (the same file gets the same refusal): such a row offers Remove only. */
const FINAL = new Set<string>(['too_large', 'forbidden', 'bad_request', 'not_found', 'untrusted_origin', 'internal']);

/** Each row's `part`: one constant string per status, not a string joined per render. */
const ITEM_PART = Object.fromEntries(Object.keys(ACTIONS).map((status) => [status, `item item-${status}`])) as Record<UploadItem['status'], string>;
const BUTTON_PART = Object.fromEntries(
  Object.values(ACTIONS)
    .flat()
    .map((action) => [action, `action ${action}-button`]),
) as Record<ItemAction, string>;

export const percentOf = (item: UploadItem): number => (item.total > 0 ? Math.floor((item.loaded / item.total) * 100) : 0);

function statusText(item: UploadItem, ctx: RowContext): string {
  const { strings: s, locale } = ctx;
  switch (item.status) {
    case 'uploading': {
      if (item.retrying > 0) return fill(s.statusRetrying, { retry: item.retrying, retries: ctx.retries });
      // tus: "Resuming from 62% · Uploading 70%" for an upload that continued, until it ends:
      // on a fast link the rest may be sent before the next (held) render.
      const from = item.resumedFrom === undefined ? '' : `${fill(s.statusResuming, { percent: Math.floor(item.resumedFrom * 100) })} · `;
      if (item.phase === 'optimizing') return s.statusOptimizing;
      if (item.phase === 'processing') return `${from}${s.statusProcessing}`;
      if (item.phase === 'offline') return s.statusOffline;
      // No bytes counted yet (a small body is counted only when its answer comes): no "0%".
      const sending = item.loaded > 0 ? `${from}${s.statusSending} ${percentOf(item)}%` : `${from}${s.statusSending}`;
      if (!item.bytesPerSecond || item.secondsLeft === undefined) return sending;
      const rate = fill(s.speedAndTime, {
        speed: formatSpeed(item.bytesPerSecond, locale),
        time: formatDuration(item.secondsLeft, locale),
      });
      return `${sending} · ${rate}`;
    }
    case 'error':
      return uploadErrorText(item.error, s);
    default:
      return s[STATUS_STRINGS[item.status]];
  }
}

/** "3.8 MB", or "3.8 MB → 412 kB" for an image made smaller before it was sent. */
function sizeText({ total, prepared }: UploadItem, { locale, strings }: RowContext): string {
  const size = formatBytes(total, locale);
  return prepared && prepared.originalSize !== total ? fill(strings.sizeOptimized, { from: formatBytes(prepared.originalSize, locale), to: size }) : size;
}

function progressBar(item: UploadItem, label: string): TemplateResult | typeof nothing {
  if (item.status !== 'uploading' && item.status !== 'paused') return nothing;
  const processing = item.phase === 'processing';
  const optimizing = item.phase === 'optimizing';
  // An image being optimized has a bar of its own: how far the worker got, not bytes.
  const percent = processing ? 100 : optimizing ? Math.floor(item.optimizing! * 100) : percentOf(item);
  // While the server processes, or before any byte is counted, the amount is unknown:
  // no aria-valuenow (indeterminate).
  return html`<div
    class="bar"
    part="progress"
    role="progressbar"
    aria-label=${label}
    aria-valuemin="0"
    aria-valuemax="100"
    aria-valuenow=${processing || (!optimizing && item.loaded === 0) ? nothing : percent}
    data-phase=${item.phase ?? nothing}
  >
    <div class="fill" part="progress-fill" .style=${`--p:${percent}`}></div>
  </div>`;
}

/**
 * A row's icon button; its accessible name says which file it acts on. It has no listener
 * of its own: the list handles every row's clicks (see `rowAction`), so a row costs no
 * closure and no listener per render.
 */
function actionButton(action: ItemAction, name: string, strings: UploaderStrings, disabled = false): TemplateResult {
  const label = fill(strings[action], { name });
  return html`<button type="button" class="action" part=${BUTTON_PART[action]} data-action=${action} aria-label=${label} title=${label} ?disabled=${disabled}>
    <svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${iconPaths[action]}></path></svg>
  </button>`;
}

/**
 * The action of a click in the list, and the `data-id` (an item) or `data-key` (a refused
 * file) of its row; none for a disabled button (a click can still reach one's children).
 */
export function rowAction(event: Event): { action: ItemAction; id?: string; key?: string } | undefined {
  const button = (event.target as Element).closest?.<HTMLButtonElement>('button[data-action]');
  const row = button?.closest<HTMLElement>('li');
  if (!button || !row || button.disabled) return undefined;
  return { action: button.dataset.action as ItemAction, id: row.dataset.id, key: row.dataset.key };
}

/**
 * A chosen image shows its own thumbnail; a restored one (no bytes at hand, only its UUID)
 * shows the stored file through <deeplake-file>, the one way to show a stored file.
 */
function preview(item: UploadItem, thumb: string | undefined, ctx: RowContext): TemplateResult | undefined {
  if (thumb) return html`<img src=${thumb} alt="" />`;
  if (isStored(item) && item.info?.contentType.startsWith('image/')) {
    return html`<deeplake-file file-id=${item.fileId!} alt="" loading="lazy" .client=${ctx.client}></deeplake-file>`;
  }
  return undefined;
}

/**
 * One row. A row is made hundreds of times in a batch, so it has as few bindings as it
 * can: the size and status are one text, the row's `part` is a constant per status, and
 * the buttons draw their icons themselves.
 */
export function itemRow(item: UploadItem, ctx: RowContext, thumb: string | undefined): TemplateResult {
  const icon = item.status === 'done' ? iconPaths.done : item.status === 'error' ? iconPaths.error : iconPaths.file;
  const [first, second] = item.status === 'error' && FINAL.has(item.error?.code ?? '') ? ACTIONS.done : ACTIONS[item.status];
  const name = item.relativePath;
  return html`<li
    class="item"
    part=${ITEM_PART[item.status]}
    data-status=${item.status}
    data-id=${item.id}
    data-thumb=${isThumbnailable(item.file) ? item.id : nothing}
  >
    <div class="thumb" part="thumbnail">
      ${preview(item, thumb, ctx)}<svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${icon}></path></svg>
    </div>
    <div class="details">
      <span class="name" part="name" title=${name}>${name}</span>
      <span class="meta" part="meta">${`${sizeText(item, ctx)} · ${statusText(item, ctx)}`}</span>
      ${progressBar(item, name)}
    </div>
    <div class="actions" part="actions">
      ${actionButton(first, name, ctx.strings, ctx.disabled)}${second ? actionButton(second, name, ctx.strings, ctx.disabled) : nothing}
    </div>
  </li>`;
}

export function rejectionRow(rejection: Rejection, ctx: RowContext): TemplateResult {
  return html`<li class="item" part="item item-rejected" data-status="rejected" data-key=${rejection.key}>
    <div class="thumb" part="thumbnail">${icons.error}</div>
    <div class="details">
      <span class="name" part="name" title=${rejection.name}>${rejection.name}</span>
      <span class="meta" part="meta">${rejection.message}</span>
    </div>
    <div class="actions" part="actions">${actionButton('remove', rejection.name, ctx.strings)}</div>
  </li>`;
}
