/**
 * HTML output, checked by parsing it (parse5), and accessibility with axe-core in real Chromium.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'parse5';
import { attr, elements, text, type Element, type Node } from '../helpers/html.js';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadTemplateSet, markdownToHtml, renderHtml } from '../../src/render/html/index.js';
import { escapedPlainText, isPlainParagraph, markdownToHtmlParsed } from '../../src/render/html/markdown-to-html.js';
import { escapeMarkdown } from '../../src/model/format.js';
import { CHROMIUM_ARGS } from '../../src/render/pdf/browser.js';
import { findChromium, PRAXIS, REFERENCE, viewOf } from './helpers.js';
import { cpuClock } from '../helpers/cpu-clock.js';


async function html(file: string, locale: string): Promise<string> {
  return renderHtml(await viewOf(file, locale), await loadTemplateSet());
}

describe('HTML', () => {
  it('is a self-contained document with lang, sections keyed by clause id, a table of contents and no script', async () => {
    const doc = parse(await html(REFERENCE, 'lv'));
    const all = elements(doc);
    const root = all.find((e) => e.tagName === 'html')!;
    expect(attr(root, 'lang')).toBe('lv');
    expect(all.filter((e) => e.tagName === 'script')).toHaveLength(0);
    // No external resources: no link, img, iframe; no src/href leaving the page except safe links.
    expect(all.filter((e) => ['link', 'img', 'iframe', 'object', 'embed'].includes(e.tagName))).toHaveLength(0);
    for (const a of all.filter((e) => e.tagName === 'a')) expect(attr(a, 'href')).toMatch(/^(#|https:|mailto:|tel:)/);
    const ids = all.map((e) => attr(e, 'id')).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['controller', 'transfers', 'retention', 'rights', 'exercise', 'complaints', 'support', 'phone', 'group-scc', 'switzerland']) expect(ids).toContain(id);
    const sectionIds = all.filter((e) => e.tagName === 'section').map((e) => attr(e, 'id'));
    const tocTargets = all.filter((e) => e.tagName === 'nav').flatMap((nav) => elements(nav)).filter((e) => e.tagName === 'a').map((a) => attr(a, 'href')!.slice(1));
    expect(tocTargets.length).toBeGreaterThan(8);
    for (const target of tocTargets) expect(sectionIds).toContain(target);
    const csp = all.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy');
    expect(attr(csp!, 'content')).toContain("default-src 'none'");
    expect(text(doc)).toContain('Versija 1.0, stājas spēkā 2021. gada 1. jūnijā.');
  });

  it('uses tables for recipients and transfers', async () => {
    const all = elements(parse(await html(PRAXIS, 'de')));
    const tables = all.filter((e) => e.tagName === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    const transfers = tables.find((t) => elements(t).some((r) => attr(r, 'id') === 'united-states'));
    expect(transfers).toBeDefined();
    expect(text(transfers!)).toContain('Vereinigte Staaten');
  });

  it('has a print stylesheet', async () => {
    expect(await html(PRAXIS, 'en')).toMatch(/@media print/);
  });

  it('keeps Markdown links and emphasis but never raw HTML or unsafe URLs', () => {
    expect(markdownToHtml('*a* **b** [c](https://example.com)')).toBe('<p><em>a</em> <strong>b</strong> <a href="https://example.com">c</a></p>');
    const hostile = markdownToHtml('x <script>alert(1)</script> [y](javascript:alert(1)) ![i](https://evil.example/p.png) <img src=x onerror=alert(1)> [z](data:text/html,hi)');
    expect(hostile).not.toMatch(/<script|javascript:|<img|onerror|data:|evil\.example/);
    expect(hostile).toContain('y');
    expect(markdownToHtml('a & b < c "d"')).toBe('<p>a &amp; b &lt; c &quot;d&quot;</p>');
  });

  it('links references to the definitions of the same text, with the same URL rule, and never prints a definition', () => {
    const links = (markdown: string) =>
      elements(parse(`<body>${markdownToHtml(markdown)}</body>`))
        .filter((el) => el.tagName === 'a')
        .map((a) => [attr(a, 'href'), text(a)]);
    const texts = 'See [the policy][p], [P] and [p][] or [q].\n\n[p]: https://example.com/privacy\n[q]: mailto:dpo@example.com';
    expect(links(texts)).toEqual([
      ['https://example.com/privacy', 'the policy'],
      ['https://example.com/privacy', 'P'],
      ['https://example.com/privacy', 'p'],
      ['mailto:dpo@example.com', 'q'],
    ]);
    expect(markdownToHtml(texts)).not.toContain('example.com/privacy\n');
    expect(text(parse(markdownToHtml(texts)))).not.toContain('[p]:');
    // An unsafe definition gives text, not a link; an undefined label stays as written.
    const unsafe = markdownToHtml('Click [here][x] or [there][none].\n\n[x]: javascript:alert(1)');
    expect(links('Click [here][x].\n\n[x]: javascript:alert(1)')).toEqual([]);
    expect(unsafe).not.toContain('javascript:');
    expect(text(parse(unsafe))).toContain('here');
    expect(text(parse(unsafe))).toContain('[there][none]');
  });

  it('prints plain one-line texts without the parser exactly as the parser would (a no-break space at either end stays)', () => {
    const alphabet = fc.constantFrom(...'ab Ā ž 1 2 . , ; : ( ) # - + = ~ * _ ` [ ] < > ! & \\ " \' / ? \t'.split(' '), ' ', '  ', '    ', 'ä', '\n', '\u00a0');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }).map((a) => a.join('')), fc.boolean(), (text, inline) => {
        if (isPlainParagraph(text)) expect(markdownToHtml(text, inline)).toBe(markdownToHtmlParsed(text, inline));
      }),
      { numRuns: 3000 },
    );
    expect(isPlainParagraph('Vārds, uzvārds')).toBe(true);
    expect(isPlainParagraph('1. daļa')).toBe(false);
    expect(isPlainParagraph('- item')).toBe(false);
  });

  it('prints backslash-escaped plain texts (the index page\'s titles) without the parser exactly as the parser would', () => {
    const alphabet = fc.constantFrom(...'ab Ā 1 . , ; : ( ) # - + = ~ * _ ` [ ] < > ! & \\ \\\\ \\( \\* \\a " \' / ? { } | @ ^ $ % \t'.split(' '), ' ', '    ', 'ä', '\n');
    const texts = fc.array(alphabet, { maxLength: 12 }).map((a) => a.join(''));
    let fast = 0;
    fc.assert(
      fc.property(fc.oneof(texts, texts.map(escapeMarkdown)), fc.boolean(), (text, inline) => {
        if (escapedPlainText(text) === undefined) return;
        fast++;
        expect(markdownToHtml(text, inline)).toBe(markdownToHtmlParsed(text, inline));
      }),
      { numRuns: 4000 },
    );
    expect(fast).toBeGreaterThan(1000);
    const title = escapeMarkdown('Datenschutzhinweise (Praxisportal) - Termine & Video #2');
    expect(escapedPlainText(title)).toBe('Datenschutzhinweise (Praxisportal) - Termine & Video #2');
    expect(markdownToHtml(title, true)).toBe(markdownToHtmlParsed(title, true));
    expect(escapedPlainText('a \\q b')).toBeUndefined(); // not punctuation: the backslash is text, the parser decides
  });

  it('renders pathological Markdown inert and in bounded time', () => {
    const cpuMs = cpuClock();
    const out = markdownToHtml(`${'>'.repeat(5000)} deep ${'*a'.repeat(5000)}`);
    expect(cpuMs()).toBeLessThan(5000);
    expect(out).not.toMatch(/<script/);
  });

  it('has no axe-core accessibility violations in Chromium', async () => {
    const require = createRequire(import.meta.url);
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const browser = await puppeteer.launch({ executablePath: findChromium(), pipe: true, args: CHROMIUM_ARGS });
    try {
      for (const [file, locale] of [[REFERENCE, 'lv'], [PRAXIS, 'de'], [PRAXIS, 'en']] as const) {
        const page = await browser.newPage();
        await page.setBypassCSP(true);
        await page.setContent(await html(file, locale), { waitUntil: 'load' });
        await page.addScriptTag({ content: axeSource });
        const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as { violations: { id: string; nodes: unknown[] }[] };
        expect(result.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
