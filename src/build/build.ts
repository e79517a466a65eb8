/**
 * `noticekit build`: render every notice x locale x format into a staging folder next to the
 * output folder, write the index and the manifest last, then swap the staging folder in whole.
 * A failure or an interruption leaves the previous output as it was.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { loadTemplateSet, renderIndex, templateDirs, TemplateError, type TemplateSet } from '../render/html/index.js';
import { findChromium, pdfDocument, PdfPrinter } from '../render/pdf/index.js';
import { servedFontFiles } from '../render/pdf/fonts.js';
import { dpvTermDiagnostics } from '../render/json/index.js';
import { Reporter } from '../report/reporter.js';
import { prepareNotices } from './prepare.js';
import { CACHED_AHEAD, publishCached, publishRendered, renderDocuments } from './render-step.js';
import { eachBounded } from './bounded.js';
import { jobsOf, pathOf, versionsById, type Job } from './jobs.js';
import { BuildCache, fingerprintFolders, toolkitFingerprint } from './cache.js';
import { guardOutputDir } from './output-guard.js';
import { clearLeftovers, stagingPath, swapIn } from './swap.js';
import { manifestText, type BuildOptions, type BuildResult } from './manifest.js';
import { printQueue } from './print-step.js';
import { StagingWriter } from './staging-writer.js';
import { BuildPool, POOL_THRESHOLD } from './worker-pool.js';
import { PARALLEL_THRESHOLD } from '../validate/parallel.js';
import { checkNoticeTexts } from '../validate/index.js';
import { HISTORY_LINK, HistoryReader, historyPageHtml, historyPath, type FoundHistory } from './history-pages.js';

export { DEFAULT_FORMATS, FORMATS, manifestText, type BuildOptions, type BuildResult, type Format, type ManifestEntry, type ProgressEvent } from './manifest.js';
export { pageLinks } from './page-links.js';

/** The build was interrupted by a signal. */
export class BuildAborted extends Error {
  override name = 'BuildAborted';
}

