/**
 * Find and drive a system Chromium for printing. One browser per build, a small pool of pages,
 * everything isolated: JavaScript off, every request but data: aborted, no file:// navigation,
 * a timeout per document, `pipe: true` so the browser dies with us.
 */
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type PDFOptions } from 'puppeteer-core';
import { NoticekitError } from '../../errors.js';

/** No usable Chromium; the message says how to install one. */
export class NoBrowserError extends NoticekitError {
  override name = 'NoBrowserError';
  /** @param message said to the user as it is */
  constructor(message: string) {
    super(message, 1);
  }
}

/** A document that could not be printed. */
export class PrintError extends Error {
  override name = 'PrintError';
}

const CANDIDATES = ['chromium-headless-shell', 'chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/**
 * Locate a Chromium executable: `CHROME_PATH`, `PUPPETEER_EXECUTABLE_PATH`, then
 * `chromium-headless-shell` in any folder of PATH, then `chromium` (and a few others).
 * @throws NoBrowserError with installation advice
 */
export function findChromium(env: Record<string, string | undefined> = process.env): string {
  for (const variable of ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH']) {
    const value = env[variable];
    if (value) {
      if (isExecutable(value)) return value;
      throw new NoBrowserError(`${variable} is set to '${value}', which is not an executable file. Fix the variable or unset it.`);
    }
  }
  // chromium-headless-shell anywhere on PATH beats chromium earlier on PATH: it prints ~3x faster.
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of CANDIDATES) {
    for (const dir of dirs) {
      const full = path.join(dir, name);
      if (isExecutable(full)) return full;
    }
  }
  throw new NoBrowserError(
    'No Chromium found for PDF output. Install one (Debian/Ubuntu: `sudo apt-get install --no-install-recommends chromium-headless-shell`, or chromium; or run `npm run setup`), ' +
      'or point CHROME_PATH at a Chromium or Chrome executable. To build without PDFs: `noticekit build --formats html,md`.',
  );
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Options for printing. */
export interface PrintOptions {
  /** Paper size. */
  paper: 'a4' | 'letter';
  /** Title for the footer (plain text). */
  title: string;
  /** Document language (for the footer). */
  lang: string;
  /** Date written into the PDF's CreationDate/ModDate (YYYY-MM-DD), so output is reproducible. */
  date: string;
  /** Milliseconds a document may take to print. */
  timeoutMs: number;
  /** @font-face CSS for the footer (it is rendered apart from the page, without the page's fonts). */
  footerFontCss?: string;
}

/** Chromium flags for a headless, offline, quiet browser. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
  '--font-render-hinting=none',
  '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication',
];

/** Documents one page prints before it is closed and replaced (bounds the renderer's memory). */
export const PAGE_REUSE = 25;

/**
 * Documents one browser prints before it is closed and started again. Retiring pages bounds each
 * renderer, but the browser process itself still grows and slows down over thousands of documents
 * (2,386 documents: 5.4/s and 1.6 GiB without this); a relaunch costs about half a second.
 */
export const BROWSER_REUSE = 300;

/** A running browser with a pool of isolated pages. */
export class PdfPrinter {
  private browser?: Browser;
  /** Documents started on the running browser, and how many of them are still printing. */
  private printed = 0;
  private inFlight = 0;
  private drained?: () => void;
  private recycling?: Promise<void>;
  /** Launches that replaced a healthy browser (not counted against maxLaunches). */
  private recycles = 0;
  private idle: Page[] = [];
  /** Documents printed by each open page. */
  private uses = new WeakMap<Page, number>();
  private launches = 0;
  private starting?: Promise<void>;
  /** This launch's profile folder: ours, so it is removed even when the browser is killed. */
  private profile?: string;
  /** Bytes answered for exact URLs (font files, see {@link serve}); every other request but data: is aborted. */
  private resources = new Map<string, Buffer>();
  /** The version string of the first browser launched (`HeadlessChrome/156.0...`). */
  private browserVersion?: string;

  /**
   * @param executablePath Chromium to use (see {@link findChromium})
   * @param poolSize pages printing at once
   * @param maxLaunches launches allowed in all (the first and the relaunches after a crash)
   * @param reuseLimit documents one browser prints before it is replaced by a fresh one
   */
  constructor(
    readonly executablePath: string,
    readonly poolSize = 2,
    readonly maxLaunches = Number.POSITIVE_INFINITY,
    readonly reuseLimit = BROWSER_REUSE,
  ) {}

  /** Start the browser (once). */
  async start(): Promise<void> {
    if (this.browser?.connected) return;
    // Concurrent callers share one launch.
    this.starting ??= this.launch().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async launch(): Promise<void> {
    if (this.launches - this.recycles >= this.maxLaunches) {
      throw new PrintError(`Chromium stopped while printing and was already restarted ${this.launches - 1 === 1 ? 'once' : `${this.launches - 1} times`}; not starting it again.`);
    }
    this.launches++;
    this.removeProfile();
    this.profile = mkdtempSync(path.join(os.tmpdir(), 'noticekit-chromium-'));
    try {
      this.browser = await puppeteer.launch({
        executablePath: this.executablePath,
        headless: true,
        pipe: true,
        args: CHROMIUM_ARGS,
        userDataDir: this.profile,
        protocolTimeout: 60_000,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      this.removeProfile();
      throw error;
    }
    this.idle = [];
    this.printed = 0;
    this.browserVersion ??= await this.browser.version().catch(() => undefined);
  }

  /**
   * Once the browser has printed {@link BROWSER_REUSE} documents, wait for the ones in flight,
   * close it and start a fresh one; callers arriving meanwhile wait for the new browser.
   */
  private async recycle(): Promise<void> {
    if (this.printed < this.reuseLimit || !this.browser?.connected) return;
    this.recycling ??= (async () => {
      if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      await this.close();
      this.recycles++;
      await this.start();
    })().finally(() => {
      this.recycling = undefined;
    });
    return this.recycling;
  }

  /** The profile folder of the running browser (Chromium's `--user-data-dir`). */
  get userDataDir(): string | undefined {
    return this.profile;
  }

  private removeProfile(): void {
    if (this.profile) rmSync(this.profile, { recursive: true, force: true, maxRetries: 3 });
    this.profile = undefined;
  }

  /**
   * Answer requests for these exact URLs with these bytes (font files served once from memory
   * instead of inlined in every document: see `withServedFontFaces`). Only `font/woff2`.
   */
  serve(files: ReadonlyMap<string, Buffer>): void {
    for (const [url, bytes] of files) this.resources.set(url, bytes);
  }

  /** True if the browser is running. */
  get connected(): boolean {
    return Boolean(this.browser?.connected);
  }

  /** The browser's version (`HeadlessChrome/156.0.8078.114`), once it has been started. */
  get version(): string | undefined {
    return this.browserVersion;
  }

  /** How many times the browser was (re)launched. */
  get launchCount(): number {
    return this.launches;
  }

  /** The browser's process id, if running. */
  get pid(): number | undefined {
    return this.browser?.process()?.pid;
  }

  private async page(): Promise<Page> {
    const reused = this.idle.pop();
    if (reused && !reused.isClosed()) return reused;
    if (!this.browser) throw new PrintError('The browser is not running.');
    const page = await this.browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      // The document itself arrives by setContent; fonts are data: URLs or files we serve from
      // memory for their exact URLs. Nothing else may load.
      const url = request.url();
      const served = this.resources.get(url);
      if (served) void request.respond({ status: 200, contentType: 'font/woff2', headers: { 'access-control-allow-origin': '*' }, body: served });
      else if (url.startsWith('data:')) void request.continue();
      else void request.abort('blockedbyclient');
    });
    return page;
  }

  /**
   * Print an HTML document to PDF.
   * @returns the PDF bytes, with fixed dates
   */
  async print(html: string, options: PrintOptions): Promise<Buffer> {
    // Wait for a browser that has documents left: every await lets other callers in, so the
    // state is checked again after each.
    let started = false;
    for (;;) {
      if (this.recycling) await this.recycling;
      else if (this.printed >= this.reuseLimit && this.browser?.connected) await this.recycle();
      else if (!this.browser?.connected && !started) {
        // Once per call: a browser that dies at once fails this document (below), not forever.
        started = true;
        await this.start();
      } else break;
    }
    this.printed++;
    this.inFlight++;
    let page: Page | undefined;
    let ok = false;
    try {
      const current = (page = await this.page());
      const work = (async () => {
        await current.setContent(html, { waitUntil: 'load', timeout: options.timeoutMs });
        // Served font files load after the load event (fonts load when text is laid out): wait
        // for them, or the PDF is printed in a fallback font. CDP's evaluate runs with the page's
        // JavaScript off; inlined data: fonts are ready at once.
        if (this.resources.size > 0) await current.evaluate('document.fonts.ready.then(() => true)');
        const pdf = await current.pdf(pdfOptions(options));
        return Buffer.from(pdf);
      })();
      const pdf = await withTimeout(work, options.timeoutMs, `Printing took longer than ${options.timeoutMs} ms.`);
      ok = true;
      return fixPdfDates(pdf, options.date);
    } finally {
      // A reused page saves ~50 ms per document, but Chromium's renderer keeps growing with every
      // document it lays out (1.7 GB after ~800 documents): retire a page after PAGE_REUSE prints.
      if (page) {
        const used = (this.uses.get(page) ?? 0) + 1;
        this.uses.set(page, used);
        if (ok && used < PAGE_REUSE && this.idle.length < this.poolSize) this.idle.push(page);
        else await page.close().catch(() => undefined);
      }
      if (--this.inFlight === 0 && this.drained) {
        this.drained();
        this.drained = undefined;
      }
    }
  }

  /** Close the browser; safe to call twice. */
  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    this.idle = [];
    if (!browser) return this.removeProfile();
    // A crashed or killed browser leaves its helper processes behind: take the whole group down.
    const crashed = !browser.connected;
    await browser.close().catch(() => killGroup(browser));
    if (crashed) killGroup(browser);
    this.removeProfile();
  }

  /** Kill the browser and its helper processes at once (signal handlers), and remove its profile. */
  kill(): void {
    if (this.browser) killGroup(this.browser);
    this.browser = undefined;
    this.removeProfile();
  }
}

/** SIGKILL Chromium's process group (puppeteer starts it as a group leader), else the process. */
function killGroup(browser: Browser): void {
  const child = browser.process();
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * The options noticekit passes to puppeteer's `page.pdf` for a document: paper, margins, the
 * footer (title and page numbers), tagging and outline. The bench's bare print loop uses them too,
 * so its floor is measured on exactly what a build prints.
 */
export function pdfOptions(options: PrintOptions): PDFOptions {
  return {
    format: options.paper === 'letter' ? 'Letter' : 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footer(options.title, options.lang, options.footerFontCss ?? ''),
    margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
    preferCSSPageSize: false,
    tagged: true,
    outline: true,
    timeout: options.timeoutMs,
  };
}

function footer(title: string, lang: string, fontCss: string): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<style>${fontCss}</style><div lang="${esc(lang)}" style="font-family: 'Noto Sans', sans-serif; font-size: 8pt; color: #555; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;"><span>${esc(title)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrintError(message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}

/**
 * Replace the PDF's creation and modification dates (the only bytes that differ between runs)
 * with a fixed date, keeping every byte offset unchanged.
 */
export function fixPdfDates(pdf: Buffer, isoDate: string): Buffer {
  const fixed = `D:${isoDate.replace(/-/g, '')}000000`;
  const text = pdf.toString('latin1');
  const out = text.replace(/\/(CreationDate|ModDate) ?\(D:([0-9]{14})([^)]*)\)/g, (match, key: string, _stamp: string, zone: string) => {
    // Keep the length: a UTC zone of the same width as the original one.
    const utc = zone.length === 7 ? "+00'00'" : zone.length === 1 ? 'Z' : zone.length === 0 ? '' : undefined;
    if (utc === undefined) return match;
    return match.slice(0, match.indexOf('(')) + `(${fixed}${utc})`;
  });
  return Buffer.from(renumberNodeIds(out), 'latin1');
}

/**
 * Tagged PDFs name structure elements after DOM node ids (`(node00000107)`), which keep counting
 * when a page is reused. Renumber them 1, 2, 3... in their original order and width, so the
 * name tree stays sorted and every byte offset stays the same.
 */
function renumberNodeIds(text: string): string {
  const ids = new Set<number>();
  for (const m of text.matchAll(/\(node(\d+)\)/g)) ids.add(Number(m[1]));
  if (ids.size === 0) return text;
  const rank = new Map([...ids].sort((a, b) => a - b).map((id, i) => [id, i + 1]));
  return text.replace(/\(node(\d+)\)/g, (match, digits: string) => {
    const next = String(rank.get(Number(digits)));
    return next.length <= digits.length ? `(node${next.padStart(digits.length, '0')})` : match;
  });
}
