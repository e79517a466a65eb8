/**
 * `noticekit build`: render every notice x locale x format into a staging folder next to the
 * output folder, write the index and the manifest last, then swap the staging folder in whole.
 * A failure or an interruption leaves the previous output as it was.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { Reporter } from '../report/reporter.js';
import { buildView, plainTitle, titleOf } from '../model/view.js';
import { loadPhrasePack, Phrases } from '../model/phrases.js';
import { escapeMarkdown, formatDate } from '../model/format.js';
import { dpvTermDiagnostics, renderJson, renderJsonLd } from '../render/json/index.js';
import { renderHtml, loadTemplateSet, TemplateError, type PageLinks, type TemplateSet } from '../render/html/index.js';
import { findChromium, PdfPrinter, PrintError, type PrintOptions } from '../render/pdf/browser.js';
import { FONT_ORIGIN, FONT_SLOT, fontSetFor, footerFontCss, servedFontFiles, withFontFaces, withServedFontFaces } from '../render/pdf/fonts.js';
import { prepareNotices, type PreparedNotice } from './prepare.js';
import { renderAll, type RenderTask } from './render-pool.js';
import { BuildCache, fingerprintFolders, toolkitFingerprint } from './cache.js';
import { GENERATOR, guardOutputDir } from './output-guard.js';
import { clearLeftovers, stagingPath, swapIn } from './swap.js';
import { createHash as hashOf } from 'node:crypto';

/** Output formats. */
export type Format = 'html' | 'md' | 'pdf' | 'json' | 'jsonld';
export const FORMATS: readonly Format[] = ['html', 'md', 'pdf', 'json', 'jsonld'];
/** The formats built when none are asked for. */
export const DEFAULT_FORMATS: readonly Format[] = ['html', 'md', 'pdf'];

/** Options of a build. */
export interface BuildOptions {
  /** Notice files to build. */
  files: string[];
  /** Output folder (replaced whole on success; refused unless empty, missing or an earlier noticekit output). */
  outDir: string;
  /** Working directory (default: `process.cwd()`): it and its ancestors are never an output folder. */
  cwd?: string;
  formats: Format[];
  /** Only these locales (default: every declared locale). */
  locales?: string[];
  /** Pages printing at once (PDF). */
  jobs: number;
  paper: 'a4' | 'letter';
  /** Custom templates folder. */
  templatesDir?: string;
  /** Milliseconds one PDF may take. */
  printTimeoutMs?: number;
  /** Environment for finding Chromium. */
  env?: Record<string, string | undefined>;
  /** Called as documents are written. */
  onProgress?: (event: ProgressEvent) => void;
  /** Aborts the build (SIGINT/SIGTERM). */
  signal?: AbortSignal;
  /** Folder of the content-addressed cache; undefined builds everything afresh. */
  cacheDir?: string;
  /** Worker threads for validation, Markdown and HTML (default 1: this thread). */
  renderThreads?: number;
  /** Build only this share of the notices: `{ index: 1..count, count }` (by a hash of the notice id). */
  shard?: { index: number; count: number };
  /** Writes a file (default: `fs.promises.writeFile`); tests inject failures here. */
  writeFile?: (file: string, data: Buffer | string) => Promise<void>;
  /** Told once when the cache cannot be used (e.g. a read-only folder); the build goes on uncached. */
  onWarning?: (message: string) => void;
}

/** Progress of a build. */
export interface ProgressEvent {
  done: number;
  total: number;
  /** Path written, relative to the output folder. */
  path: string;
}

/** One file in `manifest.json`. */
export interface ManifestEntry {
  path: string;
  notice: string | null;
  version: string | null;
  locale: string | null;
  format: Format;
  sha256: string;
  bytes: number;
  /** Plain-text title of the notice in this locale (for the index when shards are merged). */
  title?: string;
}

/** What a build did. */
export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Written files (empty when nothing was written). */
  manifest: ManifestEntry[];
  /** Documents that failed to print or render, with the reason. */
  failures: { path: string; reason: string }[];
  /** Timing in milliseconds per phase. */
  timings: Record<string, number>;
  /** Documents taken from the cache and rendered afresh. */
  cache?: { hits: number; misses: number };
  /** The Chromium that printed the PDFs (absent when none was printed, e.g. all from the cache). */
  browser?: { path: string; version?: string };
}

