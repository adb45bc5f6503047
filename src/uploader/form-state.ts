/**
 * What `<deeplake-uploader>` tells its form: the stored UUIDs, and why a submission must
 * wait (uploads running, chosen files not sent, failed files still listed). Read on every
 * change of the queue: the queue's totals (worked out once per change) say what is there.
 */
import type { FieldState } from '../form/form-associated.js';
import type { UploaderStrings } from '../i18n/strings.js';
import type { UploadQueue } from '../queue/index.js';

export function uploaderFormState(queue: UploadQueue, uploadOnSubmit: boolean, s: UploaderStrings): FieldState {
  const { totals } = queue;
  const queued = totals.queued > 0;
  // Files chosen but not sent would silently be left out of a submission (unless the form sends them).
  const waiting = !uploadOnSubmit && queued;
  const values = queue.fileIds;
  return {
    values,
    hasValue: values.length > 0 || (uploadOnSubmit && queued),
    // With upload-on-submit, a submit while uploads run is held back until they are done
    // (controllers/submit-guard.ts), so it must reach the guard instead of failing validation.
    pendingMessage: queue.busy && !uploadOnSubmit ? s.validityUploading : waiting ? s.validityWaiting : '',
    errorMessage: totals.failed ? s.validityFailed : '',
    requiredMessage: s.validityRequired,
  };
}
