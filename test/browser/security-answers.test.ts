/**
 * What providers and servers hand back is untrusted: a token the browser cannot send, a
 * server that echoes a long token, an upload answer whose id is no UUID. And the element
 * survives what frameworks do to it (moved mid-upload), and a form submits once.
 */
import { expect } from '@open-wc/testing';
import { DeepLakeError, type DeepLakeClient } from '../../src/client/index.js';
import { errorFromResponse } from '../../src/client/errors.js';
import { en } from '../../src/i18n/strings.js';
import { clientFor, injectFault, issueToken, newWorkspace, rejectionOf, requestLog } from './emulator-control.js';
import { mountForm, submitButton } from './form-helpers.js';
import { fileOf, mount, settled, until, when } from './uploader-helpers.js';
import { dump } from './dump.js';

/** Whether `text` holds any 8-character run of `token` (a cut token leaks its first part). */
const holdsPieceOf = (text: string, token: string) => {
  for (let i = 0; i + 8 <= token.length; i++) if (text.includes(token.slice(i, i + 8))) return true;
  return false;
};

describe('no token in any message', () => {
  // What a provider may return that a browser refuses as a header value.
  const unsendable = [
    ['CR/LF', (t: string) => `${t}\r\nX-Injected: 1`],
    ['LF only', (t: string) => `${t}\nX`],
    ['a NUL', (t: string) => `${t}\u0000`],
    ['non-Latin-1', (t: string) => `${t}€`],
    ['an emoji', (t: string) => `${t}🔑`],
  ] as const;

  for (const [label, spoil] of unsendable) {
    it(`a provider's token with ${label}: an auth error that quotes nothing, and no request`, async () => {
      const ws = await newWorkspace();
      const bad = spoil(ws.token);
      const { el } = await mount();
      el.client = clientFor(ws, { tokenProvider: () => bad, retry: { retries: 0 } });
      const failed = when(el, 'deeplake-error');
      el.addFiles([fileOf(100, 'a.txt')]);
      const { error, item } = await failed;
      await settled(el);
      expect([error.code, error.status, error.message]).to.deep.equal(['auth', 0, 'The token provider returned no token that can be sent in a header']);
      const text = [dump(error), dump(item), el.shadowRoot!.textContent ?? ''].join(' ');
      expect(text.includes(ws.token), 'the token is nowhere').to.equal(false);
      const fetched = (await rejectionOf(el.client.info(crypto.randomUUID()))) as DeepLakeError;
      expect([fetched.code, dump(fetched).includes(ws.token)]).to.deep.equal(['auth', false]);
      expect(await requestLog(ws.workspace)).to.deep.equal([]);
    });
  }

  for (const [label, body, contentType] of [
    ['JSON detail', '{"detail":"token {token} is not allowed here"}', 'application/json'],
    ['plain text', 'Authorization: Bearer {token} refused', 'text/plain'],
    ['an error object', '{"error":{"message":"bad {token}"}}', 'application/json'],
    ['URL-encoded', '{"detail":"see /login?t={token}"}', 'application/json'],
  ] as const) {
    it(`a server that echoes a 600-character token (${label}) leaves no piece of it in the message`, async () => {
      const ws = await newWorkspace();
      ws.token = await issueToken(ws.workspace, 600);
      const client = clientFor(ws, { retry: { retries: 0 } });
      await injectFault(ws.workspace, { match: { method: 'POST' }, status: 400, body, contentType, echoToken: true });
      const error = (await rejectionOf(client.upload(new File(['x'], 'x.txt')))) as DeepLakeError;
      expect([error.code, error.status]).to.deep.equal(['bad_request', 400]);
      expect(error.message).to.match(/^Deep Lake answered 400/);
      expect(holdsPieceOf(dump(error), ws.token), error.message).to.equal(false);
    });
  }

  it('redaction comes before the cut, whatever the token length', () => {
    for (const length of [9, 40, 170, 199, 200, 201, 1000]) {
      const token = Array.from({ length }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789'[(i * 7 + length) % 36]).join('');
      for (const prefix of ['', 'x'.repeat(150), 'y'.repeat(195)]) {
        const error = errorFromResponse(500, `${prefix}${token} tail`, null, token);
        expect(holdsPieceOf(error.message, token), `${length} after ${prefix.length}`).to.equal(false);
      }
    }
  });

  it('bad_request means a 4xx answer only: a client that throws is `internal`', async () => {
    const { el } = await mount();
    el.client = { upload: () => Promise.reject(new TypeError("Failed to execute 'setRequestHeader': 'Bearer secret-token-123\n'")) } as unknown as DeepLakeClient;
    const failed = when(el, 'deeplake-error');
    el.addFiles([fileOf(100, 'a.txt')]);
    const { error } = await failed;
    expect([error.code, error.status, error.message.includes('secret')]).to.deep.equal(['internal', 0, false]);
  });
});

describe('ids are UUIDs everywhere', () => {
  const bad = [
    '../../admin',
    '<img src=x onerror=alert(1)>',
    'x'.repeat(10_000),
    '00000000-0000-0000-0000-000000000000/../x',
    ' 3f0c8a52-0000-4000-8000-000000000000',
    42,
    null,
  ];

  for (const id of bad) {
    it(`an upload answered with id ${JSON.stringify(id).slice(0, 40)}: invalid_response, no value, no success`, async () => {
      const { form, uploaders, submissions } = await mountForm({ name: 'files', multiple: true, retries: '0' });
      const { el, ws } = uploaders[0]!;
      await injectFault(ws.workspace, { match: { method: 'POST' }, status: 201, body: JSON.stringify({ id, filename: 'a.txt' }), contentType: 'application/json' });
      let successes = 0;
      el.addEventListener('deeplake-success', () => successes++);
      const failed = when(el, 'deeplake-error');
      el.addFiles([fileOf(100, 'a.txt')]);
      const { error, item } = await failed;
      await settled(el);
      expect([error.code, item.status, item.fileId, successes, el.value, el.values]).to.deep.equal(['invalid_response', 'error', undefined, 0, '', []]);
      expect(new FormData(form).getAll('files')).to.deep.equal([]);
      // requestSubmit() validates and dispatches `submit` synchronously: nothing to wait for.
      form.requestSubmit(submitButton(form));
      expect(submissions.list.length, 'a failed row blocks the form').to.equal(0);
      expect(el.shadowRoot!.querySelector('li.item')!.textContent).to.include(en.errorInvalidResponse);
    });
  }

  it('an upper-case UUID is a UUID', async () => {
    const ws = await newWorkspace();
    const id = crypto.randomUUID().toUpperCase();
    await injectFault(ws.workspace, { match: { method: 'POST' }, status: 201, body: JSON.stringify({ id }), contentType: 'application/json' });
    expect((await clientFor(ws).upload(new File(['x'], 'x.txt'))).id).to.equal(id);
  });
});

describe('tus: the token goes to the endpoint origin only', () => {
  it('a remembered upload URL on another origin is refused, and no token goes there', async () => {
    const ws = await newWorkspace();
    const here = new URL(location.href);
    const other = `${here.protocol}//${here.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${here.port}`;
    const planted = {
      size: 3,
      metadata: {},
      creationTime: new Date().toString(),
      uploadUrl: `${other}/workspaces/${ws.workspace}/files/tus/planted`,
      urlStorageKey: 'k1',
    };
    // A URL storage that someone filled with an upload elsewhere (or a server's Location).
    const urlStorage = {
      findAllUploads: async () => [planted],
      findUploadsByFingerprint: async () => [planted],
      removeUpload: async () => undefined,
      addUpload: async () => 'k2',
    };
    const sent: string[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => sent.push(e.name)));
    observer.observe({ type: 'resource' });
    const error = (await rejectionOf(
      clientFor(ws, { retry: { retries: 0 } }).upload(new File(['abc'], 'a.bin'), { transport: 'tus', tus: { urlStorage: urlStorage as never } }),
    )) as DeepLakeError;
    observer.disconnect();
    expect(error.code).to.equal('untrusted_origin');
    expect(sent.filter((url) => url.startsWith(other))).to.deep.equal([]);
  });
});