/** The build was interrupted by a signal. */
export class BuildAborted extends Error {
  override name = 'BuildAborted';
}

interface Job {
  prepared: PreparedNotice;
  locale: string;
  /** Plain-text title (manifest, PDF footer); the view itself is built where it is rendered. */
  title: string;
}

/**
 * Run a build.
 * @returns `ok: false` with diagnostics or failures when nothing was published
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
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

  const prepared = await time('validate', () => prepareNotices(options.files, { locales: options.locales, templatesDir: options.templatesDir, threads: options.renderThreads ?? 1 }));
  if (options.formats.includes('jsonld')) prepared.diagnostics.push(...prepared.notices.flatMap((p) => dpvTermDiagnostics(p.notice, p.text, p.file)));
  if (prepared.diagnostics.some((d) => d.severity === 'error')) return fail(prepared.diagnostics);

  let templates: TemplateSet;
  try {
    templates = await loadTemplateSet(options.templatesDir);
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
  const writeBytes = options.writeFile ?? writeFile;
  // Writes still running when the build fails could recreate the staging folder after it is
  // removed: after a failure no write starts, and the folder is removed once the running ones end.
  let closed = false;
  const inflight = new Set<Promise<void>>();
  const onAbort = () => cleanup();
  options.signal?.addEventListener('abort', onAbort);
  // Relaunched once after a crash; documents that still fail are reported.
  const printer = chromium ? new PdfPrinter(chromium, Math.max(1, options.jobs), 2) : undefined;
  printer?.serve(await servedFontFiles());
  const killPrinter = () => printer?.kill();
  options.signal?.addEventListener('abort', killPrinter);
  const checkAbort = () => {
    if (options.signal?.aborted) throw new BuildAborted('The build was interrupted; the previous output is unchanged.');
  };

  const cache = options.cacheDir
    ? await BuildCache.open(options.cacheDir, hashOf('sha256').update(await toolkitFingerprint()).update(await fingerprintFolders(templates.dirs)).digest('hex'), options.onWarning)
    : undefined;

  try {
    await mkdir(staging, { recursive: true });
    const manifest: ManifestEntry[] = [];
    const failures: BuildResult['failures'] = [];
    const jobs: Job[] = [];
    for (const p of prepared.notices) {
      for (const locale of p.locales) jobs.push({ prepared: p, locale, title: plainTitle(titleOf(p.notice, locale)) });
    }
    const total = jobs.length * options.formats.length;
    let done = 0;
    const made = new Map<string, Promise<unknown>>();
    const ensureDir = (dir: string) => {
      let p = made.get(dir);
      if (!p) {
        p = mkdir(dir, { recursive: true });
        made.set(dir, p);
      }
      return p;
    };
    const write = (rel: string, data: string | Buffer, entry: Omit<ManifestEntry, 'path' | 'sha256' | 'bytes'>): Promise<void> => {
      checkAbort();
      if (closed) return Promise.reject(new Error('The build has stopped.'));
      const work = (async () => {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        const full = path.join(staging, rel);
        await ensureDir(path.dirname(full));
        await writeBytes(full, bytes);
        manifest.push({ path: rel, ...entry, sha256: sha256(bytes), bytes: bytes.byteLength });
        if (entry.notice !== null) options.onProgress?.({ done: ++done, total, path: rel });
      })();
      inflight.add(work);
      work.then(
        () => inflight.delete(work),
        () => inflight.delete(work),
      );
      return work;
    };
    const rel = (job: Job, format: Format) => `${job.prepared.notice.id}/${job.prepared.notice.version}/${job.locale}.${format}`;
    const entryOf = (job: Job, format: Format) => ({ notice: job.prepared.notice.id, version: job.prepared.notice.version, locale: job.locale, format, title: job.title });

    const pdfKey = (job: Job) => cache?.key(job.prepared.text, job.locale, 'pdf', options.paper);
    const versionsOf = new Map<string, PreparedNotice[]>();
    for (const p of prepared.notices) versionsOf.set(p.notice.id, [...(versionsOf.get(p.notice.id) ?? []), p]);
    for (const list of versionsOf.values()) list.sort((a, b) => compareVersions(b, a));

    await time('render', async () => {
      // Documents in the cache are copied; the rest are rendered (in worker threads for large
      // builds) and written as they finish.
      const wantMd = options.formats.includes('md');
      const wantHtml = options.formats.includes('html');
      const tasks: RenderTask[] = [];
      const owners: { job: Job; mdKey?: string; htmlKey?: string }[] = [];
      for (const job of jobs) {
        const mdKey = wantMd ? cache?.key(job.prepared.text, job.locale, 'md', '') : undefined;
        const links = wantHtml ? pageLinks(job.prepared, job.locale, versionsOf.get(job.prepared.notice.id)!, options.formats) : undefined;
        // The page links to its siblings, so what else is built is part of its cache key.
        const htmlKey = wantHtml ? cache?.key(job.prepared.text, job.locale, 'html', JSON.stringify(links)) : undefined;
        const mdHit = mdKey ? await cache!.get(mdKey) : undefined;
        const htmlHit = htmlKey ? await cache!.get(htmlKey) : undefined;
        if (mdHit) await write(rel(job, 'md'), mdHit, entryOf(job, 'md'));
        if (htmlHit) await write(rel(job, 'html'), htmlHit, entryOf(job, 'html'));
        const md = wantMd && !mdHit;
        const html = wantHtml && !htmlHit;
        if (md || html) {
          tasks.push({ notice: job.prepared.notice, locale: job.locale, md, html, ...(html && links ? { links } : {}) });
          owners.push({ job, mdKey, htmlKey });
        }
      }
      const phrasesOf = (index: number) => owners[index]!.job.prepared.phrases.get(owners[index]!.job.locale)!;
      await renderAll(tasks, templates, options.templatesDir, Math.max(1, options.renderThreads ?? 1), phrasesOf, async (index, result) => {
        const { job, mdKey, htmlKey } = owners[index]!;
        for (const [format, text, key] of [['md', result.md, mdKey], ['html', result.html, htmlKey]] as const) {
          if (text === undefined) continue;
          const bytes = Buffer.from(text, 'utf8');
          if (key) await cache!.put(key, bytes);
          await write(rel(job, format), bytes, entryOf(job, format));
        }
      });
      // JSON and JSON-LD: the model itself, cheap enough to write afresh every time.
      for (const [format, render] of [['json', renderJson], ['jsonld', renderJsonLd]] as const) {
        if (options.formats.includes(format)) for (const job of jobs) await write(rel(job, format), render(job.prepared.notice, job.locale), entryOf(job, format));
      }
    });

    if (printer) {
      await time('pdf', async () => {
        const queue: Job[] = [];
        for (const job of jobs) {
          const key = pdfKey(job);
          const hit = key ? await cache!.get(key) : undefined;
          if (hit) await write(rel(job, 'pdf'), hit, entryOf(job, 'pdf'));
          else queue.push(job);
        }
        let relaunched = false;
        // One worker failing (a write) stops the others before the browser is closed under them.
        let stop = false;
        const worker = async () => {
          for (let job = queue.shift(); job && !stop; job = queue.shift()) {
            checkAbort();
            const { html, printOptions } = await pdfDocument(job.prepared, job.locale, templates, { paper: options.paper, timeoutMs: options.printTimeoutMs ?? 30_000 });
            const store = async (pdf: Buffer) => {
              const key = pdfKey(job);
              if (key) await cache!.put(key, pdf);
              await write(rel(job, 'pdf'), pdf, entryOf(job, 'pdf'));
            };
            // Only printing may fail a document; a failed write fails the build (outside the try).
            let pdf: Buffer | undefined;
            try {
              pdf = await printer.print(html, printOptions);
            } catch (error) {
              checkAbort();
              // A crashed browser makes every later page fail: relaunch once and retry.
              if (!printer.connected && !relaunched) {
                relaunched = true;
                await printer.close();
                try {
                  pdf = await printer.print(html, printOptions);
                } catch (retryError) {
                  error = retryError;
                }
              }
              if (!pdf) {
                const reason = (error as Error).message.split('\n')[0]!;
                failures.push({ path: rel(job, 'pdf'), reason: error instanceof PrintError || printer.connected ? reason : `Chromium stopped while printing this document (${reason}).` });
                continue;
              }
            }
            await store(pdf);
          }
        };
        try {
          const workers = Array.from({ length: queue.length > 0 ? Math.max(1, Math.min(options.jobs, queue.length)) : 0 }, () =>
            worker().catch((error: unknown) => {
              stop = true;
              throw error;
            }),
          );
          const failed = (await Promise.allSettled(workers)).find((r) => r.status === 'rejected');
          if (failed) throw failed.reason;
        } finally {
          await printer.close();
        }
      });
    }
    checkAbort();
    if (failures.length > 0) {
      cleanup();
      return fail([], failures);
    }

    await time('finish', async () => {
      // latest/: a copy of the newest version of each notice (by effective date, then version).
      const newest = new Map<string, PreparedNotice>();
      for (const p of prepared.notices) {
        const current = newest.get(p.notice.id);
        if (!current || compareVersions(p, current) > 0) newest.set(p.notice.id, p);
      }
      const copies = manifest.filter((e) => e.notice !== null && newest.get(e.notice)?.notice.version === e.version);
      await Promise.all(
        copies.map(async (e) => {
          const latest = `${e.notice}/latest/${e.locale}.${e.format}`;
          await ensureDir(path.dirname(path.join(staging, latest)));
          // A hard link: the same bytes under a second name, without writing them twice (half
          // the output of a build); a copy where the file system has no hard links.
          await link(path.join(staging, e.path), path.join(staging, latest)).catch(() => copyFile(path.join(staging, e.path), path.join(staging, latest)));
          manifest.push({ ...e, path: latest });
        }),
      );
      const index = await renderIndex(templates, manifest, options.templatesDir);
      await write('index.html', index, { notice: null, version: null, locale: null, format: 'html' });
      manifest.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      await writeBytes(path.join(staging, 'manifest.json'), manifestText(manifest));
      checkAbort();
      await swapIn(staging, outDir, guard);
      await cache?.prune();
    });
    const browser = printer && printer.launchCount > 0 ? { path: printer.executablePath, version: printer.version } : undefined;
    return { ok: true, diagnostics: prepared.diagnostics, manifest, failures: [], timings, cache: cache && { hits: cache.hits, misses: cache.misses }, browser };
  } catch (error) {
    closed = true;
    await Promise.allSettled([...inflight]);
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

const FORMAT_NAMES: Record<Format, string> = { html: 'HTML', md: 'Markdown', pdf: 'PDF', json: 'JSON', jsonld: 'JSON-LD' };
const PAGE_LABELS = { navigation: 'About this notice', languages: 'Languages', formats: 'This notice as', versions: 'Versions', history: 'History of changes', current: 'this version' };

/**
 * The navigation of one HTML page: the same version in its other locales, this document in the
 * other formats of the build, and every version of the notice in the build (newest first), as
 * relative links inside the output folder (`<id>/<version>/<locale>.<format>`; they work from
 * `latest/` too, a sibling of the version folders).
 * @param versions every version of the notice being built, newest first
 */
