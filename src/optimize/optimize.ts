/**
 * Images made right before they leave the device: resized and re-encoded in a worker
 * (resize-worker.ts), or only stripped of their location (jpeg-meta.ts). Loaded lazily,
 * the first time an item needs it. Whatever fails, the original is what goes: the answer
 * says why in `note`.
 */
import { stripJpeg, type StripMode } from './jpeg-meta.js';
import type { ResizeJob, ResizeReply } from './resize-worker.js';

/** What to make of one image. Every field is optional; none set = sent as it is. */
export interface ImageOptions {
  /** The box the image must fit (CSS pixels are not involved: image pixels). */
  maxWidth?: number;
  maxHeight?: number;
  /** 0..1, for JPEG, WebP and AVIF; default 0.85. */
  quality?: number;
  /** `keep` (default), `jpeg`, `webp` or `avif` (where the browser can encode it). */
  type?: 'keep' | 'jpeg' | 'webp' | 'avif';
  /** JPEG metadata to remove without re-encoding (jpeg-meta.ts). */
  strip?: StripMode;
}

/**
 * Why the original (or the stripped original) went instead of a re-encoded image:
 * `larger` (the new one was not smaller), `unsupported` (this browser cannot: no worker,
 * no OffscreenCanvas, or it cannot encode the type), `failed` (not decodable).
 */
export type OptimizeNote = 'larger' | 'unsupported' | 'failed';

/** Types the worker re-encodes; others (GIF: animation, SVG, HEIC) are left alone. */
const DECODABLE = /^image\/(jpeg|png|webp|avif)$/;
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/avif': 'avif' };

/** "IMG_0001.HEIC" + image/jpeg → "IMG_0001.jpg": the base stays, the extension follows the type. */
export const renamed = (name: string, type: string): string => `${name.replace(/\.[^./]*$/, '')}.${EXTENSIONS[type]}`;

export async function optimizeImage(
  file: File,
  options: ImageOptions,
  progress: (done: number) => void,
  signal: AbortSignal,
): Promise<{ file: File; note?: OptimizeNote }> {
  let note: OptimizeNote | undefined;
  const type = !options.type || options.type === 'keep' ? file.type : `image/${options.type}`;
  const resize = options.maxWidth || options.maxHeight || type !== file.type;
  if (resize && DECODABLE.test(file.type) && EXTENSIONS[type]) {
    try {
      const blob = await pool.run(
        {
          file,
          maxWidth: options.maxWidth || Infinity,
          maxHeight: options.maxHeight || Infinity,
          type,
          quality: options.quality ?? 0.85,
          thumb: THUMBNAIL_WIDTH,
          name: renamed(file.name, type),
          lastModified: file.lastModified,
        },
        progress,
        signal,
      );
      // The worker made the File (resize-worker.ts: a File made here blocks the page).
      if (blob instanceof Blob && blob.size < file.size) return { file: blob as File };
      if (blob) note = 'larger';
    } catch (error) {
      if (signal.aborted) throw error;
      note = (error as Error).message === 'unsupported' ? 'unsupported' : 'failed';
    }
  }
  const { strip } = options;
  if (strip && file.type === 'image/jpeg') {
    // In the worker, which makes the File (a new File here is a synchronous IPC); here only
    // where no worker runs.
    const stripped = await pool.run({ file, strip }, progress, signal).catch((error: Error) => {
      if (signal.aborted) throw error;
      return error.message === 'unsupported' ? stripJpeg(file, strip).catch(() => undefined) : undefined;
    });
    if (stripped instanceof Blob) return { file: stripped as File, ...(note && { note }) };
    note ??= 'failed';
  }
  return { file, ...(note && { note }) };
}

/**
 * A small WebP preview as a `data:` URL, made in the worker ahead of waiting jobs: in
 * Chromium the resize of `createImageBitmap(file, { resizeWidth })` runs on the calling
 * thread, 60–70 ms for a 12-megapixel photo on the main thread, and an object URL made
 * there is a synchronous IPC (resize-worker.ts). A resize job of the same file that makes
 * one from its own decode is waited for instead.
 */
export const thumbnail = async (file: Blob, width: number): Promise<string | undefined> =>
  (await pool.run({ file, thumb: width }, () => undefined, new AbortController().signal, true)) as string | undefined;

/** The width of the rows' thumbnails (uploader/controllers/thumbnails.ts), made by a resize job from its own decode. */
export const THUMBNAIL_WIDTH = 96;

type Policy = { createScriptURL(url: string): unknown };
let policy: Policy | null | undefined;

/**
 * `new Worker(new URL(…, import.meta.url))` is the form bundlers turn into an emitted
 * worker file, so this function is named `Worker` and called with `new`. A worker's URL
 * is a Trusted Types sink: where the browser has Trusted Types, the URL goes through the
 * `deeplake-worker` policy, which passes the one URL of this module's worker and nothing
 * else. A page whose CSP does not allow that name refuses the policy (and reports it);
 * the plain URL is tried then, which works unless the page also enforces Trusted Types.
 */
const Worker = function (url: URL, options: WorkerOptions): globalThis.Worker {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): Policy } }).trustedTypes;
  if (policy === undefined) {
    try {
      policy =
        tt?.createPolicy('deeplake-worker', {
          createScriptURL: (s: string) => {
            if (s !== url.href) throw new TypeError('deeplake-worker: not the image worker');
            return s;
          },
        }) ?? null;
    } catch {
      policy = null;
    }
  }
  return new globalThis.Worker((policy?.createScriptURL(url.href) ?? url) as string | URL, options);
} as unknown as new (url: URL, options: WorkerOptions) => globalThis.Worker;

