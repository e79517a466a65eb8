/**
 * No network, proved: a canary HTTP server on 127.0.0.1 counts every request while notices whose
 * texts point at it in every way Markdown allows are built to HTML, Markdown and PDF (real
 * Chromium), while the same kinds of reference that validation refuses (images, raw <img>, <link>,
 * <iframe>) are rendered and printed anyway, bypassing validation, and while template sets that
 * point at it are refused. Links may be printed; nothing may be fetched.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNotice } from '../../src/load/read-notice.js';
import type { Notice } from '../../src/model/notice.js';
import { loadPhrasePack, Phrases } from '../../src/model/phrases.js';
import { buildView } from '../../src/model/view.js';
import { loadTemplateSet, renderHtml } from '../../src/render/html/index.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { findChromium, PdfPrinter } from '../../src/render/pdf/index.js';
import { fontFaceCss } from '../../src/render/pdf/fonts.js';
import { cli, htmlProblems, markdownProblems, pdfProblems, REFERENCE, tree } from './helpers.js';

let server: Server;
let canary = '';
const requests: string[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-canary-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.setHeader('content-type', req.url?.endsWith('.css') ? 'text/css' : 'image/png');
    res.end('body { color: red }');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  canary = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(scratch, { recursive: true, force: true });
});

/** Give a late request (a lazy image, a prefetch) time to arrive before counting. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

const TITLE_EN = '  en: Privacy notice for technical support by chat, e-mail and phone';
const DESC_EN = '      en: To provide you with support services.';
const WEB = '    web: https://www.kaspersky.com/global-privacy-policy';

/** The reference notice with texts that link to the canary in every form validation accepts. */
function linkingNotice(): string {
  const reference = readFileSync(REFERENCE, 'utf8');
  const description = [
    '      en: |',
    `        Inline [link](${canary}/inline.css) and [with a title](${canary}/titled.png "t").`,
    `        An autolink <${canary}/autolink.css> and a bare URL ${canary}/bare.css in text.`,
    `        A [reference link][r] and a [collapsed] one.`,
    '',
    `        [r]: ${canary}/reference.css`,
    `        [collapsed]: ${canary}/collapsed.png`,
  ].join('\n');
  return reference
    .replace(TITLE_EN, `  en: "Privacy notice [for support](${canary}/title.png)"`)
    .replace(DESC_EN, description)
    .replace(WEB, `    web: ${canary}/web.css`);
}

/** Texts that validation refuses, to render and print as if they had got through. */
const hostileTexts = () => [
  `![image](${canary}/image.png)`,
  `![ref image][i]\n\n[i]: ${canary}/image-ref.png`,
  `<img src="${canary}/raw-img.png">`,
  `<link rel="stylesheet" href="${canary}/raw-link.css">`,
  `<iframe src="${canary}/raw-iframe"></iframe>`,
  `<video poster="${canary}/poster.png"></video><audio src="${canary}/audio.mp3"></audio>`,
  `<style>@import url(${canary}/import.css); body { background: url(${canary}/bg.png) }</style>`,
  `<object data="${canary}/object"></object><embed src="${canary}/embed">`,
  `<svg><image href="${canary}/svg-image.png"/></svg>`,
  `<script src="${canary}/script.js"></script>`,
];

