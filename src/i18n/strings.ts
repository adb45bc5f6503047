/**
 * Every string a person sees or hears from the elements (`<deeplake-file>`'s in
 * file-strings.ts, re-exported below). A page overrides any part of it
 * (`uploader.strings = { browse: 'Pick' }`) or loads a whole locale module from
 * `src/i18n/locales/`. Placeholders are `{name}`-style so locales stay plain data.
 */

export interface UploaderStrings {
  dropHint: string;
  dropHintOne: string;
  dropActive: string;
  browse: string;
  browseOne: string;
  uploadAll: string;
  listLabel: string;
  totalLabel: string;
  totalSummary: string; // {done} {count} {percent}
  totalFailed: string; // {count}
  statusQueued: string;
  statusSending: string;
  statusProcessing: string;
  statusOffline: string;
  statusPaused: string;
  statusDone: string;
  statusCanceled: string;
  statusRetrying: string; // {retry} {retries}
  speedAndTime: string; // {speed} {time}
  cancel: string; // accessible names: {name}
  pause: string;
  resume: string;
  retry: string;
  remove: string;
  rejectType: string;
  rejectTooLarge: string; // {max}
  rejectEmpty: string;
  rejectTooMany: string; // {max}
  rejectVetoed: string;
  rejectedMany: string; // {count}
  errorUnauthorized: string;
  errorForbidden: string;
  errorNotFound: string;
  errorTooLarge: string;
  errorRateLimited: string;
  errorServer: string;
  errorBadRequest: string;
  errorNetwork: string;
  errorAborted: string;
  errorInvalidResponse: string;
  errorAuth: string;
  errorUntrustedOrigin: string;
  errorInternal: string;
  announceAdded: string; // {count}
  announceAddedOne: string; // {name}
  announceRejected: string; // {name} {reason}
  announceDone: string; // {name}
  announceDoneMany: string; // {count}: files that finished between two updates of the list
  announceFailed: string; // {name} {reason}
  announceProgress: string; // {percent}
  announceComplete: string;
  announceOffline: string;
  announceOnline: string;
  validityRequired: string;
  validityUploading: string;
  validityWaiting: string;
  validityFailed: string;
  errorDelete: string; // {name}
  statusResuming: string; // {percent}: a tus upload that continued where the server stopped
  statusInterrupted: string; // a tus upload a reload cut off
  statusOptimizing: string; // an image resized or stripped of its location before it is sent
  sizeOptimized: string; // {from} {to}: the chosen image's size and the size sent
}

export const en: UploaderStrings = {
  dropHint: 'Drag files here or',
  dropHintOne: 'Drag a file here or',
  dropActive: 'Drop to add',
  browse: 'choose files',
  browseOne: 'choose a file',
  uploadAll: 'Upload',
  listLabel: 'Files',
  totalLabel: 'Total upload progress',
  totalSummary: '{done} of {count} uploaded',
  totalFailed: '{count} failed',
  statusQueued: 'Waiting',
  statusSending: 'Uploading',
  statusProcessing: 'Processing…',
  statusOffline: 'Waiting for the network…',
  statusPaused: 'Paused',
  statusDone: 'Uploaded',
  statusCanceled: 'Canceled',
  statusRetrying: 'Retrying ({retry} of {retries})…',
  speedAndTime: '{speed} · {time} left',
  cancel: 'Cancel {name}',
  pause: 'Pause {name}',
  resume: 'Resume {name}',
  retry: 'Retry {name}',
  remove: 'Remove {name}',
  rejectType: 'This type of file is not accepted',
  rejectTooLarge: 'Larger than the {max} limit',
  rejectEmpty: 'The file is empty',
  rejectTooMany: 'No more than {max} files',
  rejectVetoed: 'This file was not accepted',
  rejectedMany: '{count} files were not added',
  errorUnauthorized: 'The server did not accept the sign-in',
  errorForbidden: 'You may not upload here',
  errorNotFound: 'Not found',
  errorTooLarge: 'The server refused a file this large',
  errorRateLimited: 'Too many uploads at once; try again shortly',
  errorServer: 'The server had a problem',
  errorBadRequest: 'The server refused this file',
  errorNetwork: 'Could not reach the server',
  errorAborted: 'Stopped',
  errorInvalidResponse: 'The server sent an unexpected answer',
  errorAuth: 'Could not sign in to upload',
  errorUntrustedOrigin: 'This page may not upload there',
  errorInternal: 'The browser could not send it',
  announceAdded: '{count} files added',
  announceAddedOne: '{name} added',
  announceRejected: '{name} was not added: {reason}',
  announceDone: '{name} uploaded',
  announceDoneMany: '{count} files uploaded',
  announceFailed: '{name} failed: {reason}',
  announceProgress: '{percent}% uploaded',
  announceComplete: 'All uploads finished',
  announceOffline: 'Offline: uploads wait for the network',
  announceOnline: 'Back online',
  validityRequired: 'Please add a file.',
  validityUploading: 'Please wait until the uploads finish.',
  validityWaiting: 'Please upload the chosen files first.',
  validityFailed: 'Some files failed to upload: retry or remove them.',
  errorDelete: '{name} could not be deleted from the server',
  statusResuming: 'Resuming from {percent}%',
  statusInterrupted: 'Interrupted: choose the file again to resume',
  statusOptimizing: 'Optimizing…',
  sizeOptimized: '{from} → {to}',
};

// <deeplake-file>'s strings are a module of their own: where that element is loaded
// lazily (the uploader alone shows stored files through it), they come with it.
export { fileEn, type FileStrings } from './file-strings.js';

/** Fills `{placeholders}`; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
