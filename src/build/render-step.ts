/**
 * The Markdown and HTML step of a build: documents the last build published are kept, those in the
 * cache are copied, the rest are rendered (in worker threads for large builds) and written as they
 * finish. JSON and JSON-LD are the model itself, cheap enough to write afresh every time.
 */
import type { TemplateSet } from '../render/html/index.js';
import { renderJson, renderJsonLd } from '../render/json/index.js';
import { eachBounded } from './bounded.js';
import type { BuildCache } from './cache.js';
import { entryOf, pathOf, versionsById, type Job } from './jobs.js';
import type { Format } from './manifest.js';
import { pageLinks } from './page-links.js';
import type { PreparedNotice } from './prepare.js';
import type { RenderTask } from './render-pool.js';
import type { BuildPool } from './worker-pool.js';
import type { StagingWriter } from './staging-writer.js';

/** Documents published from the previous output or the cache at once (file operations in flight). */
export const CACHED_AHEAD = 16;

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
  /** The build's worker threads for this many documents to render, or undefined to render here. */
  pool?: (documents: number) => BuildPool | undefined;
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
  // Documents the last build published, or the cache holds, are published first, a few at a time
  // (each is a few file operations); what is left is rendered, in job order.
  const wanted = jobs.map((job) => {
    const mdKey = wantMd ? cache?.key(job.prepared.textHash, job.locale, 'md', '') : undefined;
    const links = wantHtml ? pageLinks(job.prepared, job.locale, versions.get(job.prepared.notice.id)!, step.formats, step.historyLink?.(job.prepared.notice.id)) : undefined;
    // The page links to its siblings (other locales, versions, the formats this build writes, the history page):
    // exactly what it links to is part of its cache key.
    const htmlKey = wantHtml ? cache?.key(job.prepared.textHash, job.locale, 'html', JSON.stringify(links)) : undefined;
    return { job, mdKey, htmlKey, links, md: wantMd, html: wantHtml };
  });
  if (cache) {
    await eachBounded(wanted, CACHED_AHEAD, async (w) => {
      if (w.mdKey) w.md = !(await publishCached(w.job, 'md', w.mdKey, cache, writer));
      if (w.htmlKey) w.html = !(await publishCached(w.job, 'html', w.htmlKey, cache, writer));
    });
  }
  const tasks: RenderTask[] = [];
  const owners: { job: Job; mdKey?: string; htmlKey?: string }[] = [];
  for (const { job, mdKey, htmlKey, links, md, html } of wanted) {
    if (md || html) {
      tasks.push({ notice: job.prepared.notice, file: job.prepared.file, locale: job.locale, md, html, ...(html && links ? { links } : {}) });
      owners.push({ job, mdKey, htmlKey });
    }
  }
  if (tasks.length === 0) return;
  const store = async (index: number, result: { md?: Buffer; html?: Buffer }) => {
    const { job, mdKey, htmlKey } = owners[index]!;
    for (const [format, bytes, key] of [['md', result.md, mdKey], ['html', result.html, htmlKey]] as const) {
      if (bytes !== undefined) await publishRendered(job, format, bytes, key, cache, writer);
    }
  };
  const pool = step.pool?.(tasks.length);
  if (pool) return pool.render(tasks, store);
  // The renderers (the Markdown printer above all) are loaded only when a document is not in the cache.
  const { renderHere } = await import('./render-pool.js');
  await renderHere(tasks, step.templates, (index) => owners[index]!.job.prepared.phrases.get(owners[index]!.job.locale)!, store);
}

/**
 * Publish a job's document without rendering it, when it can be: kept from the output being
 * replaced (written there by the last build with the same key), else from the cache.
 * @returns false when it must be rendered
 */
export async function publishCached(job: Job, format: Format, key: string, cache: BuildCache, writer: StagingWriter): Promise<boolean> {
  const rel = pathOf(job, format);
  if (await writer.keep(rel, key, entryOf(job, format))) {
    cache.kept(key);
    return true;
  }
  // Copied, not linked: two output folders never share a file (changing one in place would
  // change the other).
  const hit = cache.get(key);
  if (hit) await writer.write(rel, hit.bytes, entryOf(job, format), key);
  return hit !== undefined;
}

/**
 * Publish a document just rendered, and keep it in the cache (as a second name of the file
 * written, see {@link BuildCache.putLinked}) when it has a key.
 */
export async function publishRendered(job: Job, format: Format, bytes: Buffer, key: string | undefined, cache: BuildCache | undefined, writer: StagingWriter): Promise<void> {
  const written = await writer.write(pathOf(job, format), bytes, entryOf(job, format), key);
  if (key && cache) await cache.putLinked(key, written.file, written.sha256, bytes);
}