describe('no network', () => {
  it('builds HTML, Markdown and PDF from texts that link to a server without ever fetching from it', async () => {
    const file = path.join(scratch, 'linking.yaml');
    writeFileSync(file, linkingNotice());
    const out = path.join(scratch, 'out');
    const result = await cli(['build', file, '--out', out, '--formats', 'html,md,pdf', '--no-cache']);
    expect(result.code, result.stderr).toBe(0);
    await settle();
    expect(requests).toEqual([]);

    const files = tree(out);
    const html = files.get('kaspersky-technical-support/1.0/en.html')!.toString();
    // Printed as links, the way the editor wrote them.
    // Reference-style links are printed as their text in HTML; the others as links.
    for (const target of ['inline.css', 'titled.png', 'autolink.css', 'title.png', 'web.css']) expect(html).toContain(`href="${canary}/${target}"`);
    expect(htmlProblems(html)).toEqual([]);
    expect(markdownProblems(files.get('kaspersky-technical-support/1.0/en.md')!.toString())).toEqual([]);
    const pdf = files.get('kaspersky-technical-support/1.0/en.pdf')!;
    expect(pdf.toString('latin1')).toContain(`/URI (${canary}/inline.css)`);
    expect(pdfProblems(pdf)).toEqual([]);
  });

  it('never fetches images, raw HTML, styles or frames that got past validation, in HTML, Markdown or PDF', async () => {
    const reference = readFileSync(REFERENCE, 'utf8');
    const hostile = reference.replace(DESC_EN, `      en: ${JSON.stringify(hostileTexts().join('\n\n'))}`).replace(TITLE_EN, `  en: ${JSON.stringify(`Title ${hostileTexts()[0]} ${hostileTexts()[2]}`)}`);
    const loaded = loadNotice(hostile, 'hostile.yaml');
    // Loading accepts it; validation would not (raw-html, image-not-allowed): skip validation on purpose.
    expect(loaded.data).toBeDefined();
    const notice = loaded.data as Notice;
    const view = buildView(notice, new Phrases('en', (await loadPhrasePack('en'))!, notice.phrases));
    const templates = await loadTemplateSet();

    const html = renderHtml(view, templates);
    expect(htmlProblems(html)).toEqual([]);
    // The canary's URLs may survive as text (the title) or links, never as a resource to load.
    expect(html).not.toMatch(/\b(src|srcset|poster|data|background)\s*=/i);
    expect(markdownProblems(renderMarkdown(view))).toEqual([]);

    // And Chromium, given HTML that does reference the canary, blocks every request.
    const printer = new PdfPrinter(findChromium(), { pages: 1 });
    try {
      const printable = renderHtml(view, templates, { pdf: true, fontFaces: await fontFaceCss() });
      const raw = printable.replace('</main>', `${hostileTexts().join('\n')}</main>`);
      const pdf = await printer.print(raw, { paper: 'a4', title: view.titleText, lang: 'en', date: view.effectiveDate, timeoutMs: 30_000 });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await printer.close();
    }
    await settle();
    expect(requests).toEqual([]);
  });

  it('refuses template sets that reference the server, before rendering anything', async () => {
    const variants: Record<string, Record<string, string>> = {
      stylesheet: { 'partials/footer.hbs': `<footer><link rel="stylesheet" href="${canary}/t.css"></footer>\n` },
      image: { 'partials/footer.hbs': `<footer><img alt="" src="${canary}/t.png"></footer>\n` },
      background: { 'partials/styles.hbs': `body { background: url(${canary}/t-bg.png) }\n` },
      import: { 'partials/styles.hbs': `@import url(${canary}/t-import.css);\n` },
      iframe: { 'partials/footer.hbs': `<footer><iframe src="${canary}/t-frame"></iframe></footer>\n` },
      svg: { 'partials/footer.hbs': `<footer><svg><use href="${canary}/t.svg#x"/></svg></footer>\n` },
      font: { 'partials/styles.hbs': `@font-face { font-family: x; src: url("${canary}/t.woff2") }\n` },
      index: { 'index.html.hbs': `<!DOCTYPE html><html><head><link rel="icon" href="${canary}/favicon.ico"></head><body></body></html>\n` },
    };
    for (const [name, files] of Object.entries(variants)) {
      const dir = path.join(scratch, `templates-${name}`);
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
      const out = path.join(scratch, `out-${name}`);
      const result = await cli(['build', REFERENCE, '--out', out, '--formats', 'html,pdf', '--no-cache', '--templates', dir]);
      expect(result.code, `${name}: ${result.stderr}`).toBe(1);
      expect(result.stderr, name).toMatch(/template-error/);
      expect(tree(out).size, name).toBe(0);
    }
    await settle();
    expect(requests).toEqual([]);
  });
});
