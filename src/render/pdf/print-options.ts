/**
 * What noticekit hands Chromium's `page.pdf` for a document, and the clean-up of its output:
 * paper, margins, the footer (title and page numbers), tagging and outline; fixed dates and
 * renumbered structure ids so the same notice prints to the same bytes on every run.
 */
import type { PDFOptions } from 'puppeteer-core';
import { escapeHtml } from '../html/escape.js';

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
  /**
   * The document prints its own footer (its HTML holds {@link pageFooterCss}): no footer template.
   * Chromium renders a footer template apart from the page for every page, with fonts of its own
   * that it decodes again each time; that was 40% of the time of a typical PDF.
   */
  footerInPage?: boolean;
  /** @font-face CSS for the footer template (rendered apart from the page, without the page's fonts). */
  footerFontCss?: string;
}

const FOOTER_STYLE = "font-family: 'Noto Sans', sans-serif; font-size: 8pt; color: #555;";

/**
 * CSS for a footer printed by the page itself, in its bottom margin (CSS paged media margin
 * boxes): the title on the left, "page / pages" on the right, in the page's own fonts.
 * @param title plain text
 */
export function pageFooterCss(title: string): string {
  const box = `${FOOTER_STYLE} vertical-align: middle;`;
  return `@page { @bottom-left { content: ${cssString(title)}; ${box} } @bottom-right { content: counter(page) " / " counter(pages); ${box} } }`;
}

/**
 * A CSS string literal for any text, safe inside a `<style>` element: quotes, backslashes, line
 * breaks, `<`, `>` and `&` (so no `</style>` can appear) and control characters as hex escapes.
 */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>&\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
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
    ...(options.footerInPage
      ? { displayHeaderFooter: false }
      : { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: footer(options.title, options.lang, options.footerFontCss ?? '') }),
    margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
    preferCSSPageSize: false,
    tagged: true,
    outline: true,
    timeout: options.timeoutMs,
  };
}

function footer(title: string, lang: string, fontCss: string): string {
  const esc = escapeHtml;
  return `<style>${fontCss}</style><div lang="${esc(lang)}" style="${FOOTER_STYLE} width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;"><span>${esc(title)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
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
