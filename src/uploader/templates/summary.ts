/** The total row over the list: a byte-weighted bar, "N of M uploaded · K failed", and Upload in manual mode. */
import { html, nothing, type TemplateResult } from 'lit';
import { fill, type UploaderStrings } from '../../i18n/strings.js';
import type { UploadTotals } from '../../queue/index.js';

export interface SummaryContext {
  strings: UploaderStrings;
  manual: boolean;
  disabled: boolean;
  upload(): void;
}

export function summaryRow(totals: UploadTotals, ctx: SummaryContext): TemplateResult {
  const s = ctx.strings;
  const percent = Math.floor(totals.fraction * 100);
  // "N of M": the files the bar counts (the queue's `kept`: failed, canceled and interrupted ones left the batch).
  const { kept } = totals;
  const waiting = ctx.manual && totals.queued > 0;
  return html`<div class="summary" part="summary">
    <div class="bar" part="total-progress" role="progressbar" aria-label=${s.totalLabel} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent}>
      <div class="fill" part="total-progress-fill" .style=${`--p:${percent}`}></div>
    </div>
    <span part="total-text"
      >${[kept ? fill(s.totalSummary, { done: totals.done, count: kept, percent }) : '', totals.failed ? fill(s.totalFailed, { count: totals.failed }) : '']
        .filter(Boolean)
        .join(' · ')}</span
    >
    ${waiting ? html`<button class="upload" part="upload-button" type="button" ?disabled=${ctx.disabled} @click=${ctx.upload}>${s.uploadAll}</button>` : nothing}
  </div>`;
}