type Job = Omit<ResizeJob, 'id'>;
/** A resize job ends with a Blob (null: nothing to gain), a preview job with its `data:` URL (undefined: none made). */
type Result = Blob | null | string | undefined;
type Task = { job: Job; resolve(result: Result): void; reject(error: Error): void; progress(done: number): void; signal: AbortSignal; preview?: boolean };

/**
 * At most two workers, started on the first job and ended 5 s after the last: a decoded
 * 12-megapixel photo holds 48 MB while it is drawn.
 */
class Pool {
  #workers: globalThis.Worker[] = [];
  #waiting: Task[] = [];
  /**
   * Thumbnails that resize jobs make from their own decode, by original file: a row's
   * thumbnail asked for later waits for it instead of decoding the photo a second time.
   */
  readonly #thumbs = new WeakMap<Blob, Promise<string | undefined>>();
  readonly #thumbDone = new WeakMap<Blob, (thumb: string | undefined) => void>();
  /** A worker that could not load: the next jobs go as they are at once. */
  #broken = false;
  #busy = new Map<globalThis.Worker, number>();
  #next = 0;
  #idle: ReturnType<typeof setTimeout> | undefined;
  // Two even on a 2-core machine: with one (a core left to the page) a batch of photos
  // took far longer and the page's own tasks got longer too (docs/ARCHITECTURE.md, images).
  readonly #size = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));

  /** `preview`: a thumbnail; one a resize job of the same file makes is used instead when there is one. */
  run(job: Job, progress: (done: number) => void, signal: AbortSignal, preview = false): Promise<Result> {
    if (job.thumb && !preview && !this.#thumbs.has(job.file)) this.#thumbs.set(job.file, new Promise((done) => this.#thumbDone.set(job.file, done)));
    return new Promise((resolve, reject) => {
      this.#waiting.push({ job, resolve, reject, progress, signal, preview });
      this.#pump();
    });
  }

  #pump(): void {
    clearTimeout(this.#idle);
    for (;;) {
      const task = this.#waiting[0];
      if (!task) break;
      if (task.signal.aborted) {
        this.#waiting.shift();
        this.#fail(task, task.signal.reason as Error);
        continue;
      }
      const shared = task.preview && this.#thumbs.get(task.job.file);
      if (shared) {
        this.#waiting.shift();
        void shared.then((thumb) => {
          if (thumb) return task.resolve(thumb);
          this.#thumbs.delete(task.job.file); // that job made none: decode it here
          this.#waiting.unshift(task);
          this.#pump();
        });
        continue;
      }
      let worker = this.#workers.find((w) => !this.#busy.has(w));
      if (!worker && this.#broken) {
        this.#waiting.shift();
        this.#fail(task, new Error('unsupported'));
        continue;
      }
      if (!worker && this.#workers.length < this.#size) {
        try {
          worker = new Worker(new URL('./resize-worker.js', import.meta.url), { type: 'module' });
        } catch {
          this.#broken = true;
          continue;
        }
        this.#workers.push(worker);
      }
      if (!worker) break;
      this.#waiting.shift();
      this.#start(worker, task);
    }
    if (!this.#busy.size && !this.#waiting.length) this.#idle = setTimeout(() => this.#end(), 5000);
  }

  /** A job that never reached a worker: its thumbnail will not come either. */
  #fail(task: Task, error: Error): void {
    if (task.job.thumb && !task.preview) this.#thumbDone.get(task.job.file)?.(undefined);
    task.reject(error);
  }

  #start(worker: globalThis.Worker, task: Task): void {
    const id = ++this.#next;
    this.#busy.set(worker, id);
    const done = (fn: () => void) => {
      if (task.job.thumb && !task.preview) this.#thumbDone.get(task.job.file)?.(undefined); // a job that ended without one
      worker.onmessage = worker.onerror = null;
      task.signal.removeEventListener('abort', abort);
      this.#busy.delete(worker);
      fn();
      this.#pump();
    };
    // An aborted job's worker is ended (its decode cannot be stopped otherwise), and replaced when needed.
    const abort = () => {
      worker.terminate();
      this.#workers = this.#workers.filter((w) => w !== worker);
      done(() => task.reject(task.signal.reason as Error));
    };
    task.signal.addEventListener('abort', abort, { once: true });
    worker.onmessage = ({ data }: MessageEvent<ResizeReply>) => {
      if (data.id !== id) return;
      if ('thumb' in data) {
        if (task.preview) done(() => task.resolve(data.thumb));
        else this.#thumbDone.get(task.job.file)?.(data.thumb);
      } else if ('done' in data) task.progress(data.done);
      else if ('blob' in data) done(() => task.resolve(data.blob));
      else done(() => task.reject(new Error(data.error)));
    };
    // The worker's script did not load (CSP worker-src, an old engine without module workers).
    worker.onerror = () => {
      this.#broken = true;
      worker.terminate();
      this.#workers = this.#workers.filter((w) => w !== worker);
      done(() => task.reject(new Error('unsupported')));
    };
    worker.postMessage({ id, ...task.job } satisfies ResizeJob);
  }

  #end(): void {
    for (const worker of this.#workers) worker.terminate();
    this.#workers = [];
  }
}

const pool = new Pool();
