/** The total row over the list: a byte-weighted bar, "N of M uploaded · K failed", and Upload in manual mode. */
import { html, nothing, type TemplateResult } from 'lit';
import { fill, type UploaderStrings } from '../../i18n/strings.js';
import type { UploadItem, UploadTotals } from '../../queue/index.js';

export interface SummaryContext {
  strings: UploaderStrings;
  manual: boolean;
  disabled: boolean;
  upload(): void;
}

export function summaryRow(items: readonly UploadItem[], totals: UploadTotals, ctx: SummaryContext): TemplateResult {
  const s = ctx.strings;
  const percent = Math.floor(totals.fraction * 100);
  // Failed, canceled and interrupted files are left out, as the bar leaves them out.
  let kept = 0;
  let queued = false;
  for (let n = 0; n < items.length; n++) {
    const { status } = items[n]!;
    if (status !== 'error' && status !== 'canceled' && status !== 'interrupted') kept++;
    queued ||= status === 'queued';
  }
  const waiting = ctx.manual && queued;
  return html`<div class="summary" part="summary">
    <div
      class="bar"
      part="total-progress"
      role="progressbar"
      aria-label=${s.totalLabel}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${percent}
    >
      <div class="fill" part="total-progress-fill" .style=${`--p:${percent}`}></div>
    </div>
    <span part="total-text"
      >${[kept ? fill(s.totalSummary, { done: totals.done, count: kept, percent }) : '', totals.failed ? fill(s.totalFailed, { count: totals.failed }) : '']
        .filter(Boolean)
        .join(' · ')}</span
    >
    ${waiting
      ? html`<button class="upload" part="upload-button" type="button" ?disabled=${ctx.disabled} @click=${ctx.upload}>
          ${s.uploadAll}
        </button>`
      : nothing}
  </div>`;
}
