/**
 * The document a build prints for one notice in one locale: its HTML (with the fonts it needs)
 * and its print options (footer title and fonts, date, paper). The bench prints the same documents
 * in a bare loop to measure the floor.
 */
import type { Notice } from '../../model/notice.js';
import type { Phrases } from '../../model/phrases.js';
import { buildView, plainTitle, titleOf } from '../../model/view.js';
import { renderHtml, type TemplateSet } from '../html/index.js';
import { FONT_ORIGIN, FONT_SLOT, fontSetFor, footerFontCss, withFontFaces, withServedFontFaces } from './fonts.js';
import type { PrintOptions } from './print-options.js';

/** One document ready for `PdfPrinter.print`. */
export interface PdfDocument {
  html: string;
  printOptions: PrintOptions;
}

/**
 * Make the HTML and print options of one PDF.
 * @param phrases the phrases of `locale` for this notice
 */
export async function pdfDocument(
  notice: Notice,
  locale: string,
  phrases: Phrases,
  templates: TemplateSet,
  options: { paper: 'a4' | 'letter'; timeoutMs: number },
): Promise<PdfDocument> {
  const view = buildView(notice, phrases);
  const title = plainTitle(titleOf(notice, locale));
  // Each document (and footer) gets the smaller Latin font files unless its text needs Greek or
  // Cyrillic: the HTML is rendered with a slot that becomes the fonts it needs.
  // The page's fonts are served by the printer (PdfPrinter.serve, servedFontFiles), not inlined,
  // when the document's Content-Security-Policy lets it load them (the built-in template does for
  // PDF); a custom template whose policy allows only data: fonts gets them inlined.
  const rendered = renderHtml(view, templates, { pdf: true, fontFaces: FONT_SLOT });
  const csp = /http-equiv="Content-Security-Policy"[^>]*/i.exec(rendered)?.[0];
  const html = !csp || csp.includes(new URL(FONT_ORIGIN).host) ? await withServedFontFaces(rendered) : await withFontFaces(rendered);
  const footerFonts = await footerFontCss(fontSetFor(title));
  return { html, printOptions: { paper: options.paper, title, lang: locale, date: notice.effectiveDate, timeoutMs: options.timeoutMs, footerFontCss: footerFonts } };
}