describe('moving the element is harmless', () => {
  for (const moment of ['mid-upload, back after the file was stored', 'mid-upload, back before it was stored'] as const) {
    it(`removed ${moment}: one upload, and rows, value, validity, events agree`, async () => {
      const { form, uploaders } = await mountForm({ name: 'files', multiple: true });
      const { el, ws } = uploaders[0]!;
      const slow = moment.includes('after') ? 1500 : 2500;
      await injectFault(ws.workspace, { match: { method: 'POST' }, latencyMs: slow });
      const events: string[] = [];
      for (const name of ['deeplake-success', 'deeplake-complete', 'change']) form.addEventListener(name, () => events.push(name));
      el.addFiles([fileOf(2000, 'a.txt')]);
      await until(() => el.items[0]?.status === 'uploading', 'the upload runs');
      const parent = el.parentNode!;
      el.remove();
      if (moment.includes('after')) await until(() => el.items[0]?.status === 'done', 'the file is stored');
      else await until(async () => (await requestLog(ws.workspace)).some((r) => r.method === 'POST'), 'the upload reached the server');
      const elsewhere = document.createElement('div');
      form.prepend(elsewhere);
      elsewhere.append(el); // a new place in the same form
      await until(() => el.items[0]?.status === 'done', 'the file is stored');
      await until(() => events.includes('deeplake-complete'), 'the events reached the form');
      await settled(el);
      expect(parent.isConnected).to.equal(true);
      expect(el.values.length).to.equal(1);
      expect(new FormData(form).getAll('files')).to.deep.equal(el.values);
      expect([el.validity.valid, el.validationMessage]).to.deep.equal([true, '']);
      expect(events.filter((e) => e !== 'deeplake-complete').sort()).to.deep.equal(['change', 'deeplake-success']);
      expect(el.shadowRoot!.querySelector('li.item')!.getAttribute('part')).to.include('item-done');
      const posts = (await requestLog(ws.workspace)).filter((r) => r.method === 'POST');
      expect(posts.length, 'no duplicate upload').to.equal(1);
    });
  }

  it('moved in the same task, many times: nothing changes', async () => {
    const { el, ws } = await mount({ multiple: true });
    const done = when(el, 'deeplake-complete');
    el.addFiles([fileOf(500, 'a.txt'), fileOf(600, 'b.txt', '', 2)]);
    const host = el.parentElement!;
    for (let i = 0; i < 5; i++) {
      el.remove();
      host.append(el);
    }
    await done;
    await settled(el);
    expect(el.values.length).to.equal(2);
    expect((await requestLog(ws.workspace)).filter((r) => r.method === 'POST').length).to.equal(2);
  });
});

