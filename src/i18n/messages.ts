/**
 * Which string says what, one table per thing a message explains: an upload's error code,
 * a row's status, a refused file's reason (and, in file-strings.ts so that it loads with
 * that element, a `<deeplake-file>` error). Written out key by key, so a string's every use
 * is found by searching its name, and a code, status or reason without a string does not
 * compile (the tables are exhaustive records).
 */
import type { DeepLakeError, DeepLakeErrorCode } from '../client/index.js';
import type { UploadStatus } from '../queue/index.js';
import type { RejectReason } from '../uploader/intake/validate.js';
import type { UploaderStrings } from './strings.js';

const UPLOAD_ERRORS: Record<DeepLakeErrorCode, keyof UploaderStrings> = {
  unauthorized: 'errorUnauthorized',
  forbidden: 'errorForbidden',
  not_found: 'errorNotFound',
  too_large: 'errorTooLarge',
  rate_limited: 'errorRateLimited',
  server: 'errorServer',
  bad_request: 'errorBadRequest',
  network: 'errorNetwork',
  aborted: 'errorAborted',
  invalid_response: 'errorInvalidResponse',
  auth: 'errorAuth',
  untrusted_origin: 'errorUntrustedOrigin',
  internal: 'errorInternal',
};

/** The statuses a row names with one string (uploading and error say more: see row.ts). */
export const STATUS_STRINGS: Record<Exclude<UploadStatus, 'uploading' | 'error'>, keyof UploaderStrings> = {
  queued: 'statusQueued',
  paused: 'statusPaused',
  done: 'statusDone',
  canceled: 'statusCanceled',
  interrupted: 'statusInterrupted',
};

/** A refusal's string; `too-large` and `too-many` carry the limit as `{max}`. */
export const REJECT_STRINGS: Record<RejectReason, keyof UploaderStrings> = {
  type: 'rejectType',
  'too-large': 'rejectTooLarge',
  empty: 'rejectEmpty',
  'too-many': 'rejectTooMany',
};

/** The readable reason of a failed upload (a missing error reads as the server's problem). */
export const uploadErrorText = (error: DeepLakeError | undefined, s: UploaderStrings): string => s[UPLOAD_ERRORS[error?.code ?? 'server'] ?? 'errorServer'];
