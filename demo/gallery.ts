// The gallery: every stored file of the workspace, listed with the client and each
// rendered by <deeplake-file> from nothing but its UUID.
import { html, render } from 'lit';
import { DeepLakeClient } from '../src/index.js';
import { devToken, WORKSPACE } from './dev-auth.js';

const client = new DeepLakeClient({ apiUrl: location.origin, workspace: WORKSPACE, tokenProvider: devToken });
const files = await client.list({ limit: 100 });
document.querySelector('#count')!.textContent = `${files.length} file(s)`;
render(
  // fit="cover": every kind of file the same tile (images cropped, cards and text boxed).
  files.map((f) => html`<li><deeplake-file fit="cover" file-id=${f.id}></deeplake-file><span class="caption" title=${f.name}>${f.name}</span></li>`),
  document.querySelector<HTMLUListElement>('#gallery')!,
);
