/**
 * Render Markdown and HTML on several cores. Rendering a view is synchronous CPU work (Markdown
 * syntax trees, templates), so worker threads each take batches of views and send back the
 * documents. Falls back to this thread for small builds, or when the compiled worker is not there
 * (under the test runner, which runs the TypeScript sources).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Notice } from '../model/notice.js';
import { loadPhrasePack, Phrases } from '../model/phrases.js';
import { buildView } from '../model/view.js';
import { renderHtml, TemplateError, type PageLinks, type TemplateSet } from '../render/html/index.js';
import { renderMarkdown } from '../render/markdown/index.js';
import { Bounded } from './bounded.js';

const WORKER = fileURLToPath(new URL('./render-worker.js', import.meta.url));

/**
 * Below this many views one thread is faster: a worker needs ~0.4 s to start and warm up, and the
 * main thread's caches are warm. Measured: 234 views 1.7 s in one thread vs 2.3 s in two workers;
 * 2,386 views 15.2 s vs 10.0 s.
 */
export const POOL_THRESHOLD = 400;
const BATCH = 8;
/** Documents being written while the next ones render. */
const WRITES_AHEAD = 16;

/**
 * One notice in one locale to render, and in which formats. The view is built where it is
 * rendered: in a worker, that keeps the main thread free and sends the notice, not the larger view.
 */
export interface RenderTask {
  notice: Notice;
  locale: string;
  md: boolean;
  html: boolean;
  /** The HTML page's navigation to its other languages, formats and versions. */
  links?: PageLinks;
}

/** What a task produced. */
export interface Rendered {
  md?: string;
  html?: string;
}

/** A TemplateError as it crosses a thread boundary. */
export interface SerializedTemplateError {
  message: string;
  file: string;
  line: number;
  column: number;
}

/** Render one task in this thread, with the phrases of its locale. */
export function renderTask(task: RenderTask, templates: TemplateSet, phrases: Phrases): Rendered {
  const view = buildView(task.notice, phrases);
  return { md: task.md ? renderMarkdown(view) : undefined, html: task.html ? renderHtml(view, templates, task.links ? { links: task.links } : {}) : undefined };
}

/**
 * The phrases for a task from the phrase packs (as a worker finds them; the main thread has them
 * prepared already).
 */
export async function phrasesFor(task: RenderTask, templatesDir: string | undefined): Promise<Phrases> {
  const pack = await loadPhrasePack(task.locale, templatesDir);
  if (!pack) throw new Error(`There is no phrase pack for '${task.locale}'.`);
  return new Phrases(task.locale, pack, task.notice.phrases);
}

/**
 * Render tasks, calling `onResult` as each finishes (not necessarily in order).
 * @param threads worker threads to use; 1 renders here
 * @param phrases the phrases of a task, when it is rendered here
 */
export async function renderAll(
  tasks: RenderTask[],
  templates: TemplateSet,
  templatesDir: string | undefined,
  threads: number,
  phrases: (index: number) => Phrases,
  onResult: (index: number, result: Rendered) => Promise<void>,
): Promise<void> {
  const usable = import.meta.url.endsWith('.js') && existsSync(WORKER);
  if (threads <= 1 || tasks.length < POOL_THRESHOLD || !usable) {
    // The next document renders while the last ones are written.
    const writing = new Bounded(WRITES_AHEAD);
    for (let i = 0; i < tasks.length; i++) await writing.add(onResult(i, renderTask(tasks[i]!, templates, phrases(i))));
    await writing.drain();
    return;
  }
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: { templatesDir } });
      let batch: number[] = [];
      let writing = Promise.resolve();
      const send = () => {
        batch = [];
        while (batch.length < BATCH && next < tasks.length) batch.push(next++);
        if (batch.length === 0) {
          void worker.terminate();
          writing.then(resolve, reject);
          return;
        }
        worker.postMessage(batch.map((i) => tasks[i]));
      };
      worker.on('message', (message: { results?: Rendered[]; error?: SerializedTemplateError | string }) => {
        if (message.error !== undefined) {
          void worker.terminate();
          const e = message.error;
          reject(typeof e === 'string' ? new Error(e) : new TemplateError(e.message, e.file, e.line, e.column));
          return;
        }
        const done = batch;
        const results = message.results!;
        writing = writing.then(() => Promise.all(done.map((index, k) => onResult(index, results[k]!))).then(() => undefined));
        writing.catch(reject);
        send();
      });
      worker.once('error', reject);
      worker.once('online', send);
    });
  await Promise.all(Array.from({ length: Math.min(threads, Math.ceil(tasks.length / BATCH)) }, runWorker));
}
