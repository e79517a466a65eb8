/**
 * PDFs in tests: print a view as the build does and read the text back with pdf.js.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { NoticeView } from '../../src/model/view.js';
import { loadTemplateSet, renderHtml } from '../../src/render/html/index.js';
import { fontFaceCss } from '../../src/render/pdf/fonts.js';
import { findChromium, PdfPrinter } from '../../src/render/pdf/index.js';

/** All the text of a PDF, pages joined, white space collapsed to single spaces. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join(' '));
  }
  await doc.destroy();
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** Print one view's PDF HTML (built-in templates, fonts inlined) with a printer of its own; the text read back. */
export async function printedText(view: NoticeView): Promise<string> {
  const html = renderHtml(view, await loadTemplateSet(), { pdf: true, fontFaces: await fontFaceCss() });
  const printer = new PdfPrinter(findChromium(), { pages: 1 });
  await printer.start();
  try {
    return await pdfText(await printer.print(html, { paper: 'a4', title: view.titleText, lang: view.lang, date: view.effectiveDate, timeoutMs: 30_000 }));
  } finally {
    await printer.close();
  }
}
