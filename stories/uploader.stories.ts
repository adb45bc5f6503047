/**
 * Every visible state of `<deeplake-uploader>`. States reached by uploading (uploading,
 * paused, failed, done) need `npm run storybook` (the emulator in its dev server, slowed
 * down or failing on purpose per story); the others render anywhere, static build included.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/index.js';
import { locales } from '../src/i18n/locales/index.js';
import { injectFault } from './support/emulator.js';
import { fakeFile, landscapePng, MB } from './support/files.js';
import { frame } from './support/frame.js';
import { defaultArgs, firstProgress, uploader, type UploaderArgs } from './support/uploader.js';

const meta = {
  title: 'Elements/deeplake-uploader',
  component: 'deeplake-uploader',
  args: defaultArgs,
  argTypes: {
    accept: { control: 'text' },
    hint: { control: 'text', description: 'Slotted help text (the default slot)' },
  },
  render: (args) => frame(uploader(args)),
} satisfies Meta<UploaderArgs>;

export default meta;
type Story = StoryObj<UploaderArgs>;

/** Nothing chosen yet. */
export const Idle: Story = {};

/** Files dragged over it (`dragover` is the state the element sets itself during a drag). */
export const Dragging: Story = { args: { dragover: true } };

/** `manual`: chosen files wait for the Upload button (or `upload()`). */
export const Waiting: Story = {
  args: { manual: true },
  render: (args) =>
    frame(
      uploader(args, (el) => {
        el.addFiles([fakeFile('report-q3.pdf', 2.4 * MB, 'application/pdf'), fakeFile('budget.xlsx', 380_000, 'application/vnd.ms-excel')]);
      }),
    ),
};

/** Eight files, three at a time, the server reading slowly: per-file and total progress, speed, time left. */
export const UploadingMany: Story = {
  render: (args) =>
    frame(
      uploader(args, async (el, ws) => {
        await injectFault(ws, { match: { method: 'POST' }, throttleBytesPerSec: 250_000, count: 20 });
        el.addFiles([
          fakeFile('holiday-video.mp4', 9 * MB, 'video/mp4'),
          fakeFile('slides.pdf', 3 * MB, 'application/pdf'),
          fakeFile('photo-001.jpg', 2 * MB, 'image/jpeg'),
          fakeFile('photo-002.jpg', 2.2 * MB, 'image/jpeg'),
          fakeFile('photo-003.jpg', 1.8 * MB, 'image/jpeg'),
          fakeFile('notes.txt', 40_000, 'text/plain'),
          fakeFile('archive.zip', 6 * MB, 'application/zip'),
          fakeFile('contract-signed-final-v2-with-a-very-long-name.docx', 700_000, 'application/msword'),
        ]);
      }),
    ),
};

/** One upload paused after it started (Resume sends it again; with `transport="tus"` it continues). */
export const Paused: Story = {
  render: (args) =>
    frame(
      uploader(args, async (el, ws) => {
        await injectFault(ws, { match: { method: 'POST' }, throttleBytesPerSec: 150_000, count: 10 });
        const progressed = firstProgress(el);
        el.addFiles([fakeFile('interview.wav', 8 * MB, 'audio/wav'), fakeFile('transcript.txt', 4 * MB, 'text/plain')]);
        el.pause(await progressed);
      }),
    ),
};

/** Uploads that failed (a 500 with `retries` 0): each row offers Retry; the other file is stored. */
export const FailedWithRetry: Story = {
  args: { retries: 0, concurrency: 1 },
  render: (args) =>
    frame(
      uploader(args, async (el, ws) => {
        await injectFault(ws, { match: { method: 'POST' }, status: 500, count: 2 });
        el.addFiles([
          fakeFile('broken-upload.pdf', 90_000, 'application/pdf'),
          fakeFile('also-broken.png', 120_000, 'image/png'),
          fakeFile('fine.txt', 2_000, 'text/plain'),
        ]);
      }),
    ),
};

/** Refused before anything is sent: wrong type, too large, empty, one too many. */
export const RejectedFiles: Story = {
  args: { accept: 'image/*', maxFileSize: 1 * MB, maxFiles: 2, manual: true, hint: 'Images only, up to 1 MB, at most 2' },
  render: (args) =>
    frame(
      uploader(args, (el) => {
        el.addFiles([
          fakeFile('cover.png', 300_000, 'image/png'),
          fakeFile('report.pdf', 200_000, 'application/pdf'),
          fakeFile('huge-photo.jpg', 5 * MB, 'image/jpeg'),
          fakeFile('empty.png', 0, 'image/png'),
          fakeFile('banner.webp', 200_000, 'image/webp'),
          fakeFile('one-too-many.gif', 100_000, 'image/gif'),
        ]);
      }),
    ),
};

