/**
 * `noticekit build [files|dirs] --out DIR`: render every notice for publishing.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, BuildAborted, DEFAULT_FORMATS, FORMATS, type Format } from '../../build/build.js';
import { OutputRefusedError } from '../../build/output-guard.js';
import { cacheDir as defaultCacheDir } from '../../cache-dir.js';
import { formatDiagnostics } from '../../report/format-diagnostics.js';
import { NoBrowserError } from '../../render/pdf/browser.js';
import { expandNoticeFiles } from '../files.js';
import { ExitError, useColor, UsageError } from '../io.js';
import type { Command } from './types.js';
import { readFile } from 'node:fs/promises';

export const buildCommand: Command = {
  name: 'build',
  usage: `Usage: noticekit build [files|dirs|globs...] [options]

Validates every notice (default: notices/), then writes for each notice, version and locale:
  DIR/<notice-id>/<version>/<locale>.{html,md,pdf,json,jsonld}, DIR/<notice-id>/latest/...,
  DIR/index.html and DIR/manifest.json (paths, sha256, bytes).
Nothing is written if any notice is invalid; the output folder is replaced whole, only on success.

Options:
  --out DIR             output folder (default: public); replaced only when it is empty, missing
                        or an earlier noticekit output, never a folder holding other files
  --formats LIST        comma-separated: html,md,pdf,json,jsonld (default: html,md,pdf);
                        json is the notice's data, jsonld the same in the W3C DPV vocabulary
  --locales LIST        only these locales (default: every declared locale)
  --jobs N              PDFs printed at once (default: 2)
  --render-threads N    worker threads for validation, Markdown and HTML in large builds (default: 2)
  --paper a4|letter     PDF paper size (default: a4)
  --templates DIR       your own templates folder; files there replace built-in ones
  --print-timeout MS    time one PDF may take (default: 30000)
  --cache-dir DIR       cache of rendered documents (default: <project>/node_modules/.cache/noticekit/build,
                        else $XDG_CACHE_HOME/noticekit/build); an unwritable cache is skipped
  --no-cache            render everything afresh
  --shard I/N           build only share I of N (by notice id); join shards with merge-manifests
  --no-color            plain output
  -h, --help            show this help

PDF needs Chromium: CHROME_PATH or PUPPETEER_EXECUTABLE_PATH, else chromium-headless-shell
(preferred: faster) or chromium on PATH (npm run setup installs Debian's chromium-headless-shell).
The build says which browser printed the PDFs.
Exit status: 0 built, 1 invalid input or a document failed, 2 usage error, 130/143 interrupted.
Next: open DIR/index.html, or publish DIR.`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'public' },
        formats: { type: 'string', default: DEFAULT_FORMATS.join(',') },
        locales: { type: 'string' },
        jobs: { type: 'string', default: '2' },
        'render-threads': { type: 'string', default: '2' },
        paper: { type: 'string', default: 'a4' },
        templates: { type: 'string' },
        'print-timeout': { type: 'string', default: '30000' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        shard: { type: 'string' },
        'no-color': { type: 'boolean', default: false },
      },
    });
    const formats = values.formats.split(',').map((f) => f.trim()).filter(Boolean);
    const unknown = formats.filter((f) => !FORMATS.includes(f as Format));
    if (unknown.length > 0 || formats.length === 0) throw new UsageError(`--formats takes html, md, pdf, json and jsonld, comma-separated; not '${values.formats}'.`);
    const jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64, not '${values.jobs}'.`);
    const renderThreads = Number(values['render-threads']);
    if (!Number.isInteger(renderThreads) || renderThreads < 1 || renderThreads > 64) throw new UsageError(`--render-threads must be a whole number from 1 to 64, not '${values['render-threads']}'.`);
    if (values.paper !== 'a4' && values.paper !== 'letter') throw new UsageError(`--paper must be a4 or letter, not '${values.paper}'.`);
    const timeout = Number(values['print-timeout']);
    if (!Number.isFinite(timeout) || timeout < 100) throw new UsageError(`--print-timeout must be a number of milliseconds (at least 100), not '${values['print-timeout']}'.`);
    let shard: { index: number; count: number } | undefined;
    if (values.shard !== undefined) {
      const m = /^(\d+)\/(\d+)$/.exec(values.shard);
      shard = m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
      if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count) throw new UsageError(`--shard takes I/N with 1 <= I <= N, e.g. 2/4; not '${values.shard}'.`);
    }
    const cacheDir = values['no-cache'] ? undefined : values['cache-dir'] ? path.resolve(io.cwd, values['cache-dir']) : defaultCacheDir('build', io.cwd, io.env);
    const locales = values.locales?.split(',').map((l) => l.trim()).filter(Boolean);

    const operands = positionals.length > 0 ? positionals : ['notices'];
    const files = await expandNoticeFiles(operands, io.cwd);
    if (files.length === 0) throw new UsageError(`No notice files (*.yaml) in ${operands.join(', ')}.`);
    const color = useColor(io, values['no-color']);
    const controller = new AbortController();
    let signalName: NodeJS.Signals | undefined;
    const unregister = io.onSignal?.((signal) => {
      signalName = signal;
      controller.abort();
    });
    const tty = io.stderrIsTTY && !io.env.CI;
    let lastDraw = 0;
    try {
      const result = await build({
        files: files.map((f) => path.resolve(io.cwd, f)),
        outDir: path.resolve(io.cwd, values.out),
        cwd: io.cwd,
        onWarning: (message) => io.stderr.write(`warning: ${message}\n`),
        formats: FORMATS.filter((f) => formats.includes(f)),
        locales,
        jobs,
        renderThreads,
        paper: values.paper,
        templatesDir: values.templates && path.resolve(io.cwd, values.templates),
        printTimeoutMs: timeout,
        env: io.env,
        signal: controller.signal,
        cacheDir,
        shard,
        onProgress(event) {
          if (tty) {
            const now = Date.now();
            if (now - lastDraw < 80 && event.done < event.total) return;
            lastDraw = now;
            const width = 30;
            const filled = Math.round((event.done / event.total) * width);
            io.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${event.done}/${event.total} ${event.path.slice(0, 40).padEnd(40)}`);
            if (event.done === event.total) io.stderr.write('\n');
          } else io.stderr.write(`wrote ${event.path}\n`);
        },
      });
      if (!result.ok) {
        if (result.diagnostics.length > 0) {
          const sources = new Map<string, string>();
          for (const d of result.diagnostics) if (!sources.has(d.file)) sources.set(d.file, await readFile(d.file, 'utf8').catch(() => ''));
          const shown = result.diagnostics.map((d) => ({ ...d, file: path.relative(io.cwd, d.file) || d.file }));
          const shownSources = new Map([...sources].map(([f, t]) => [path.relative(io.cwd, f) || f, t]));
          io.stderr.write(formatDiagnostics(shown, { color, sources: shownSources }));
        }
        for (const f of result.failures) io.stderr.write(`failed: ${f.path}: ${f.reason}\n`);
        if (result.failures.some((f) => /took longer than/.test(f.reason))) io.stderr.write(`A document may take ${timeout} ms to print (--print-timeout); raise it if the documents are just long.\n`);
        io.stderr.write(`Nothing was published; ${values.out} is unchanged.\n`);
        return 1;
      }
      const docs = result.manifest.filter((m) => m.notice !== null && !m.path.includes('/latest/')).length;
      const cacheNote = result.cache ? `; ${result.cache.hits} from cache, ${result.cache.misses} rendered` : '';
      if (result.browser) io.stderr.write(`PDFs printed by ${result.browser.path}${result.browser.version ? ` (${result.browser.version})` : ''}.\n`);
      io.stderr.write(`Built ${docs} documents from ${files.length} ${files.length === 1 ? 'notice' : 'notices'} into ${values.out}/ (${Object.entries(result.timings).map(([k, v]) => `${k} ${v} ms`).join(', ')}${cacheNote}).\n`);
      return 0;
    } catch (error) {
      if (error instanceof BuildAborted || controller.signal.aborted) {
        io.stderr.write(`\nInterrupted${signalName ? ` by ${signalName}` : ''}; ${values.out} is unchanged.\n`);
        return signalName === 'SIGTERM' ? 143 : 130;
      }
      if (error instanceof OutputRefusedError) throw new ExitError(2, `${error.message}\nNothing was written.`);
      if (error instanceof NoBrowserError) throw new ExitError(1, `${error.message}\nNothing was published; ${values.out} is unchanged.`);
      const code = (error as NodeJS.ErrnoException).code;
      // A file-system error on the output (its staging and old folders share its path) or the cache:
      // ENOSPC, EROFS, EACCES, and ENOENT too, which Node's recursive mkdir reports on a read-only mount.
      const { syscall, path: where } = error as NodeJS.ErrnoException;
      const outPath = path.resolve(io.cwd, values.out);
      if (typeof code === 'string' && typeof syscall === 'string' && (where === undefined || where.startsWith(outPath) || (cacheDir !== undefined && where.startsWith(cacheDir)))) {
        throw new ExitError(1, `Cannot write the output (${(error as Error).message}). Nothing was published; ${values.out} is unchanged.`);
      }
      throw error;
    } finally {
      unregister?.();
    }
  },
};
