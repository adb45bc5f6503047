/**
 * `deeplake-elements/react`: React components for the elements, made by `@lit/react`.
 * React 19 already sets properties on custom elements, but not listeners for custom
 * event names with typed details: these wrappers add `onDeeplakeSuccess` & co., typed
 * from the elements' event maps, and forward refs to the element.
 *
 * A separate entry, so the main bundle never pulls React or `@lit/react` in (both are
 * optional peer dependencies of the package: only this entry needs them).
 */
// Default import: React ships CommonJS, whose namespace is its default export everywhere
// (Node ESM, bundlers, the test server's conversion).
import React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { DeepLakeFile as FileElement } from './file/deeplake-file.js';
import type { DeepLakeFileEventDetail } from './file/events.js';
import { DeepLakeUploader as UploaderElement } from './uploader/define.js';
import type { DeepLakeUploaderEventDetail } from './uploader/events.js';

type UploaderEvent<K extends keyof DeepLakeUploaderEventDetail> = EventName<CustomEvent<DeepLakeUploaderEventDetail[K]>>;
type FileEvent<K extends keyof DeepLakeFileEventDetail> = EventName<CustomEvent<DeepLakeFileEventDetail[K]>>;

/** `<deeplake-uploader>` (a form field: `name`, `required`, `value`/`values` as usual). */
export const DeepLakeUploader = createComponent({
  react: React,
  tagName: 'deeplake-uploader',
  elementClass: UploaderElement,
  displayName: 'DeepLakeUploader',
  events: {
    onDeeplakeAdd: 'deeplake-add' as UploaderEvent<'deeplake-add'>,
    onDeeplakeReject: 'deeplake-reject' as UploaderEvent<'deeplake-reject'>,
    onDeeplakeProgress: 'deeplake-progress' as UploaderEvent<'deeplake-progress'>,
    onDeeplakeSuccess: 'deeplake-success' as UploaderEvent<'deeplake-success'>,
    onDeeplakeError: 'deeplake-error' as UploaderEvent<'deeplake-error'>,
    onDeeplakeComplete: 'deeplake-complete' as UploaderEvent<'deeplake-complete'>,
    // The element's own `change` (its `values` changed), not React's synthetic onChange.
    onChange: 'change' as EventName<Event>,
  },
});

/** `<deeplake-file>`: one stored file by its UUID (`fileId`). */
export const DeepLakeFile = createComponent({
  react: React,
  tagName: 'deeplake-file',
  elementClass: FileElement,
  displayName: 'DeepLakeFile',
  events: {
    onDeeplakeLoad: 'deeplake-load' as FileEvent<'deeplake-load'>,
    onDeeplakeError: 'deeplake-error' as FileEvent<'deeplake-error'>,
  },
});
