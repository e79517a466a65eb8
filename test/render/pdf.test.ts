/**
 * PDF output in real Chromium: the text read back from the PDF, tagging, outline, fixed dates,
 * byte-identical repeat prints, and isolation (no network, no JavaScript).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplateSet, renderHtml } from '../../src/render/html/index.js';
import { findChromium, pdfDocument, PdfPrinter, type PrintOptions } from '../../src/render/pdf/index.js';
import { loadPhrasePack, Phrases } from '../../src/model/phrases.js';
import { checkNoticeFile } from '../../src/validate/index.js';
import { FONT_ORIGIN, FONT_SLOT, fontFaceCss, servedFontFiles, withServedFontFaces } from '../../src/render/pdf/fonts.js';
import { PRAXIS, REFERENCE, viewOf } from './helpers.js';

let printer: PdfPrinter;
beforeAll(async () => {
  printer = new PdfPrinter(findChromium(), { pages: 2 });
  await printer.start();
});
afterAll(() => printer.close());

async function pdfOf(file: string, locale: string, paper: 'a4' | 'letter' = 'a4'): Promise<Buffer> {
  const view = await viewOf(file, locale);
  const html = renderHtml(view, await loadTemplateSet(), { pdf: true, fontFaces: await fontFaceCss() });
  const options: PrintOptions = { paper, title: view.titleText, lang: locale, date: view.effectiveDate, timeoutMs: 30_000 };
  return printer.print(html, options);
}

/** Text of every page, read back with pdf.js (items joined as the PDF places them). */
async function pdfText(pdf: Buffer): Promise<{ pages: string[]; outline: string[]; tagged: boolean; info: Record<string, unknown>; size: number[] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  let size: number[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    if (i === 1) size = page.view.slice(2);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  type Entry = { title: string; items: Entry[] };
  const flatten = (entries: Entry[]): string[] => entries.flatMap((o) => [o.title, ...flatten(o.items ?? [])]);
  const outline = flatten(((await doc.getOutline()) ?? []) as Entry[]);
  const markInfo = await doc.getMarkInfo();
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return { pages, outline, tagged: Boolean(markInfo?.Marked), info: info as Record<string, unknown>, size };
}

describe('PDF', () => {
  it('holds the Latvian text with its diacritics, a bookmark per section, tags and page numbers', async () => {
    const { pages, outline, tagged, size } = await pdfText(await pdfOf(REFERENCE, 'lv'));
    const all = pages.join('\n').replace(/\s+/g, ' ');
    for (const word of ['Paziņojums', 'konfidencialitāti', 'tērzēšanu', 'Vācija', 'Grieķija', 'dzīvu', 'ģeogrāfiskā', 'Krievijas Federācija', 'pieņemšana', 'Šveice']) {
      expect(all).toContain(word);
    }
    expect(tagged).toBe(true);
    expect(outline).toEqual(expect.arrayContaining(['Informācija par datu pārzini', 'Datu pārsūtīšana uz ārzemēm', 'Sūdzības']));
    // Footer: "1 / N" on the first page.
    expect(pages[0]).toMatch(new RegExp(`1 / ${pages.length}`));
    expect(Math.round(size[0]!)).toBe(596); // A4 width in points
  });

  it('prints German and Cyrillic/Greek glyphs from the embedded font', async () => {
    const { pages } = await pdfText(await pdfOf(PRAXIS, 'de'));
    expect(pages.join(' ')).toMatch(/Übermittlung|Empfänger|Straße/);
    const view = await viewOf(PRAXIS, 'de');
    view.intro = 'Кириллица — Ελληνικά — Ģirts Ļaudis';
    const html = renderHtml(view, await loadTemplateSet(), { pdf: true, fontFaces: await fontFaceCss() });
    const pdf = await printer.print(html, { paper: 'a4', title: 't', lang: 'de', date: '2025-01-01', timeoutMs: 30_000 });
    const text = (await pdfText(pdf)).pages.join(' ');
    expect(text).toContain('Кириллица');
    expect(text).toContain('Ελληνικά');
    expect(pdf.toString('latin1')).toMatch(/NotoSans/);
  });

  it('prints in Noto Sans from font files the printer serves by URL, the same bytes each time, and nothing else is answered', async () => {
    const served = new PdfPrinter(findChromium(), { pages: 2 });
    served.serve(await servedFontFiles());
    try {
      const view = await viewOf(PRAXIS, 'de');
      view.intro = 'Кириллица — Ελληνικά — Ģirts Ļaudis';
      const html = await withServedFontFaces(renderHtml(view, await loadTemplateSet(), { pdf: true, fontFaces: FONT_SLOT }));
      expect(html).toContain(FONT_ORIGIN);
      expect(html).not.toContain('data:font/woff2');
      const options: PrintOptions = { paper: 'a4', title: 't', lang: 'de', date: '2025-01-01', timeoutMs: 30_000 };
      const pdf = await served.print(html, options);
      const fonts = [...pdf.toString('latin1').matchAll(/FontName \/[A-Z]+\+([A-Za-z-]+)/g)].map((m) => m[1]!);
      expect(fonts).toEqual(expect.arrayContaining(['NotoSans-Regular', 'NotoSans-Bold']));
      const text = (await pdfText(pdf)).pages.join(' ');
      expect(text).toContain('Кириллица');
      expect(text).toContain('Ελληνικά');
      expect((await served.print(html, options)).equals(pdf)).toBe(true);
      // A URL under the same origin that is not one of the files is aborted: the text falls back.
      const unknown = html.replaceAll(FONT_ORIGIN, `${FONT_ORIGIN}missing-`);
      const fallback = [...(await served.print(unknown, options)).toString('latin1').matchAll(/FontName \/[A-Z]+\+([A-Za-z-]+)/g)].map((m) => m[1]!);
      expect(fallback.some((f) => f.startsWith('NotoSans-Bold'))).toBe(false);
    } finally {
      await served.close();
    }
  });

  it('is byte-identical on a repeat print and dated to the effective date', async () => {
    const a = await pdfOf(REFERENCE, 'en');
    const b = await pdfOf(REFERENCE, 'en');
    expect(a.equals(b)).toBe(true);
    const { info } = await pdfText(a);
    expect(String(info.CreationDate)).toMatch(/^D:20210601000000/);
  });

  it('prints US Letter on request', async () => {
    const { size } = await pdfText(await pdfOf(PRAXIS, 'en', 'letter'));
    expect(Math.round(size[0]!)).toBe(612);
  });

  it('never fetches anything and never runs script, even when the HTML asks to', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('body { color: red }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html = `<!DOCTYPE html><html lang="en"><head><title>x</title><link rel="stylesheet" href="${url}/a.css"><style>@import url(${url}/b.css); body { background: url(${url}/c.png) }</style></head>
        <body><img src="${url}/d.png"><iframe src="${url}/e"></iframe><script>document.body.append('SCRIPT-RAN')</script><p>static</p>
        <img src="file:///etc/passwd"></body></html>`;
      const pdf = await printer.print(html, { paper: 'a4', title: 'x', lang: 'en', date: '2025-01-01', timeoutMs: 30_000 });
      const text = (await pdfText(pdf)).pages.join(' ');
      expect(text).toContain('static');
      expect(text).not.toContain('SCRIPT-RAN');
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('gives up on a document that takes longer than its timeout', async () => {
    const huge = `<!DOCTYPE html><html lang="en"><body>${'<p>word </p>'.repeat(200_000)}</body></html>`;
    await expect(printer.print(huge, { paper: 'a4', title: 'x', lang: 'en', date: '2025-01-01', timeoutMs: 200 })).rejects.toThrow(/longer than 200 ms|timeout|Timed out/i);
  });

  it('replaces the browser after its share of documents, in the middle of concurrent prints, and keeps printing', async () => {
    // Replacing a healthy browser is not a crash: a limit of one crash launch does not stop it.
    const small = new PdfPrinter(findChromium(), { pages: 2, crashRelaunches: 0, browserReuse: 3 });
    try {
      const view = await viewOf(PRAXIS, 'en');
      const html = renderHtml(view, await loadTemplateSet(), { pdf: true, fontFaces: await fontFaceCss() });
      const options: PrintOptions = { paper: 'a4', title: view.titleText, lang: 'en', date: view.effectiveDate, timeoutMs: 30_000 };
      const pdfs = await Promise.all(Array.from({ length: 8 }, () => small.print(html, options)));
      // 8 documents, 3 per browser: three browsers.
      expect(small.launchCount).toBe(3);
      // Same bytes from every browser, and real text in them.
      expect(new Set(pdfs.map((p) => p.toString('base64'))).size).toBe(1);
      expect((await pdfText(pdfs[7]!)).pages.join(' ')).toContain(view.titleText);
    } finally {
      await small.close();
    }
  });

  it('prints the footer from the page itself (title and page / pages on every page, in Noto Sans), safe for any title', async () => {
    const checked = await checkNoticeFile(PRAXIS);
    const notice = checked.notice!;
    // A title that would break out of a CSS string or the <style> element if it were not escaped.
    const title = 'Praxis "Nord" \\ </style><p>injected</p> & more';
    const hostile = { ...notice, title: { ...notice.title, en: title } };
    const phrases = new Phrases('en', (await loadPhrasePack('en'))!, notice.phrases);
    const { html, printOptions } = await pdfDocument(hostile, 'en', phrases, await loadTemplateSet(), { paper: 'a4', timeoutMs: 30_000 });
    expect(printOptions.footerInPage).toBe(true);
    expect(html).not.toContain('</style><p>injected');
    const served = new PdfPrinter(findChromium(), { pages: 1 });
    served.serve(await servedFontFiles());
    try {
      const pdf = await served.print(html, printOptions);
      const { pages } = await pdfText(pdf);
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((page, i) => {
        expect(page).toContain(`${i + 1} / ${pages.length}`);
        // (The footer's title is plain text: Markdown marks such as the backslash are dropped.)
        expect(page.replace(/\s+/g, ' ')).toContain('Praxis "Nord" </style><p>injected</p> & more');
      });
      // The footer's text is in the page's font: no fallback font is embedded.
      expect(pdf.toString('latin1').match(/\/BaseFont\s*\/[A-Z]{6}\+([\w-]+)/g)?.every((f) => /NotoSans/.test(f))).toBe(true);
    } finally {
      await served.close();
    }
  });

  it('closed while its browser is still starting, leaves no browser running', async () => {
    const early = new PdfPrinter(findChromium(), { pages: 1 });
    const starting = early.start();
    let settled = false;
    starting.catch(() => undefined).finally(() => (settled = true));
    // close() resolves once the starting browser is closed and its profile removed, by its launch
    // (a close that removed the profile itself raced Chromium writing into it: ENOTEMPTY).
    await early.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(true);
    await expect(starting).rejects.toThrow(/closed/);
    expect(early.connected).toBe(false);
    expect(early.launchCount).toBe(0);
    // Not given up: it prints when asked again, and closes.
    const view = await viewOf(PRAXIS, 'en');
    const html = renderHtml(view, await loadTemplateSet(), { pdf: true, fontFaces: await fontFaceCss() });
    const bytes = await early.print(html, { paper: 'a4', title: view.titleText, lang: 'en', date: view.effectiveDate, timeoutMs: 30_000 });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await early.close();
    expect(early.connected).toBe(false);
  });
});
