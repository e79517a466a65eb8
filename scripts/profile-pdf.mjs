#!/usr/bin/env node
// Where a PDF's time goes, per document, step by step (issue 17): the build's own work (view,
// HTML, fonts), setContent, the wait for served fonts, page.pdf (and page.pdf without the footer,
// tagging or outline, to price each), the date/id fix. One page, one document at a time, so the
// steps do not overlap; figures are medians in ms over the documents.
//
//   node scripts/profile-pdf.mjs CORPUS_DIR [--docs 60]      (after npm run build)
import { readdirSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { docs: { type: 'string', default: '60' } } });
const dir = positionals[0] ?? path.join(root, 'notices');
const limit = Number(values.docs);
const pdf = await import(path.join(root, 'dist/render/pdf/index.js'));
const { servedFontFiles, withFontFaces, footerFontCss, fontSetFor, FONT_SLOT } = await import(path.join(root, 'dist/render/pdf/fonts.js'));
const { prepareNotices } = await import(path.join(root, 'dist/build/prepare.js'));
const { loadTemplateSet, renderHtml } = await import(path.join(root, 'dist/render/html/index.js'));
const { buildView } = await import(path.join(root, 'dist/model/view.js'));

const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(dir, f));
const prepared = await prepareNotices(files);
const templates = await loadTemplateSet();
const fonts = await servedFontFiles();
const items = prepared.notices.flatMap((p) => p.locales.map((locale) => ({ p, locale }))).slice(0, limit);

const profile = mkdtempSync(path.join(os.tmpdir(), 'noticekit-profile-'));
const browser = await pdf.launchBrowser(pdf.findChromium(), profile);
const page = await browser.newPage();
await page.setJavaScriptEnabled(false);
await pdf.serveOnly(page, fonts);

const steps = {};
const note = (name, ms) => (steps[name] ??= []).push(ms);
const timed = async (name, work) => {
  const t = performance.now();
  const result = await work();
  note(name, performance.now() - t);
  return result;
};
// Warm up: the first document pays for the renderer's start.
{
  const { p, locale } = items[0];
  const d = await pdf.pdfDocument(p.notice, locale, p.phrases.get(locale), templates, { paper: 'a4', timeoutMs: 30_000 });
  await page.setContent(d.html, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.pdf(pdf.pdfOptions(d.printOptions));
}
for (const { p, locale } of items) {
  const phrases = p.phrases.get(locale);
  await timed('build: view + HTML only', async () => renderHtml(buildView(p.notice, phrases), templates, { pdf: true, fontFaces: FONT_SLOT }));
  const d = await timed('build: pdfDocument (view, HTML, font rules)', () => pdf.pdfDocument(p.notice, locale, phrases, templates, { paper: 'a4', timeoutMs: 30_000 }));
  await timed('setContent (load)', () => page.setContent(d.html, { waitUntil: 'load' }));
  await timed('fonts.ready', () => page.evaluate('document.fonts.ready.then(() => true)'));
  const options = pdf.pdfOptions(d.printOptions);
  const bytes = Buffer.from(await timed('page.pdf (as built: footer in the page, tagged, outline)', () => page.pdf(options)));
  await timed('page.pdf untagged', () => page.pdf({ ...options, tagged: false }));
  await timed('page.pdf without outline', () => page.pdf({ ...options, outline: false }));
  await timed('page.pdf untagged, no outline', () => page.pdf({ ...options, tagged: false, outline: false }));
  await timed('fixPdfDates', async () => pdf.fixPdfDates(bytes, d.printOptions.date));
  // The footer as it was printed before: a footer template with its own inlined font.
  if (d.printOptions.footerInPage) {
    await page.setContent(d.html.replace(pdf.pageFooterCss(d.printOptions.title), ''), { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    const before = pdf.pdfOptions({ ...d.printOptions, footerInPage: false, footerFontCss: await footerFontCss(fontSetFor(d.printOptions.title)) });
    await timed('page.pdf, footer template with its font (before)', () => page.pdf(before));
  }
  // The same document with its fonts inlined (data: URLs) instead of served.
  const inlined = await withFontFaces(renderHtml(buildView(p.notice, phrases), templates, { pdf: true, fontFaces: FONT_SLOT }));
  await timed('setContent, fonts inlined', () => page.setContent(inlined, { waitUntil: 'load' }));
  note('document bytes (KiB), served fonts', d.html.length / 1024);
  note('PDF bytes (KiB)', bytes.byteLength / 1024);
}
await browser.close();
rmSync(profile, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${items.length} documents from ${dir}; ${pdf.findChromium()}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const [name, xs] of Object.entries(steps)) console.log(`${name.padEnd(52)} ${median(xs).toFixed(1).padStart(7)}  (mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)})`);
