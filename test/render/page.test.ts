/**
 * The published page in Chromium: no horizontal scrolling at phone and desktop widths for every
 * shipped notice and locale, no axe-core violations in light and dark colour schemes, and the
 * header's links to the other languages, formats and versions (checked by parsing the HTML).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'parse5';
import { attr, elements, text, type Element, type Node } from '../helpers/html.js';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { CHROMIUM_ARGS } from '../../src/render/pdf/browser.js';
import { findChromium, ROOT } from './helpers.js';


const shipped = readdirSync(path.join(ROOT, 'notices')).filter((f) => f.endsWith('.yaml')).map((f) => path.join(ROOT, 'notices', f));
let out: string;
let pages: string[];
let browser: Browser;

beforeAll(async () => {
  out = path.join(mkdtempSync(path.join(tmpdir(), 'nk-page-')), 'public');
  const result = await build({ files: shipped, outDir: out, formats: ['html', 'md'], jobs: 1, paper: 'a4' });
  expect(result.ok, JSON.stringify(result.diagnostics.slice(0, 3))).toBe(true);
  pages = result.manifest.filter((e) => e.format === 'html' && e.notice !== null && !e.path.includes('/latest/')).map((e) => e.path);
  browser = await puppeteer.launch({ executablePath: findChromium(), pipe: true, args: CHROMIUM_ARGS });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe('the published page', () => {
  it('builds a page for every shipped notice and locale', () => {
    // Two notices, two locales each.
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });

  it('never scrolls sideways at 320, 390 or 1200 px', async () => {
    const page = await browser.newPage();
    try {
      const wide: string[] = [];
      for (const rel of pages) {
        await page.goto(pathToFileURL(path.join(out, rel)).href, { waitUntil: 'load' });
        for (const width of [320, 390, 1200]) {
          await page.setViewport({ width, height: 800 });
          const { scroll, inner } = (await page.evaluate('({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })')) as { scroll: number; inner: number };
          if (scroll > inner) wide.push(`${rel} at ${width} px is ${scroll} px wide`);
        }
      }
      expect(wide).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('has no axe-core violations in light and dark colour schemes (at 390 px; the desktop layout is checked in html.test.ts)', async () => {
    const require = createRequire(import.meta.url);
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const found: string[] = [];
    for (const rel of pages) {
      for (const scheme of ['light', 'dark'] as const) {
        for (const width of [390]) {
          const page = await browser.newPage();
          try {
            await page.setBypassCSP(true);
            await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
            await page.setViewport({ width, height: 800 });
            await page.goto(pathToFileURL(path.join(out, rel)).href, { waitUntil: 'load' });
            // The scheme really applies: the page's background follows it.
            const background = (await page.evaluate('getComputedStyle(document.documentElement).backgroundColor')) as string;
            expect(background, `${rel} ${scheme}`).toBe(scheme === 'dark' ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)');
            await page.addScriptTag({ content: axeSource });
            const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as { violations: { id: string; nodes: { target: string[] }[] }[] };
            for (const v of result.violations) found.push(`${rel} ${scheme} ${width}px: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          } finally {
            await page.close();
          }
        }
      }
    }
    expect(found).toEqual([]);
  }, 240_000);

  it('links to the other languages and formats, and shows a dash rather than an empty cell', () => {
    const file = pages.find((p) => p.startsWith('kaspersky-technical-support/') && p.endsWith('/en.html'))!;
    const doc = parse(readFileSync(path.join(out, file), 'utf8'));
    const all = elements(doc);
    const nav = all.find((e) => e.tagName === 'nav' && attr(e, 'class') === 'nk-links')!;
    expect(nav).toBeDefined();
    const links = elements(nav).filter((e) => e.tagName === 'a').map((a) => [attr(a, 'href'), text(a)]);
    // The shipped notices are committed in git, so the page also links the notice's history.html.
    expect(links).toEqual([['./lv.html', 'Latviešu'], ['./en.md', 'Markdown'], ['../history.html', 'History of changes']]);
    const current = elements(nav).find((e) => attr(e, 'aria-current') === 'page')!;
    expect(text(current)).toBe('English');
    // An EEA destination: no adequacy decision or safeguard applies, and the cells say so with a dash.
    const germany = all.find((e) => e.tagName === 'tr' && attr(e, 'id') === 'germany')!;
    const cells = elements(germany).filter((e) => e.tagName === 'td');
    expect(cells.map((c) => attr(c, 'data-label'))).toEqual(['Country or organisation', 'Area', 'Adequacy decision', 'Safeguard']);
    expect(cells.map((c) => text(c).trim())).toEqual(['Germany', 'EEA', '—', '—']);
    expect(all.filter((e) => e.tagName === 'td').every((c) => text(c).trim() !== '')).toBe(true);
  });

  it('links every version of a notice, newest first, the page itself marked current', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'nk-page-')), 'public');
    const fixtures = ['praxisportal.v1.yaml', 'praxisportal.v2.yaml'].map((f) => path.join(ROOT, 'test/fixtures/notices', f));
    const result = await build({ files: fixtures, outDir: dir, formats: ['html'], jobs: 1, paper: 'a4' });
    expect(result.ok).toBe(true);
    const versions = [...new Set(result.manifest.filter((e) => e.version && !e.path.includes('/latest/')).map((e) => e.version!))];
    expect(versions.length).toBe(2);
    const older = result.manifest.find((e) => e.locale === 'en' && e.format === 'html' && !e.path.includes('/latest/') && e.path.includes(`/${versions[0]}/`))!;
    const doc = parse(readFileSync(path.join(dir, older.path), 'utf8'));
    const nav = elements(doc).find((e) => e.tagName === 'nav' && attr(e, 'class') === 'nk-links')!;
    const p = elements(nav).find((e) => attr(e, 'class') === 'nk-versions')!;
    // The fixtures are committed in git: the history page's link follows the versions; it is not one.
    const items = elements(p).filter((e) => (e.tagName === 'a' && attr(e, 'href') !== '../history.html') || attr(e, 'aria-current') === 'page');
    expect(items.length).toBe(2);
    const hrefs = items.map((e) => attr(e, 'href') ?? 'current');
    // Every link resolves to a file the build wrote.
    for (const h of hrefs.filter((x) => x !== 'current')) expect(readFileSync(path.resolve(path.dirname(path.join(dir, older.path)), h!), 'utf8')).toContain('<html');
    expect(hrefs).toContain('current');
    expect(text(items.find((e) => attr(e, 'aria-current') === 'page')!)).toContain('(this version)');
  });
});
