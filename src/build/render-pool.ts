/**
 * Rendering one notice in one locale to Markdown and HTML, on this thread or in a build worker
 * (see worker-pool.ts, which renders large builds on several cores).
 */
import type { Notice } from '../model/notice.js';
import { loadPhrasePack, Phrases } from '../model/phrases.js';
import { buildView } from '../model/view.js';
import { renderHtml, type PageLinks, type TemplateSet } from '../render/html/index.js';
import { renderMarkdown } from '../render/markdown/index.js';
import { Bounded } from './bounded.js';

/** Documents being written while the next ones render. */
const WRITES_AHEAD = 16;

/**
 * One notice in one locale to render, and in which formats. The view is built where it is
 * rendered: in a worker, that keeps the main thread free and sends the notice, not the larger view.
 */
export interface RenderTask {
  notice: Notice;
  /** The notice's file (a build worker that validated it keeps the notice by this path). */
  file: string;
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
 * Render tasks on this thread, calling `onResult` with each document's bytes; the next document
 * renders while the last ones are written.
 * @param phrases the phrases of a task
 */
export async function renderHere(
  tasks: readonly RenderTask[],
  templates: TemplateSet,
  phrases: (index: number) => Phrases,
  onResult: (index: number, result: { md?: Buffer; html?: Buffer }) => Promise<void>,
): Promise<void> {
  const writing = new Bounded(WRITES_AHEAD);
  for (let i = 0; i < tasks.length; i++) {
    const { md, html } = renderTask(tasks[i]!, templates, phrases(i));
    await writing.add(onResult(i, { md: md === undefined ? undefined : Buffer.from(md, 'utf8'), html: html === undefined ? undefined : Buffer.from(html, 'utf8') }));
  }
  await writing.drain();
}
