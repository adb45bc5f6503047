/**
 * The strings of `<deeplake-file>`, apart from the uploader's (strings.ts re-exports them),
 * and which of them names each error (the same kind of table as messages.ts): a page that
 * loads that element lazily downloads them with it, not up front.
 */
import type { DeepLakeError, DeepLakeErrorCode } from '../client/index.js';

/** The strings of `<deeplake-file>` (`fileElement.strings = { retry: '…' }`). */
export interface FileStrings {
  loading: string;
  download: string;
  downloadLabel: string; // accessible name: {name}
  truncated: string; // {shown} {size}
  retry: string;
  errorNotFound: string;
  errorUnauthorized: string;
  errorForbidden: string;
  errorNetwork: string;
  errorServer: string;
  errorInvalidId: string;
  errorUntrustedOrigin: string;
}

export const fileEn: FileStrings = {
  loading: 'Loading…',
  download: 'Download',
  downloadLabel: 'Download {name}',
  truncated: 'Showing the first {shown} of {size}',
  retry: 'Try again',
  errorNotFound: 'This file was not found',
  errorUnauthorized: 'Sign in again to see this file',
  errorForbidden: 'You do not have access to this file',
  errorNetwork: 'The file could not be loaded: the connection failed',
  errorServer: 'The file could not be loaded',
  errorInvalidId: 'This is not a valid file id',
  errorUntrustedOrigin: 'This page does not allow files from that server',
};

/** `<deeplake-file>` says less than a row: what a viewer can act on (sign in, ask, retry). */
const FILE_ERRORS: Partial<Record<DeepLakeErrorCode, keyof FileStrings>> = {
  not_found: 'errorNotFound',
  unauthorized: 'errorUnauthorized',
  auth: 'errorUnauthorized',
  forbidden: 'errorForbidden',
  network: 'errorNetwork',
  untrusted_origin: 'errorUntrustedOrigin',
};

/** Why `<deeplake-file>` shows no file; anything it cannot name is the server's problem. */
export const fileErrorText = (error: DeepLakeError, s: FileStrings): string => s[FILE_ERRORS[error.code] ?? 'errorServer'];
