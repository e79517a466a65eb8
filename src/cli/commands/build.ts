/**
 * `noticekit build [files|dirs] --out DIR`: render every notice for publishing.
 */
import path from 'node:path';
import { build, BuildAborted, DEFAULT_FORMATS, FORMATS } from '../../build/build.js';
import { OutputRefusedError } from '../../build/output-guard.js';
import { cacheDir as defaultCacheDir } from '../../cache-dir.js';
import { formatDiagnostics } from '../../report/format-diagnostics.js';
import { appendStepSummary, formatGithubAnnotations, severityRows, stepSummary, wantsGithubAnnotations, type SummaryRow } from '../../report/format-github.js';
import { NoBrowserError } from '../../render/pdf/browser.js';
import { expandNoticeFiles } from '../files.js';
import { BatchedSink, ExitError, useColor, UsageError } from '../io.js';
import { defineCommand } from './types.js';
import { readFile } from 'node:fs/promises';

export const buildCommand = defineCommand({
  name: 'build',
  synopsis: ['noticekit build [files|dirs|globs...] [options]'],
  description: `Validates every notice (default: notices/), then writes for each notice, version and locale:
  DIR/<notice-id>/<version>/<locale>.{html,md,pdf,json,jsonld}, DIR/<notice-id>/latest/...,
  DIR/<notice-id>/history.html (HTML builds of notices committed in git: each committed version,
  its material changes, links to the versions built), DIR/index.html and DIR/manifest.json
  (paths, sha256, bytes).
Nothing is written if any notice is invalid; the output folder is replaced whole, only on success.`,
  options: {
    out: { type: 'string', arg: 'DIR', default: 'public', help: 'output folder (default: public); replaced only when it is empty, missing\nor an earlier noticekit output, never a folder holding other files' },
    formats: { type: 'list', arg: 'LIST', choices: FORMATS, default: DEFAULT_FORMATS, help: `comma-separated: ${FORMATS.join(',')} (default: ${DEFAULT_FORMATS.join(',')});\njson is the notice's data, jsonld the same in the W3C DPV vocabulary` },
    locales: { type: 'list', arg: 'LIST', help: 'only these locales (default: every declared locale)' },
    jobs: { type: 'int', arg: 'N', min: 1, max: 64, default: 2, help: 'PDFs printed at once (default: 2)' },
    'render-threads': { type: 'int', arg: 'N', min: 1, max: 64, default: 2, help: 'worker threads for validation, Markdown and HTML in large builds (default: 2)' },
    paper: { type: 'string', choices: ['a4', 'letter'], default: 'a4', help: 'PDF paper size (default: a4)' },
    templates: { type: 'string', arg: 'DIR', help: 'your own templates folder; files there replace built-in ones' },
    'print-timeout': { type: 'int', arg: 'MS', min: 100, max: 3_600_000, default: 30_000, help: 'time one PDF may take (default: 30000)' },
    'cache-dir': { type: 'string', arg: 'DIR', help: 'cache of rendered documents (default: <project>/node_modules/.cache/noticekit/build,\nelse $XDG_CACHE_HOME/noticekit/build); an unwritable cache is skipped' },
    'no-cache': { type: 'boolean', help: 'render everything afresh' },
    shard: { type: 'string', arg: 'I/N', pattern: /^\d+\/\d+$/, expected: 'I/N with 1 <= I <= N, e.g. 2/4', help: 'build only share I of N (by notice id); join shards with merge-manifests' },
    'no-history': { type: 'boolean', help: 'write no history.html pages (and skip reading git)' },
    'no-color': { type: 'boolean', help: 'plain output' },
  },
  footer: `PDF needs Chromium: CHROME_PATH or PUPPETEER_EXECUTABLE_PATH, else chromium-headless-shell
(preferred: faster) or chromium on PATH (npm run setup installs Debian's chromium-headless-shell).
The build says which browser printed the PDFs.
With GITHUB_ACTIONS=true, problems are also printed as workflow annotations on stdout; with
GITHUB_STEP_SUMMARY set, a summary table is appended to that file.
Exit status: 0 built, 1 invalid input or a document failed, 2 usage error, 130/143 interrupted.
Next: open DIR/index.html, or publish DIR.`,
  async run({ values, positionals }, io) {
    const { formats, locales, jobs, 'render-threads': renderThreads, 'print-timeout': timeout } = values;
    let shard: { index: number; count: number } | undefined;
    if (values.shard !== undefined) {
      const [index, count] = values.shard.split('/').map(Number) as [number, number];
      if (count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes I/N with 1 <= I <= N, e.g. 2/4; not '${values.shard}'.`);
      shard = { index, count };
    }
    const cacheDir = values['no-cache'] ? undefined : values['cache-dir'] ? path.resolve(io.cwd, values['cache-dir']) : defaultCacheDir('build', io.cwd, io.env);

    const operands = positionals.length > 0 ? positionals : ['notices'];
    const files = await expandNoticeFiles(operands, io.cwd);
    if (files.length === 0) throw new UsageError(`No notice files (*.yaml) in ${operands.join(', ')}.`);
    // One line per document: written in batches (see BatchedSink).
    const stderr = new BatchedSink(io.stderr);
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
        history: !values['no-history'],
        onWarning: (message) => stderr.write(`warning: ${message}\n`),
        formats: FORMATS.filter((f) => formats.includes(f)),
        locales,
        jobs,
        renderThreads,
        paper: values.paper as 'a4' | 'letter',
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
            stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${event.done}/${event.total} ${event.path.slice(0, 40).padEnd(40)}`);
            if (event.done === event.total) stderr.write('\n');
          } else stderr.line(`wrote ${event.path}\n`);
        },
      });
      const shown = result.diagnostics.map((d) => ({ ...d, file: path.relative(io.cwd, d.file) || d.file }));
      if (wantsGithubAnnotations(io.env)) io.stdout.write(formatGithubAnnotations(shown));
      const docs = result.manifest.filter((m) => m.version !== null && !m.path.includes('/latest/')).length;
      const histories = result.manifest.filter((m) => m.notice !== null && m.version === null).length;
      const summaryRows: SummaryRow[] = [['notices', files.length], ['documents', docs], ...severityRows(result.diagnostics), ['failed documents', result.failures.length]];
      const summaryWarning = appendStepSummary(io.env, stepSummary(`noticekit build${result.ok ? '' : ': nothing published'}`, summaryRows));
      if (summaryWarning) stderr.write(summaryWarning);
      if (!result.ok) {
        if (result.diagnostics.length > 0) {
          const sources = new Map<string, string>();
          for (const d of result.diagnostics) if (!sources.has(d.file)) sources.set(d.file, await readFile(d.file, 'utf8').catch(() => ''));
          const shownSources = new Map([...sources].map(([f, t]) => [path.relative(io.cwd, f) || f, t]));
          stderr.write(formatDiagnostics(shown, { color, sources: shownSources }));
        }
        for (const f of result.failures) stderr.write(`failed: ${f.path}: ${f.reason}\n`);
        if (result.failures.some((f) => /took longer than/.test(f.reason))) stderr.write(`A document may take ${timeout} ms to print (--print-timeout); raise it if the documents are just long.\n`);
        stderr.write(`Nothing was published; ${values.out} is unchanged.\n`);
        return 1;
      }
      const cacheNote = result.cache ? `; ${result.cache.hits} from cache, ${result.cache.misses} rendered` : '';
      if (result.browser) stderr.write(`PDFs printed by ${result.browser.path}${result.browser.version ? ` (${result.browser.version})` : ''}.\n`);
      const historyNote = histories > 0 ? ` and ${histories} history ${histories === 1 ? 'page' : 'pages'}` : '';
      stderr.write(`Built ${docs} documents${historyNote} from ${files.length} ${files.length === 1 ? 'notice' : 'notices'} into ${values.out}/ (${Object.entries(result.timings).map(([k, v]) => `${k} ${v} ms`).join(', ')}${cacheNote}).\n`);
      return 0;
    } catch (error) {
      if (error instanceof BuildAborted || controller.signal.aborted) {
        stderr.write(`\nInterrupted${signalName ? ` by ${signalName}` : ''}; ${values.out} is unchanged.\n`);
        return signalName === 'SIGTERM' ? 143 : 130;
      }
      if (error instanceof OutputRefusedError) throw new ExitError(error.exitCode, `${error.message}\nNothing was written.`);
      if (error instanceof NoBrowserError) throw new ExitError(error.exitCode, `${error.message}\nNothing was published; ${values.out} is unchanged.`);
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
      stderr.flush();
      unregister?.();
    }
  },
});
