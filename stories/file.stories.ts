/**
 * `<deeplake-file>`: each kind of file it renders, its loading and error states. Each
 * story stores its file in the emulator first (`npm run storybook`); in a static build
 * the file cannot be fetched and the story shows the error state instead (Loading and
 * Invalid id render the same everywhere).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/index.js';
import { locales } from '../src/i18n/locales/index.js';
import { HOSTILE_HTML, HOSTILE_SVG, makePdf, makePng, makeWav, makeWebm, TEXT } from '../test/browser/file-fixtures.js';
import { defaultFileArgs, deeplakeFile, type FileArgs, type FileOptions, type Source } from './support/file.js';
import { frame } from './support/frame.js';

const png: Source = { make: makePng, name: 'gradient.png', type: 'image/png' };
const pdf: Source = { make: () => makePdf(), name: 'hello.pdf', type: 'application/pdf' };
const zip: Source = { make: () => new Blob([new Uint8Array(48_000)]), name: 'dataset-2026.zip', type: 'application/zip' };

const show = (source: Source, options?: FileOptions, frameOptions?: Parameters<typeof frame>[1]) => (args: FileArgs) =>
  frame(deeplakeFile(args, source, options), frameOptions);

const meta = {
  title: 'Elements/deeplake-file',
  component: 'deeplake-file',
  args: defaultFileArgs,
  argTypes: { loading: { control: 'inline-radio', options: ['eager', 'lazy'] } },
  render: show(png),
} satisfies Meta<FileArgs>;

export default meta;
type Story = StoryObj<FileArgs>;

/** An image, drawn through `<img>` from an object URL. */
export const Image: Story = { args: { alt: 'A blue gradient with a yellow sun' } };

/** A video (WebM, encoded in the page), with the browser's controls. */
export const Video: Story = { render: show({ make: () => makeWebm(20), name: 'clip.webm', type: 'video/webm' }) };

export const Audio: Story = { render: show({ make: () => makeWav(2), name: 'tone.wav', type: 'audio/wav' }) };

/** A PDF in the browser's viewer (`--deeplake-file-height` sets its height). */
export const Pdf: Story = { render: show(pdf) };

/** Text as text (the first 64 KiB), always escaped: the `<script>` in it is shown, not run. */
export const Text: Story = { render: show({ make: () => new Blob([TEXT]), name: 'notes.txt', type: 'text/plain' }) };

/** Anything else: a card with name, size and a download link. */
export const DownloadCard: Story = { render: show(zip) };

/** `download`: a card even for a type it could show. */
export const ForcedDownload: Story = { args: { download: true } };

/** SVG only through `<img>`, where its script never runs. */
export const Svg: Story = { render: show({ make: () => new Blob([HOSTILE_SVG]), name: 'drawing.svg', type: 'image/svg+xml' }) };

/** HTML is only ever offered as a download: rendered, it would run as a page of this origin. */
export const HtmlPage: Story = { render: show({ make: () => new Blob([HOSTILE_HTML]), name: 'page.html', type: 'text/html' }) };

/** `fit="cover"`: every kind the same tile, as in a media library (images cropped, cards and text boxed, a PDF as a card). */
export const MediaTiles: Story = {
  render: (args) => {
    const tiles = [png, zip, pdf, { make: () => new Blob([TEXT.repeat(8)]), name: 'notes.txt', type: 'text/plain' }].map((source) => {
      const el = deeplakeFile(args, source);
      el.fit = 'cover';
      return el;
    });
    const grid = document.createElement('div');
    grid.className = 'tiles';
    grid.append(...tiles);
    return frame(grid, {
      css: '.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 12px } .tiles deeplake-file { --deeplake-file-height: 9rem }',
    });
  },
};

/** A card's long name on a phone: its start gives way, its end and extension stay. */
export const LongNameOnAPhone: Story = {
  render: show(
    { make: () => new Blob([new Uint8Array(2_400_000)]), name: 'quarterly-financial-report-for-the-board-2026-Q3-final.zip', type: 'application/zip' },
    {},
    { css: 'div:has(> deeplake-file) { max-inline-size: 320px !important }' },
  ),
};

/** A light-only page (no `color-scheme`): light, whatever the reader prefers; `theme="dark"` forces dark. */
export const ForcedDark: Story = {
  render: (args) => {
    const el = deeplakeFile(args, zip);
    el.setAttribute('theme', 'dark');
    return frame(el);
  },
};

/** Waiting for the server (here a token provider that never answers). */
export const Loading: Story = { render: show(png, { token: () => new Promise<string>(() => {}) }) };

/** The `placeholder` slot replaces the default loading box. */
export const CustomPlaceholder: Story = {
  render: (args) => {
    const el = deeplakeFile(args, png, { token: () => new Promise<string>(() => {}) });
    el.append(Object.assign(document.createElement('div'), { slot: 'placeholder', textContent: 'Fetching the cover…' }));
    return frame(el, { css: 'deeplake-file div[slot] { padding: 2rem; border: 2px dashed #94a3b8; border-radius: 12px; text-align: center; }' });
  },
};

/** A UUID the workspace does not hold (404), with a Retry button. */
export const NotFound: Story = { render: show({ id: '00000000-0000-4000-8000-000000000000' }) };

/** Not a UUID: nothing is sent. */
export const InvalidId: Story = { render: show({ id: 'not-a-file-id' }) };

/** The token is refused (401). */
export const NoAccess: Story = { render: show(png, { token: () => 'dl_not-a-valid-token' }) };

/** Right to left, with the Hebrew strings. */
export const RightToLeft: Story = {
  render: show(zip, { strings: async () => (await locales.he()).fileStrings }, { dir: 'rtl', lang: 'he' }),
};

/** On a dark page (`color-scheme: dark` around it) the element takes its dark palette; `theme="dark"` would force it anywhere. */
export const Dark: Story = { render: show(zip, {}, { dark: true }) };

/** A page's theme through `--deeplake-*` properties and `::part()`. */
export const CustomTheme: Story = {
  render: show(
    zip,
    { after: (el) => el.classList.add('branded') },
    {
      css: `
        deeplake-file.branded { --deeplake-accent: #0f766e; --deeplake-surface: #f0fdfa; --deeplake-border-color: #5eead4; --deeplake-radius: 16px; }
        deeplake-file.branded::part(download-button) { border-radius: 999px; text-transform: uppercase; letter-spacing: 0.05em; }
        deeplake-file.branded::part(name) { font-weight: 700; }
      `,
    },
  ),
};
