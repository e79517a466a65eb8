/**
 * Print HTML documents to PDF with one system Chromium and a small pool of reused pages, everything
 * isolated: JavaScript off, every request but data: URLs and the font files served from memory
 * aborted, no file:// navigation, a timeout per document.
 *
 * When to launch, replace and give up on the browser is decided by {@link Lifecycle} (the one
 * relaunch policy, tested without Chromium); this class only carries out its steps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { killGroup, launchBrowser, serveOnly } from './browser.js';
import { Lifecycle } from './lifecycle.js';
import { fixPdfDates, pdfOptions, type PrintOptions } from './print-options.js';

/** A document that could not be printed. */
export class PrintError extends Error {
  override name = 'PrintError';
}

/**
 * Documents one page prints before it is closed and replaced (bounds the renderer's memory, about
 * 2 MB a document). A new page costs a renderer's start and its font files once more: at 25 the
 * build printed at 0.58-0.69 of the bare loop's rate, at 100 at 0.77-0.92 (138 documents, same run,
 * load 1.6-6); a browser is replaced after {@link BROWSER_REUSE} documents anyway.
 */
export const PAGE_REUSE = 100;

/**
 * Documents one browser prints before it is closed and started again. Retiring pages bounds each
 * renderer, but the browser process itself still grows and slows down over thousands of documents
 * (2,386 documents: 5.4/s and 1.6 GiB without this); a relaunch costs about half a second.
 */
export const BROWSER_REUSE = 300;

/** Options of a {@link PdfPrinter}. */
export interface PrinterOptions {
  /** Idle pages kept for reuse (as many as print at once; default 2). */
  pages?: number;
  /** Launches allowed after the browser stops unexpectedly (default 1). */
  crashRelaunches?: number;
  /** Documents one browser prints before it is replaced (default {@link BROWSER_REUSE}). */
  browserReuse?: number;
}

/** A Chromium printing documents; see the module comment. */
export class PdfPrinter {
  private readonly lifecycle: Lifecycle;
  private readonly pages: number;
  private browser?: Browser;
  /** This launch's profile folder: ours, so it is removed even when the browser is killed. */
  private profile?: string;
  private idle: Page[] = [];
  /** Documents printed by each open page. */
  private uses = new WeakMap<Page, number>();
  /** Callers waiting for the lifecycle to change (a launch, a document done). */
  private waiting: (() => void)[] = [];
  /** Bytes answered for exact URLs (font files, see {@link serve}). */
  private resources = new Map<string, Buffer>();
  private browserVersion?: string;
  /** Times the printer was closed or killed (a launch still starting then closes its browser). */
  private closes = 0;

