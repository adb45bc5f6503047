// The demo page: the framework-free client against the emulator in this dev server.
// The token comes from the emulator's development route and lives only in memory.
import { configure, DeepLakeClient, DeepLakeError, type FileInfo } from '../src/index.js';

async function devToken(): Promise<string> {
  const res = await fetch('/__emulator/workspaces', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ workspace: 'demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

const client = new DeepLakeClient({ apiUrl: location.origin, workspace: 'demo', tokenProvider: devToken });
configure({ apiUrl: location.origin, workspace: 'demo', tokenProvider: devToken });
document.querySelector('#uploader')!.addEventListener('deeplake-complete', () => void refresh());
const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const status = $<HTMLParagraphElement>('#status');
const progress = $<HTMLProgressElement>('#progress');
const bytes = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });

function row(info: FileInfo): HTMLLIElement {
  const li = document.createElement('li');
  const name = Object.assign(document.createElement('span'), { className: 'name', textContent: info.name, title: info.name });
  const meta = Object.assign(document.createElement('span'), {
    className: 'meta',
    textContent: `${info.contentType} · ${bytes.format(info.size / 1000)}`,
  });
  const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Delete' });
  remove.setAttribute('aria-label', `Delete ${info.name}`);
  remove.addEventListener('click', async () => {
    await client.delete(info.id);
    await refresh();
  });
  if (info.contentType.startsWith('image/') && info.contentType !== 'image/svg+xml') {
    const img = Object.assign(document.createElement('img'), { alt: '' });
    void client.content(info.id).then((blob) => (img.src = URL.createObjectURL(blob)));
    li.append(img);
  }
  li.append(name, meta, remove);
  return li;
}

async function refresh(): Promise<void> {
  const files = await client.list({ limit: 50 });
  $('#files').replaceChildren(...files.map(row));
}

$<HTMLFormElement>('#upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const files = [...($<HTMLInputElement>('#file-input').files ?? [])];
  const total = files.reduce((sum, f) => sum + f.size, 0) || 1;
  let done = 0;
  for (const file of files) {
    status.textContent = `Uploading ${file.name}…`;
    try {
      await client.upload(file, { onProgress: ({ loaded }) => (progress.value = (done + loaded) / total) });
      done += file.size;
    } catch (error) {
      status.textContent = error instanceof DeepLakeError ? `${file.name}: ${error.message}` : String(error);
      return;
    }
  }
  status.textContent = `Uploaded ${files.length} file(s).`;
  await refresh();
});

void refresh();
