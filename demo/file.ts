// <deeplake-file> for each kind of file. The samples are made in the browser (the same
// generators the tests use) and stored once in the emulator's `demo` workspace; each
// element then gets nothing but a UUID.
import { DeepLakeClient, type DeepLakeFile } from '../src/index.js';
import { canEncodeWebm, HOSTILE_HTML, HOSTILE_SVG, makePdf, makePng, makeWav, makeWebm, TEXT } from '../test/browser/file-fixtures.js';
import { devToken, WORKSPACE } from './dev-auth.js';

const client = new DeepLakeClient({ apiUrl: location.origin, workspace: WORKSPACE, tokenProvider: devToken });

const samples: Record<string, () => Promise<BlobPart> | BlobPart> = {
  'lake.png': makePng,
  'hostile.svg': () => HOSTILE_SVG,
  'clip.webm': () => makeWebm(20, 320, 180),
  'tone.wav': () => makeWav(1.5),
  'report.pdf': () => makePdf(),
  'notes.txt': () => `${TEXT}\n${'All work and no play makes a long log.\n'.repeat(12)}`,
  'page.html': () => HOSTILE_HTML,
  'archive.zip': () => new Uint8Array(2_345_678),
};
const types: Record<string, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  webm: 'video/webm',
  wav: 'audio/wav',
  pdf: 'application/pdf',
  txt: 'text/plain',
  html: 'text/html',
  zip: 'application/zip',
};

/** The id of each sample, stored now unless an earlier visit did. */
async function sampleIds(): Promise<Map<string, string>> {
  const stored = new Map((await client.list({ limit: 1000 })).map((f) => [f.name, f.id]));
  for (const [name, make] of Object.entries(samples)) {
    if (stored.has(name)) continue;
    // The WebM is encoded here with WebCodecs, which not every engine has (or has for VP8).
    if (name.endsWith('.webm') && !(await canEncodeWebm())) continue;
    const type = types[name.split('.').pop()!]!;
    const info = await client.upload(new File([await make()], name, { type }));
    stored.set(name, info.id);
  }
  return stored;
}

const ids = await sampleIds();
for (const el of document.querySelectorAll<DeepLakeFile>('deeplake-file[data-sample]')) {
  const id = ids.get(el.dataset.sample!);
  if (id) el.fileId = id;
  else el.closest('figure')!.remove(); // a sample this browser could not make
}
document.querySelector<DeepLakeFile>('#missing')!.fileId = crypto.randomUUID();
const pending = document.querySelector<DeepLakeFile>('#pending')!;
pending.resolveUrl = () => new Promise<undefined>(() => {});
pending.fileId = ids.get('lake.png')!;