  /**
   * @param executablePath Chromium to use (see `findChromium`)
   */
  constructor(
    readonly executablePath: string,
    options: PrinterOptions = {},
  ) {
    this.pages = options.pages ?? 2;
    this.lifecycle = new Lifecycle({ reuseLimit: options.browserReuse ?? BROWSER_REUSE, crashRelaunches: options.crashRelaunches ?? 1 });
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

  /** How many times a browser was launched (the first, replacements and relaunches after a crash). */
  get launchCount(): number {
    return this.lifecycle.launches;
  }

  /** Start the browser now rather than with the first document. */
  async start(): Promise<void> {
    await this.admitted(false);
  }

  /**
   * Print an HTML document to PDF. A document whose browser stops under it is printed once more on
   * a relaunched browser (see {@link Lifecycle}).
   * @returns the PDF bytes, with fixed dates
   * @throws PrintError when the document cannot be printed (timeout, the browser gone for good)
   */
  async print(html: string, options: PrintOptions): Promise<Buffer> {
    for (let attempt = 1; ; attempt++) {
      const generation = await this.admitted(true);
      const browser = this.browser;
      try {
        const pdf = await this.printOn(html, options);
        this.lifecycle.finished(generation);
        return fixPdfDates(pdf, options.date);
      } catch (error) {
        if (browser?.connected) {
          this.lifecycle.finished(generation);
          throw error;
        }
        this.lifecycle.crashed(generation);
        if (!this.lifecycle.retries(generation, attempt)) {
          throw new PrintError(`Chromium stopped while printing this document (${(error as Error).message.split('\n')[0]}).`);
        }
      } finally {
        this.changed();
      }
    }
  }

  /** Close the browser; safe to call twice. Resolves when no browser of this printer runs. */
  async close(): Promise<void> {
    this.closes++;
    this.lifecycle.closed();
    this.changed();
    // A browser still starting is closed, and its profile removed, by its launch when it sees the
    // close; removing the profile here, while Chromium still writes into it, failed (ENOTEMPTY).
    await this.launching?.catch(() => undefined);
    await this.closeBrowser();
  }

  /** Kill the browser and its helper processes at once (signal handlers), and remove its profile. */
  kill(): void {
    this.closes++;
    this.lifecycle.closed();
    if (this.browser) killGroup(this.browser);
    this.browser = undefined;
    this.removeProfile();
    this.changed();
  }

  /**
   * Carry out the lifecycle's steps until a document may print (or, with `reserve` false, until a
   * browser runs); resolves with the generation of the browser to print on.
   */
  private async admitted(reserve: boolean): Promise<number> {
    for (;;) {
      const step = this.lifecycle.admit(this.connected, reserve);
      if (step.do === 'print') return step.generation;
      if (step.do === 'fail') throw new PrintError(step.reason);
      if (step.do === 'wait') await new Promise<void>((resolve) => this.waiting.push(resolve));
      else await this.launch();
    }
  }

  /** Wake every caller waiting for the lifecycle to change. */
  private changed(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }

  /** The launch under way, if any. */
  private launching: Promise<void> | undefined;

  private launch(): Promise<void> {
    const run: Promise<void> = this.startBrowser().finally(() => {
      if (this.launching === run) this.launching = undefined;
    });
    this.launching = run;
    return run;
  }

  /** Close the previous browser (retired or crashed), launch a new one and tell the lifecycle. */
  private async startBrowser(): Promise<void> {
    const closes = this.closes;
    await this.closeBrowser();
    const profile = (this.profile = mkdtempSync(path.join(os.tmpdir(), 'noticekit-chromium-')));
    let browser: Browser;
    try {
      browser = await launchBrowser(this.executablePath, profile);
      this.browserVersion ??= await browser.version().catch(() => undefined);
    } catch (error) {
      removeProfileDir(profile);
      if (this.profile === profile) this.profile = undefined;
      this.lifecycle.launchFailed((error as Error).message.split('\n')[0]!);
      this.changed();
      throw error;
    }
    if (closes !== this.closes) {
      // Closed (or killed) while this browser was starting: it must not outlive the printer.
      await browser.close().catch(() => killGroup(browser));
      removeProfileDir(profile);
      throw new PrintError('The printer was closed.');
    }
    this.browser = browser;
    this.lifecycle.launched();
    this.changed();
  }

  private async closeBrowser(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    this.idle = [];
    if (browser) {
      // A crashed or killed browser leaves its helper processes behind: take the whole group down.
      const crashed = !browser.connected;
      await browser.close().catch(() => killGroup(browser));
      if (crashed) killGroup(browser);
    }
    this.removeProfile();
  }

  private removeProfile(): void {
    if (this.profile) removeProfileDir(this.profile);
    this.profile = undefined;
  }

  /** One document on a pooled page of the running browser, within its timeout. */
  private async printOn(html: string, options: PrintOptions): Promise<Buffer> {
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
        return Buffer.from(await current.pdf(pdfOptions(options)));
      })();
      const pdf = await withTimeout(work, options.timeoutMs, `Printing took longer than ${options.timeoutMs} ms.`);
      ok = true;
      return pdf;
    } finally {
      // A reused page saves ~50 ms per document, but Chromium's renderer keeps growing with every
      // document it lays out (1.7 GB after ~800 documents): retire a page after PAGE_REUSE prints.
      if (page) {
        const used = (this.uses.get(page) ?? 0) + 1;
        this.uses.set(page, used);
        if (ok && used < PAGE_REUSE && this.idle.length < this.pages && this.browser?.connected) this.idle.push(page);
        else await page.close().catch(() => undefined);
      }
    }
  }

  private async page(): Promise<Page> {
    const reused = this.idle.pop();
    if (reused && !reused.isClosed()) return reused;
    if (!this.browser) throw new PrintError('The browser is not running.');
    const page = await this.browser.newPage();
    await page.setJavaScriptEnabled(false);
    await serveOnly(page, this.resources);
    return page;
  }
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

/** Profiles that could not be removed yet: tried once more when the process exits. */
const leftProfiles = new Set<string>();

/**
 * Remove a browser profile folder. A helper process of a closed browser can still be writing into
 * it for a moment (seen: ENOTEMPTY under load), so a failure is not the build's failure: the
 * folder is tried again when the process exits, and at worst stays in the temporary folder.
 */
function removeProfileDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } catch {
    if (leftProfiles.size === 0) process.once('exit', removeLeftProfiles);
    leftProfiles.add(dir);
  }
}

function removeLeftProfiles(): void {
  for (const dir of leftProfiles) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // Left in the temporary folder; nothing of the user's is in it.
    }
  }
}
