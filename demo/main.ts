// The "new article" page: two uploaders as real form fields; submitting stores a row
// that points at the uploaded files by UUID, and the list renders them from those UUIDs.
import { html, nothing, render } from 'lit';
import '../src/index.js';
import { insertArticle, listArticles, type Article } from './articles.js';
import './dev-auth.js';

const form = document.querySelector<HTMLFormElement>('#article-form')!;
const status = document.querySelector<HTMLParagraphElement>('#status')!;
const list = document.querySelector<HTMLOListElement>('#articles')!;

const articleView = (a: Article) =>
  html`<li class="article">
    ${a.coverId ? html`<deeplake-file class="cover" fit="cover" file-id=${a.coverId} alt=${`Cover of ${a.title}`}></deeplake-file>` : nothing}
    <div>
      <h3>${a.title}</h3>
      <p class="meta">${new Date(a.createdAt).toLocaleString()} · ${a.attachmentIds.length} attachment(s)</p>
      <div class="attachments">${a.attachmentIds.map((id) => html`<deeplake-file file-id=${id} download></deeplake-file>`)}</div>
    </div>
  </li>`;

async function refresh(): Promise<void> {
  render((await listArticles()).map(articleView), list);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void publish();
});

async function publish(): Promise<void> {
  // The browser already checked validity: a half-uploaded field blocks the submit.
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  status.textContent = 'Publishing…';
  try {
    await insertArticle(text('title'), text('cover'), data.getAll('attachments').map(String));
    form.reset();
    status.textContent = 'Published.';
    await refresh();
  } catch (error) {
    status.textContent = `Could not publish: ${(error as Error).message}`;
  }
}

void refresh();