describe('upload-on-submit: one submission however it is triggered', () => {
  for (const times of [2, 3]) {
    it(`${times} requestSubmit() calls in one task: one submission, with the values`, async () => {
      const { form, uploaders, submissions } = await mountForm({ name: 'files', multiple: true, manual: true, 'upload-on-submit': true });
      const { el, ws } = uploaders[0]!;
      await injectFault(ws.workspace, { match: { method: 'POST' }, latencyMs: 300 });
      el.addFiles([fileOf(1500, 'a.txt'), fileOf(1500, 'b.txt', '', 2)]);
      await settled(el);
      const first = submissions.next();
      for (let i = 0; i < times; i++) form.requestSubmit(submitButton(form));
      expect(submissions.list.length, 'nothing goes out while the uploads run').to.equal(0);
      const { values } = await first;
      expect(values.files!.length).to.equal(2);
      expect(values.files).to.deep.equal(el.values);
      // The held submit is sent again synchronously in one callback: any second one came with it.
      await el.updateComplete;
      expect(submissions.list.length).to.equal(1);
    });
  }

  it('a submit while an upload already runs waits for it', async () => {
    const { form, uploaders, submissions } = await mountForm({ name: 'files', multiple: true, manual: true, 'upload-on-submit': true });
    const { el, ws } = uploaders[0]!;
    await injectFault(ws.workspace, { match: { method: 'POST' }, latencyMs: 400 });
    el.addFiles([fileOf(1500, 'a.txt')]);
    el.upload();
    await settled(el);
    const next = submissions.next();
    form.requestSubmit(submitButton(form));
    expect(submissions.list.length).to.equal(0);
    const { values } = await next;
    expect(values.files).to.deep.equal(el.values);
    expect(values.files).to.have.length(1);
  });
});
