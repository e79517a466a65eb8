/**
 * `noticekit preview`: a local web server showing notices as they are edited. It listens on
 * 127.0.0.1 only (there is no option for another address), answers only requests addressed to
 * 127.0.0.1 or localhost (a page elsewhere cannot reach it by DNS rebinding), checks and renders
 * again when a file is saved, and tells open pages through Server-Sent Events.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { expandNoticeFiles } from '../cli/files.js';
import { serialRuns } from '../watch/serial-runs.js';
import { watchPaths, type Watcher } from '../watch/watch-paths.js';
import { NOTICE_CSP, PAGE_CSP, renderPage, type PageNotice } from './page.js';
import { previewNotice, type PreviewedNotice, type PreviewNoticeOptions, type RenderedLocale } from './render-notice.js';
import { NoticekitError } from '../errors.js';

/** The only address the preview listens on. */
export const PREVIEW_HOST = '127.0.0.1';

/** The port tried first when none is asked for; if it is taken, any free port. */
export const DEFAULT_PORT = 4178;

/** Options for {@link startPreview}. */
export interface PreviewOptions extends PreviewNoticeOptions {
  /** Notice files and folders (folders are searched for *.yaml, and watched for new ones). */
  targets: string[];
  /** Folder relative targets and shown names are taken from. */
  cwd: string;
  /** Port: a number (0 for any free one), or undefined for {@link DEFAULT_PORT} falling back to a free one. */
  port?: number;
  /** Milliseconds of quiet after a save before checking again (default 150). */
  debounceMs?: number;
  /** Called after every check, e.g. to print a line on the terminal. */
  onRefresh?: (notices: readonly PreviewedNotice[], generation: number) => void;
}

/** A running preview. */
export interface PreviewServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  port: number;
  /** Number of checks made so far (1 after the first). */
  generation(): number;
  /** Check every file again now (what a save does). */
  refresh(): Promise<void>;
  /** Stop watching, end open event streams, close the server. */
  close(): Promise<void>;
}

/** The port is taken or cannot be used; the message says which and what to do. */
export class PreviewListenError extends NoticekitError {
  override name = 'PreviewListenError';
  /** @param message said to the user as it is */
  constructor(message: string) {
    super(message, 2);
  }
}

/**
 * Start the preview: check and render every notice, listen, watch.
 * @throws PreviewListenError when an explicitly requested port cannot be used
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const shown = new Map<string, PageNotice>();
  const lastGood = new Map<string, RenderedLocale[]>();
  let files: string[] = [];
  let generation = 0;
  const streams = new Set<ServerResponse>();

  const check = async () => {
    try {
      files = (await expandNoticeFiles(options.targets, options.cwd)).map((f) => path.resolve(options.cwd, f));
    } catch (error) {
      // A file renamed away mid-edit: keep checking the files known (each then says it is unreadable).
      if (generation === 0) throw error;
    }
    const results = [];
    for (const file of files) results.push(await previewNotice(file, options));
    shown.clear();
    for (const current of results) {
      if (current.locales.length > 0) lastGood.set(current.file, current.locales);
      const locales = current.locales.length > 0 ? current.locales : (lastGood.get(current.file) ?? []);
      shown.set(current.file, { current, shownLocales: locales.map((l) => l.locale), stale: current.locales.length === 0 && locales.length > 0 });
    }
    generation += 1;
    for (const res of streams) res.write(`event: generation\ndata: ${generation}\n\n`);
    options.onRefresh?.(results, generation);
  };
  // One check at a time; saves during a check make one more check after it.
  const checks = serialRuns(check);
  const refresh = () => checks.run();
  await refresh();

  const server = createServer((req, res) => handle(req, res));
  const port = await listen(server, options.port);
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  function handle(req: IncomingMessage, res: ServerResponse) {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) return plain(res, 421, 'This preview answers only at 127.0.0.1 or localhost.\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Only GET.\n');
    const url = new URL(req.url ?? '/', `http://${PREVIEW_HOST}`);
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP });
      return res.end(renderPage([...shown.values()], { cwd: options.cwd, generation }));
    }
    if (url.pathname === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      res.write(`retry: 1000\nevent: generation\ndata: ${generation}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    const match = /^\/notice\/(\d+)\/([A-Za-z0-9-]+)$/.exec(url.pathname);
    if (match) {
      const entry = [...shown.values()][Number(match[1])];
      const file = entry?.current.file;
      const doc = (entry?.current.locales.length ? entry.current.locales : file ? lastGood.get(file) : undefined)?.find((l) => l.locale === match[2]);
      if (doc) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': NOTICE_CSP });
        return res.end(doc.html);
      }
    }
    return plain(res, 404, 'Not found.\n');
  }

  // Watch the files named and the folders given; a folder's new files are found at the next check.
  const watchTargets = await Promise.all(options.targets.map(async (t) => path.resolve(options.cwd, t)));
  const existing = (await Promise.all(watchTargets.map(async (t) => ((await stat(t).catch(() => undefined)) ? t : undefined)))).filter((t): t is string => t !== undefined);
  const watcher: Watcher = watchPaths(existing.length > 0 ? existing : files, () => void refresh().catch(() => undefined), { debounceMs: options.debounceMs ?? 150 });

  return {
    url: `http://${PREVIEW_HOST}:${port}/`,
    port,
    generation: () => generation,
    refresh,
    async close() {
      watcher.close();
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** Listen on 127.0.0.1: the port asked for, or the default one, falling back to any free port. */
async function listen(server: Server, port: number | undefined): Promise<number> {
  const attempt = (p: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve((server.address() as AddressInfo).port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, PREVIEW_HOST);
    });
  try {
    return await attempt(port ?? DEFAULT_PORT);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (port === undefined && code === 'EADDRINUSE') return attempt(0);
    throw new PreviewListenError(
      code === 'EADDRINUSE'
        ? `port ${port} on ${PREVIEW_HOST} is in use; choose another with --port, or --port 0 for any free one.`
        : `cannot listen on ${PREVIEW_HOST}:${port ?? DEFAULT_PORT} (${code ?? (error as Error).message}).`,
    );
  }
}