/** Everything stored: an image with its thumbnail, and the others. */
export const Done: Story = {
  render: (args) =>
    frame(
      uploader(args, async (el) => {
        el.addFiles([await landscapePng(), fakeFile('notes.txt', 1_200, 'text/plain'), fakeFile('slides.pdf', 480_000, 'application/pdf')]);
      }),
    ),
};

/**
 * `image-max="2048"`: a 12-megapixel photo made in the browser is resized in the image
 * worker before it is sent; its row says "Optimizing…", then "3.8 MB → 412 kB".
 */
export const OptimizedPhoto: Story = {
  render: (args) =>
    frame(
      uploader(args, async (el) => {
        el.imageMax = '2048';
        const canvas = new OffscreenCanvas(4000, 3000);
        const g = canvas.getContext('2d')!;
        const sky = g.createLinearGradient(0, 0, 0, 3000);
        sky.addColorStop(0, '#6aa9ff');
        sky.addColorStop(1, '#ffd9a0');
        g.fillStyle = sky;
        g.fillRect(0, 0, 4000, 3000);
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
        el.addFiles([new File([blob], 'IMG_2041.jpeg', { type: 'image/jpeg' })]);
      }),
    ),
};

/** `disabled` (or inside `<fieldset disabled>`): no picking, dropping or pasting, no buttons. */
export const Disabled: Story = {
  args: { manual: true, disabled: true },
  render: (args) =>
    frame(
      // Files first: a disabled uploader refuses them.
      uploader({ ...args, disabled: false }, (el) => {
        el.addFiles([fakeFile('waiting.pdf', 2 * MB, 'application/pdf')]);
        el.disabled = args.disabled;
      }),
    ),
};

/** Arabic, right to left: the layout mirrors (logical CSS properties only). */
export const RightToLeft: Story = {
  args: { manual: true, accept: 'image/*,.pdf', hint: 'صور أو ملفات PDF' },
  render: (args) =>
    frame(
      uploader(args, async (el) => {
        const { strings } = await locales.ar();
        el.strings = strings;
        el.addFiles([
          fakeFile('تقرير.pdf', 2.4 * MB, 'application/pdf'),
          fakeFile('صورة.png', 800_000, 'image/png'),
          fakeFile('archive.zip', 1_000, 'application/zip'),
        ]);
      }),
      { dir: 'rtl', lang: 'ar' },
    ),
};

/** On a dark page (`color-scheme: dark` around it) the element takes its dark palette; `theme="dark"` would force it anywhere. */
export const Dark: Story = {
  args: { manual: true, accept: 'image/*,.pdf' },
  render: (args) =>
    frame(
      uploader(args, (el) => {
        el.addFiles([
          fakeFile('report-q3.pdf', 2.4 * MB, 'application/pdf'),
          fakeFile('cover.png', 800_000, 'image/png'),
          fakeFile('setup.exe', 1_000, 'application/octet-stream'),
        ]);
      }),
      { dark: true },
    ),
};

/** A page's own theme: the `--deeplake-*` custom properties plus `::part()` rules. */
export const CustomTheme: Story = {
  args: { manual: true },
  render: (args) =>
    frame(
      uploader(args, (el) => {
        el.classList.add('branded');
        el.addFiles([fakeFile('brand-guide.pdf', 3.1 * MB, 'application/pdf'), fakeFile('logo.svg', 12_000, 'image/svg+xml')]);
      }),
      {
        css: `
          deeplake-uploader.branded {
            --deeplake-accent: #c2410c;
            --deeplake-on-accent: #fff7ed;
            --deeplake-surface: #fff7ed;
            --deeplake-border-color: #fdba74;
            --deeplake-radius: 18px;
            --deeplake-spacing: 1rem;
            --deeplake-font-family: Georgia, 'Times New Roman', serif;
          }
          deeplake-uploader.branded::part(dropzone) { border-style: solid; border-width: 2px; background: repeating-linear-gradient(45deg, #fff7ed 0 12px, #ffedd5 12px 24px); }
          deeplake-uploader.branded::part(browse-button) { border-radius: 999px; padding-inline: 1.25em; font-weight: 700; }
          deeplake-uploader.branded::part(upload-button) { border-radius: 999px; text-transform: uppercase; letter-spacing: 0.05em; }
          deeplake-uploader.branded::part(item) { box-shadow: 0 1px 3px rgb(124 45 18 / 0.25); }
          deeplake-uploader.branded::part(name) { font-style: italic; }
        `,
      },
    ),
};