/**
 * Run a build.
 * @returns `ok: false` with diagnostics or failures when nothing was published
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const threads = options.renderThreads ?? 1;
  // Worker threads for validation and rendering, started when there is enough work for them: at
  // once for a large build without a cache (they load their code while this thread checks the
  // output folder); with a cache, when validation finds enough files it does not hold (see
  // checkFilesCached: it looks files up a share at a time) or rendering enough documents. A rebuild
  // that finds nearly everything in the cache starts none: two threads loading their code took
  // ~1.6 CPU-s from a 4.4 s rebuild of 1,000 notices on two cores.
  let pool: BuildPool | undefined;
  const poolFor = (count: number, threshold: number) => {
    if (!pool && threads > 1 && count >= threshold && BuildPool.usable()) pool = new BuildPool(threads, options.templatesDir);
    return pool;
  };
  if (!options.cacheDir) poolFor(options.files.length, PARALLEL_THRESHOLD);
  // What must end with the build, however it ends (the cache's writes in the background).
  const atEnd: (() => Promise<void>)[] = [];
  try {
    return await buildWith(options, poolFor, atEnd);
  } finally {
    for (const end of atEnd) await end();
    await pool?.close();
  }
}

async function buildWith(options: BuildOptions, poolFor: (count: number, threshold: number) => BuildPool | undefined, atEnd: (() => Promise<void>)[]): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const time = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[phase] = Math.round((timings[phase] ?? 0) + performance.now() - start);
    }
  };
  const fail = (diagnostics: Diagnostic[], failures: BuildResult['failures'] = []): BuildResult => ({ ok: false, diagnostics, manifest: [], failures, timings });

  // Before any work: the output folder must be noticekit's to replace.
  const cwd = options.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.outDir);
  const guard = () => guardOutputDir(outDir, { cwd, inputs: options.files, inputDirs: options.templatesDir ? [options.templatesDir] : [] });
  await guard();

  // Opened before validation, whose results it keeps too.
  const cache = options.cacheDir
    ? await BuildCache.open(options.cacheDir, createHash('sha256').update(await toolkitFingerprint()).update(await fingerprintFolders(templateDirs(options.templatesDir))).digest('hex'), options.onWarning)
    : undefined;
  if (cache) atEnd.push(() => cache.settle());
  // The templates compile on this thread while the workers validate (awaited after validation,
  // whose diagnostics come first).
  const loadingTemplates = loadTemplateSet(options.templatesDir);
  loadingTemplates.catch(() => undefined);
  // The notices' git timelines are read while they are validated (for an HTML build's history pages).
  const histories = options.formats.includes('html') && options.history !== false ? new HistoryReader(cwd, cache) : undefined;
  histories?.start(options.files);
  const check = (files: readonly string[]) => poolFor(files.length, PARALLEL_THRESHOLD)?.check(files) ?? checkNoticeTexts(files, options.templatesDir);
  const prepared = await time('validate', () => prepareNotices(options.files, { locales: options.locales, templatesDir: options.templatesDir, check, cache }));
  if (options.formats.includes('jsonld')) prepared.diagnostics.push(...prepared.notices.flatMap((p) => dpvTermDiagnostics(p.notice, p.text, p.file)));
  if (prepared.diagnostics.some((d) => d.severity === 'error')) return fail(prepared.diagnostics);

  let templates: TemplateSet;
  try {
    templates = await loadingTemplates;
  } catch (error) {
    if (error instanceof TemplateError) return fail([templateDiagnostic(error)]);
    throw error;
  }

  if (options.shard) {
    const { index, count } = options.shard;
    prepared.notices = prepared.notices.filter((p) => shardOf(p.notice.id, count) === index);
  }

  await clearLeftovers(outDir);
  const chromium = options.formats.includes('pdf') ? findChromium(options.env) : undefined;

  const staging = stagingPath(outDir);
  const cleanup = () => rmSync(staging, { recursive: true, force: true });
  const onAbort = () => cleanup();
  options.signal?.addEventListener('abort', onAbort);
  // The printer relaunches a crashed browser once; documents that still fail are reported.
  const printer = chromium ? new PdfPrinter(chromium, { pages: Math.max(1, options.jobs), crashRelaunches: 1 }) : undefined;
  const killPrinter = () => printer?.kill();
  options.signal?.addEventListener('abort', killPrinter);
  const checkAbort = () => {
    if (options.signal?.aborted) throw new BuildAborted('The build was interrupted; the previous output is unchanged.');
  };

  const jobs = jobsOf(prepared.notices);
  const total = jobs.length * options.formats.length;
  let done = 0;
  // Once made, the writer must be stopped before the staging folder is removed on a failure.
  let stopWriter = async () => undefined as unknown;
  try {
    if (printer) printer.serve(await servedFontFiles());
    const previous = cache && { dir: outDir, records: await cache.outputRecords(outDir) };
    const writer = new StagingWriter(staging, options.writeFile, (rel) => options.onProgress?.({ done: ++done, total, path: rel }), checkAbort, previous);
    stopWriter = () => writer.stop();
    const pdfKey = (job: Job) => cache?.key(job.prepared.textHash, job.locale, 'pdf', options.paper);
    // The browser starts (~1 s) while Markdown and HTML render, unless every PDF is in the cache
    // (one that turns out unreadable starts it when printed); a launch that fails here is tried
    // again, and reported, by the first document.
    if (printer && !(cache && (await cache.holdsAll(jobs.map((j) => pdfKey(j)!))))) void printer.start().catch(() => undefined);
    await writer.ensureDir(staging);
    const failures: BuildResult['failures'] = [];
    // The PDFs sent to the browser (none when all came from the cache, though the browser may have started).
    let queued: readonly Job[] = [];
    // history.html per notice committed in git (an HTML page: only when HTML is built); the pages link to it.
    const versions = versionsById(prepared.notices);
    const found = histories ? await time('history', () => histories.of(versions)) : new Map<string, FoundHistory>();
    checkAbort();
    await time('render', () =>
      renderDocuments(jobs, {
        formats: options.formats,
        notices: prepared.notices,
        templates,
        templatesDir: options.templatesDir,
        pool: (documents) => poolFor(documents, POOL_THRESHOLD),
        cache,
        writer,
        historyLink: (id) => (found.has(id) ? HISTORY_LINK : undefined),
      }),
    );
    for (const [id, history] of found) {
      await writer.write(historyPath(id), historyPageHtml(templates, history, versions.get(id)!), { notice: id, version: null, locale: null, format: 'html', title: jobs.find((j) => j.prepared.notice.id === id)?.title ?? id });
    }

    if (printer) {
      await time('pdf', async () => {
        const queue: Job[] = [];
        queued = queue;
        const cached = new Set<Job>();
        if (cache) {
          await eachBounded(jobs, CACHED_AHEAD, async (job) => {
            if (await publishCached(job, 'pdf', pdfKey(job)!, cache, writer)) cached.add(job);
          });
        }
        queue.push(...jobs.filter((job) => !cached.has(job)));
        await printQueue(queue, {
          printer,
          jobs: options.jobs,
          checkAbort,
          documentOf: (job) => pdfDocument(job.prepared.notice, job.locale, job.prepared.phrases.get(job.locale)!, templates, { paper: options.paper, timeoutMs: options.printTimeoutMs ?? 30_000 }),
          store: (job, pdf) => publishRendered(job, 'pdf', pdf, pdfKey(job), cache, writer),
          failed: (job, reason) => failures.push({ path: pathOf(job, 'pdf'), reason }),
        });
      });
    }
    checkAbort();
    if (failures.length > 0) {
      cleanup();
      return fail([], failures);
    }

    await time('finish', async () => {
      // latest/: a copy of the newest version of each notice (by effective date, then version).
      const newest = new Map<string, string>();
      for (const [id, list] of versions) newest.set(id, list[0]!.notice.version);
      await writer.alias((e) => (e.notice !== null && newest.get(e.notice) === e.version ? `${e.notice}/latest/${e.locale}.${e.format}` : undefined));
      const index = await renderIndex(templates, writer.manifest, options.templatesDir);
      await writer.write('index.html', index, { notice: null, version: null, locale: null, format: 'html' });
      writer.manifest.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const manifestFile = path.join(staging, 'manifest.json');
      await (options.writeFile ?? writeFile)(manifestFile, manifestText(writer.manifest));
      checkAbort();
      await swapIn(staging, outDir, guard, writer.toSync([manifestFile]));
      await cache?.settle();
      await cache?.putOutputRecords(outDir, writer.records);
      await cache?.prune();
    });
    const browser = printer && printer.launchCount > 0 && queued.length > 0 ? { path: printer.executablePath, version: printer.version } : undefined;
    return { ok: true, diagnostics: prepared.diagnostics, manifest: writer.manifest, failures: [], timings, cache: cache && { hits: cache.hits, misses: cache.misses }, browser };
  } catch (error) {
    await stopWriter();
    cleanup();
    // A template that fails while rendering (its budget, a missing variable) is a diagnostic too.
    if (error instanceof TemplateError) return fail([templateDiagnostic(error)]);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    options.signal?.removeEventListener('abort', killPrinter);
    await printer?.close();
  }
}

/** The shard (1..count) a notice id belongs to: stable across machines and runs. */
export function shardOf(noticeId: string, count: number): number {
  return (createHash('sha256').update(noticeId).digest().readUInt32BE(0) % count) + 1;
}

function templateDiagnostic(error: TemplateError): Diagnostic {
  const report = new Reporter(error.file);
  report.add({ code: 'template-error', message: error.reason, at: { line: error.line, column: error.column } });
  return report.list()[0]!;
}