export function pageLinks(p: PreparedNotice, locale: string, versions: readonly PreparedNotice[], formats: readonly Format[]): PageLinks {
  const phrases = p.phrases.get(locale);
  const labels = Object.fromEntries(Object.entries(PAGE_LABELS).map(([k, fallback]) => [k, phrases?.has(`page.${k}`) ? phrases.get(`page.${k}`) : fallback])) as PageLinks['labels'];
  const autonym = (l: string) => {
    const name = new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l;
    return name.charAt(0).toLocaleUpperCase(l) + name.slice(1);
  };
  return {
    labels,
    languages: p.locales.map((l) => ({ href: `./${l}.html`, text: autonym(l), locale: l, current: l === locale })),
    formats: formats.filter((f) => f !== 'html').map((f) => ({ href: `./${locale}.${f}`, text: FORMAT_NAMES[f], locale, current: false })),
    versions: versions.map((v) => {
      const l = v.locales.includes(locale) ? locale : v.locales[0]!;
      const current = v.notice.version === p.notice.version;
      return { href: `../${v.notice.version}/${l}.html`, text: `${v.notice.version} (${formatDate(v.notice.effectiveDate, locale)})`, locale: l, current };
    }),
  };
}

/**
 * The HTML a build prints for one notice in one locale, and its print options (footer title and
 * fonts, date, paper). The bench prints the same documents in a bare loop to measure the floor.
 * @param prepared a notice from {@link prepareNotices}
 * @param locale one of its locales to render
 */
