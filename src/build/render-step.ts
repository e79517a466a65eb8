/**
 * The Markdown and HTML step of a build: documents in the cache are copied, the rest are rendered
 * (in worker threads for large builds) and written as they finish. JSON and JSON-LD are the model
 * itself, cheap enough to write afresh every time.
 */
import type { TemplateSet } from '../render/html/index.js';
import { renderJson, renderJsonLd } from '../render/json/index.js';
import type { BuildCache } from './cache.js';
import { entryOf, pathOf, versionsById, type Job } from './jobs.js';
import type { Format } from './manifest.js';
import { pageLinks } from './page-links.js';
import type { PreparedNotice } from './prepare.js';
import type { RenderTask } from './render-pool.js';
import type { StagingWriter } from './staging-writer.js';

/** What the step needs from the build. */
export interface RenderStep {
  /** Every format of the build (the page links to the other formats written). */
  formats: readonly Format[];
  /** Every notice of the build (the page links to the other versions). */
  notices: readonly PreparedNotice[];
  templates: TemplateSet;
  templatesDir?: string;
  /** The link to a notice's history page, for the notices the build writes one for. */
  historyLink?: (noticeId: string) => string | undefined;
  /** Worker threads (1: this thread). */
  threads: number;
  cache?: BuildCache;
  writer: StagingWriter;
}

/** Write the Markdown, HTML, JSON and JSON-LD documents of every job the build's formats ask for. */
export async function renderDocuments(jobs: readonly Job[], step: RenderStep): Promise<void> {
  const { cache, writer } = step;
  for (const [format, render] of [['json', renderJson], ['jsonld', renderJsonLd]] as const) {
    if (step.formats.includes(format)) for (const job of jobs) await writer.write(pathOf(job, format), render(job.prepared.notice, job.locale), entryOf(job, format));
  }
  const wantMd = step.formats.includes('md');
  const wantHtml = step.formats.includes('html');
  if (!wantMd && !wantHtml) return;
  const versions = versionsById(step.notices);
  const tasks: RenderTask[] = [];
  const owners: { job: Job; mdKey?: string; htmlKey?: string }[] = [];
  for (const job of jobs) {
    const mdKey = wantMd ? cache?.key(job.prepared.text, job.locale, 'md', '') : undefined;
    const links = wantHtml ? pageLinks(job.prepared, job.locale, versions.get(job.prepared.notice.id)!, step.formats, step.historyLink?.(job.prepared.notice.id)) : undefined;
    // The page links to its siblings (other locales, versions, the formats this build writes, the history page):
    // exactly what it links to is part of its cache key.
    const htmlKey = wantHtml ? cache?.key(job.prepared.text, job.locale, 'html', JSON.stringify(links)) : undefined;
    const mdHit = mdKey ? await cache!.get(mdKey) : undefined;
    const htmlHit = htmlKey ? await cache!.get(htmlKey) : undefined;
    if (mdHit) await writer.write(pathOf(job, 'md'), mdHit, entryOf(job, 'md'));
    if (htmlHit) await writer.write(pathOf(job, 'html'), htmlHit, entryOf(job, 'html'));
    const md = wantMd && !mdHit;
    const html = wantHtml && !htmlHit;
    if (md || html) {
      tasks.push({ notice: job.prepared.notice, locale: job.locale, md, html, ...(html && links ? { links } : {}) });
      owners.push({ job, mdKey, htmlKey });
    }
  }
  if (tasks.length === 0) return;
  // The renderers (the Markdown printer above all) are loaded only when a document is not in the cache.
  const { renderAll } = await import('./render-pool.js');
  const phrasesOf = (index: number) => owners[index]!.job.prepared.phrases.get(owners[index]!.job.locale)!;
  await renderAll(tasks, step.templates, step.templatesDir, Math.max(1, step.threads), phrasesOf, async (index, result) => {
    const { job, mdKey, htmlKey } = owners[index]!;
    for (const [format, text, key] of [['md', result.md, mdKey], ['html', result.html, htmlKey]] as const) {
      if (text === undefined) continue;
      const bytes = Buffer.from(text, 'utf8');
      if (key) await cache!.put(key, bytes);
      await writer.write(pathOf(job, format), bytes, entryOf(job, format));
    }
  });
}
