/**
 * Helpers of the uploader's form tests: a form around uploaders on their own workspaces,
 * and a record of the submissions that really went out (a submit event nobody stopped).
 */
import { html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { DeepLakeClient } from '../../src/client/index.js';
import { clientFor, newWorkspace, type TestWorkspace } from './emulator-control.js';
import { mountTemplate, type DeepLakeUploader } from './uploader-helpers.js';

export interface Submission {
  /** `event.submitter === button` of the form (compared here: no DOM nodes in assertions). */
  byButton: boolean;
  /** `FormData.getAll(name)` at submit time, per field name asked for. */
  values: Record<string, string[]>;
}

export interface Submissions {
  list: Submission[];
  /** Resolves with the next submission (rejects after `timeoutMs`). */
  next(timeoutMs?: number): Promise<Submission>;
}

/**
 * Records every submit event that reaches a page's listener on `form`, then prevents it
 * (the test page must not navigate). A submit held back by `upload-on-submit` must never
 * reach it: the uploader stops it before any page listener, so each one counts.
 */
export function recordSubmissions(form: HTMLFormElement, names: string[]): Submissions {
  const list: Submission[] = [];
  const waiters: Array<(s: Submission) => void> = [];
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form, event.submitter);
    const submission = {
      byButton: !!event.submitter && event.submitter === form.querySelector('button'),
      values: Object.fromEntries(names.map((name) => [name, data.getAll(name).map(String)])),
    };
    list.push(submission);
    waiters.splice(0).forEach((resolve) => resolve(submission));
  });
  const next = (timeoutMs = 20_000) =>
    new Promise<Submission>((resolve, reject) => {
      waiters.push(resolve);
      setTimeout(() => reject(new Error('timed out waiting for a submission')), timeoutMs);
    });
  return { list, next };
}

export interface FormFixture {
  form: HTMLFormElement;
  /** The uploaders in document order, each with its own workspace and client. */
  uploaders: Array<{ el: DeepLakeUploader; ws: TestWorkspace; client: DeepLakeClient }>;
  submissions: Submissions;
}

/**
 * A form with one uploader per entry of `attrs` (attribute name → value, `true` = present)
 * and a submit button, each uploader on a new workspace.
 */
export async function mountForm(...attrs: Array<Record<string, string | true>>): Promise<FormFixture> {
  const setups = await Promise.all(attrs.map(async (a) => ({ a, ws: await newWorkspace() })));
  const clients = setups.map(({ ws }) => clientFor(ws));
  const uploader = (a: Record<string, string | true>, client: DeepLakeClient): TemplateResult => {
    const el = document.createElement('deeplake-uploader');
    for (const [name, value] of Object.entries(a)) el.setAttribute(name, value === true ? '' : value);
    el.client = client;
    return html`${el}`;
  };
  const form = await mountTemplate<HTMLFormElement>(html`<form>${setups.map(({ a }, i) => uploader(a, clients[i]!))}<button type="submit">Send</button></form>`);
  const els = [...form.querySelectorAll<DeepLakeUploader>('deeplake-uploader')];
  const uploaders = els.map((el, i) => ({ el, ws: setups[i]!.ws, client: clients[i]! }));
  return { form, uploaders, submissions: recordSubmissions(form, [...new Set(attrs.map((a) => String(a.name)))]) };
}

export const submitButton = (form: HTMLFormElement) => form.querySelector<HTMLButtonElement>('button[type=submit]')!;
