/**
 * `noticekit preview` in Chromium: the page shows every locale of a temporary copy of a notice,
 * changes when the file is saved, shows a broken edit's diagnostics with links to their lines,
 * runs no script from the notice, and the server answers on 127.0.0.1 only.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/index.js';
import { CHROMIUM_ARGS } from '../../src/render/pdf/browser.js';
import { findChromium, PRAXIS } from '../render/helpers.js';

let dir: string;
let file: string;
let original: string;
let server: PreviewServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nk-preview-'));
  file = path.join(dir, 'praxisportal.yaml');
  copyFileSync(PRAXIS, file);
  original = readFileSync(file, 'utf8');
  server = await startPreview({ targets: [file], cwd: dir, port: 0, debounceMs: 50 });
  browser = await puppeteer.launch({ executablePath: findChromium(), pipe: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Save new text and wait until the page has reloaded with the new check's result. */
async function save(text: string): Promise<void> {
  const before = server.generation();
  const reloaded = page.waitForNavigation({ waitUntil: 'load', timeout: 30_000 });
  writeFileSync(file, text);
  await reloaded;
  expect(server.generation()).toBeGreaterThan(before);
  expect(await page.evaluate('document.documentElement.dataset.generation')).toBe(String(server.generation()));
}

function localeFrame(locale: string): Frame {
  const frame = page.frames().find((f) => f.url().endsWith(`/notice/0/${locale}`));
  if (!frame) throw new Error(`no frame for ${locale}: ${page.frames().map((f) => f.url()).join(', ')}`);
  return frame;
}

const frameText = (frame: Frame) => frame.evaluate("document.body.textContent ?? ''") as Promise<string>;

interface Row {
  code: string;
  line: string;
  severity: string;
  message: string;
  href: string;
}
const rows = (): Promise<Row[]> =>
  page.$$eval('tr.diagnostic', (trs) =>
    trs.map((tr) => ({
      code: tr.getAttribute('data-code') ?? '',
      line: tr.getAttribute('data-line') ?? '',
      severity: tr.children[1]?.textContent ?? '',
      message: tr.querySelector('.message')?.textContent ?? '',
      href: tr.querySelector('a')?.getAttribute('href') ?? '',
    })),
  );

function get(port: number, host: string, pathName = '/'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathName, headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2_000, () => (socket.destroy(), resolve(false)));
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('noticekit preview', () => {
  it('listens on 127.0.0.1 only and answers only requests addressed to it', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(await connects('127.0.0.1', server.port)).toBe(true);
    // Another loopback address, and every other address of this machine, is not listened on.
    const others = ['127.0.0.2', ...Object.values(networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4' && !a.internal).map((a) => a!.address)];
    for (const host of others) expect(await connects(host, server.port), host).toBe(false);
    const rebound = await get(server.port, 'attacker.example');
    expect(rebound.status).toBe(421);
    const ok = await get(server.port, `localhost:${server.port}`);
    expect(ok.status).toBe(200);
  });

  it('shows every locale of the notice under a Content-Security-Policy that allows only its own script', async () => {
    const response = await page.goto(server.url, { waitUntil: 'load' });
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(await page.$$eval('script', (s) => s.length)).toBe(1);
    expect(await frameText(localeFrame('de'))).toContain('Datenschutzhinweise für Patientinnen und Patienten des Praxisportals');
    expect(await frameText(localeFrame('en'))).toContain('Privacy Notice for Patients of the Praxisportal');
    const notice = await get(server.port, `127.0.0.1:${server.port}`, '/notice/0/en');
    expect(notice.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
    expect(notice.body).not.toMatch(/<script/i);
  });

  it('re-renders when the file is saved', async () => {
    await save(original.replace('en: Privacy Notice for Patients of the Praxisportal', 'en: Privacy Notice for Patients, edited in the preview test'));
    expect(await frameText(localeFrame('en'))).toContain('Privacy Notice for Patients, edited in the preview test');
    expect(await frameText(localeFrame('de'))).toContain('Datenschutzhinweise für Patientinnen');
  }, 60_000);

  it('shows a broken edit as a diagnostic with a link to its line, and keeps the last valid rendering', async () => {
    const lines = original.split('\n');
    const at = lines.findIndex((l) => l.trim() === 'country: DE');
    lines[at] = lines[at]!.replace('DE', 'Germany');
    await save(lines.join('\n'));
    const found = (await rows()).filter((r) => r.code === 'invalid-country');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: String(at + 1), severity: 'error' });
    expect(found[0]!.message).toContain('Germany');
    expect(found[0]!.href).toMatch(new RegExp(`^vscode://file${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${at + 1}:\\d+$`));
    expect(await page.$eval('.stale', (p) => p.textContent)).toContain('last valid version');
    expect(await frameText(localeFrame('en'))).toContain('edited in the preview test');
  }, 60_000);

  it('runs no script from the notice: raw HTML is reported as text, inline code is shown escaped', async () => {
    const payload = '<script>window.__pwned = 1; document.title = "pwned"</script><img src=x onerror="window.__pwned = 2">';
    await save(original.replace('en: Privacy Notice for Patients of the Praxisportal', `en: 'Privacy ${payload} Notice'`));
    const html = (await rows()).filter((r) => r.code === 'raw-html');
    expect(html.length).toBeGreaterThanOrEqual(1);
    expect(html.some((r) => r.message.includes('<script>'))).toBe(true);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.title()).toBe('noticekit preview');
    expect(await page.$$eval('script', (s) => s.length)).toBe(1);
    expect(await page.$$eval('img', (s) => s.length)).toBe(0);

    // Valid: the same text as inline code is printed, escaped, by the build's renderer.
    await save(original.replace('en: Privacy Notice for Patients of the Praxisportal', `en: 'Privacy \`${payload}\` Notice'`));
    expect((await rows()).filter((r) => r.severity === 'error')).toEqual([]);
    const en = localeFrame('en');
    expect(await frameText(en)).toContain(payload);
    expect(await en.evaluate("document.querySelectorAll('script, img').length")).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
  }, 60_000);
});
