/**
 * Find and launch a system Chromium for printing (see printer.ts for how it is driven): headless,
 * offline, quiet, `pipe: true` so the browser dies with us, its own profile folder.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { NoticekitError } from '../../errors.js';

/** No usable Chromium; the message says how to install one. */
export class NoBrowserError extends NoticekitError {
  override name = 'NoBrowserError';
  /** @param message said to the user as it is */
  constructor(message: string) {
    super(message, 1);
  }
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

/**
 * Launch Chromium as noticekit prints with it (the bench's bare print loop launches it the same way).
 * @param profile an empty folder for Chromium's `--user-data-dir` (the caller removes it)
 */
export async function launchBrowser(executablePath: string, profile: string): Promise<Browser> {
  // Loaded only here (~0.4 s): a build without PDFs never pays for it.
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    args: CHROMIUM_ARGS,
    userDataDir: profile,
    protocolTimeout: 60_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // A browser killed mid-write (a crash, our own SIGKILL of a hung one) resets its stdio pipes;
  // with no listener that read error would end the whole process. The printer learns of the
  // crash from the disconnect, so the stream error itself is only noise.
  for (const stream of browser.process()?.stdio ?? []) stream?.on('error', () => {});
  return browser;
}

/**
 * Let a page load nothing but what it is given: the document arrives by setContent, fonts are
 * data: URLs or files answered from memory for their exact URLs; every other request is refused.
 * The printer and the bench's bare print loop set up their pages with this, so the floor prints
 * under the same rules as the build.
 * @param served font bytes by URL (see servedFontFiles)
 */
export async function serveOnly(page: Page, served: ReadonlyMap<string, Buffer>): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    const body = served.get(url);
    if (body) void request.respond({ status: 200, contentType: 'font/woff2', headers: { 'access-control-allow-origin': '*' }, body });
    else if (url.startsWith('data:')) void request.continue();
    else void request.abort('blockedbyclient');
  });
}

/** SIGKILL Chromium's process group (puppeteer starts it as a group leader), else the process. */
export function killGroup(browser: Browser): void {
  const child = browser.process();
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
