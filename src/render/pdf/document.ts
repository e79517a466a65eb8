/**
 * The document a build prints for one notice in one locale: its HTML (with the fonts it needs)
 * and its print options (footer title and fonts, date, paper). The bench prints the same documents
 * in a bare loop to measure the floor.
 */
import type { Notice } from '../../model/notice.js';
import type { Phrases } from '../../model/phrases.js';
import { buildView, plainTitle, titleOf } from '../../model/view.js';
import { renderHtml, type TemplateSet } from '../html/index.js';
import { FONT_ORIGIN, FONT_SLOT, fontFaceCss, fontSetFor, footerFontCss, servedFontFaceCss } from './fonts.js';
import { pageFooterCss, type PrintOptions } from './print-options.js';

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
  const printOptions: PrintOptions = { paper: options.paper, title, lang: locale, date: notice.effectiveDate, timeoutMs: options.timeoutMs };
  const at = rendered.indexOf(FONT_SLOT);
  if (at < 0) {
    // A template without {{fontFaces}}: no fonts of ours in the page, the footer is a template
    // with its own font.
    return { html: rendered, printOptions: { ...printOptions, footerFontCss: await footerFontCss(fontSetFor(title)) } };
  }
  // The footer is printed by the page, in the page's fonts, from CSS put where the fonts go.
  const csp = /http-equiv="Content-Security-Policy"[^>]*/i.exec(rendered)?.[0];
  const set = fontSetFor(rendered);
  const fonts = !csp || csp.includes(new URL(FONT_ORIGIN).host) ? await servedFontFaceCss(set) : await fontFaceCss(set);
  const html = `${rendered.slice(0, at)}${fonts}\n${pageFooterCss(title)}${rendered.slice(at + FONT_SLOT.length)}`;
  return { html, printOptions: { ...printOptions, footerInPage: true } };
}