export async function pdfDocument(
  prepared: PreparedNotice,
  locale: string,
  templates: TemplateSet,
  options: { paper: 'a4' | 'letter'; timeoutMs: number },
): Promise<{ html: string; printOptions: PrintOptions }> {
  const view = buildView(prepared.notice, prepared.phrases.get(locale)!);
  const title = plainTitle(titleOf(prepared.notice, locale));
  // Each document (and footer) gets the smaller Latin font files unless its text needs Greek or
  // Cyrillic: the HTML is rendered with a slot that becomes the fonts it needs.
  // The page's fonts are served by the printer (PdfPrinter.serve, servedFontFiles), not inlined,
  // when the document's Content-Security-Policy lets it load them (the built-in template does for
  // PDF); a custom template whose policy allows only data: fonts gets them inlined, as before.
  const rendered = renderHtml(view, templates, { pdf: true, fontFaces: FONT_SLOT });
  const csp = /http-equiv="Content-Security-Policy"[^>]*/i.exec(rendered)?.[0];
  const html = !csp || csp.includes(new URL(FONT_ORIGIN).host) ? await withServedFontFaces(rendered) : await withFontFaces(rendered);
  const footerFonts = await footerFontCss(fontSetFor(title));
  return { html, printOptions: { paper: options.paper, title, lang: locale, date: prepared.notice.effectiveDate, timeoutMs: options.timeoutMs, footerFontCss: footerFonts } };
}

function compareVersions(a: PreparedNotice, b: PreparedNotice): number {
  if (a.notice.effectiveDate !== b.notice.effectiveDate) return a.notice.effectiveDate < b.notice.effectiveDate ? -1 : 1;
  return a.notice.version.localeCompare(b.notice.version, 'en', { numeric: true });
}

/**
 * The index page: every notice x version x locale with links to its formats, from manifest entries
 * (so a merge of shards can rebuild it without the notices).
 */
export async function renderIndex(templates: TemplateSet, manifest: readonly ManifestEntry[], templatesDir?: string): Promise<string> {
  const pack = await loadPhrasePack('en', templatesDir);
  const phrases = pack ? new Phrases('en', pack) : undefined;
  const label = (key: string, fallback: string) => (phrases?.has(key) ? phrases.get(key) : fallback);
  const languages = new Intl.DisplayNames(['en'], { type: 'language' });
  const groups = new Map<string, { title: string; id: string; version: string; locale: string; localeName: string; files: { path: string; format: string }[] }>();
  for (const m of manifest) {
    if (m.notice === null || m.version === null || m.locale === null || m.path.includes('/latest/')) continue;
    const key = `${m.notice}\u0000${m.version}\u0000${m.locale}`;
    let group = groups.get(key);
    if (!group) {
      group = { title: escapeMarkdown(m.title ?? m.notice), id: m.notice, version: m.version, locale: m.locale, localeName: languages.of(m.locale) ?? m.locale, files: [] };
      groups.set(key, group);
    }
    group.files.push({ path: m.path, format: m.format.toUpperCase() });
  }
  const entries = [...groups.values()]
    .map((g) => ({ ...g, files: g.files.sort((a, b) => a.format.localeCompare(b.format)) }))
    .sort((a, b) => a.id.localeCompare(b.id) || a.version.localeCompare(b.version, 'en', { numeric: true }) || a.locale.localeCompare(b.locale));
  return templates.render('index.html', {
    lang: 'en',
    title: label('index.title', 'Privacy notices'),
    labels: { notice: label('index.notice', 'Notice'), version: 'Version', locale: label('index.locale', 'Language'), formats: label('index.formats', 'Formats') },
    entries,
  });
}

/** The text of `manifest.json`: the marker that tells the next build this folder is its to replace, and the files. */
export function manifestText(files: readonly ManifestEntry[]): string {
  return `${JSON.stringify({ generator: GENERATOR, files }, null, 2)}\n`;
}

/** The shard (1..count) a notice id belongs to: stable across machines and runs. */
export function shardOf(noticeId: string, count: number): number {
  return (hashOf('sha256').update(noticeId).digest().readUInt32BE(0) % count) + 1;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function templateDiagnostic(error: TemplateError): Diagnostic {
  const report = new Reporter(error.file);
  report.add({ code: 'template-error', message: error.reason, at: { line: error.line, column: error.column } });
  return report.list()[0]!;
}
