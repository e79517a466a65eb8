/**
 * PDF output: find and launch Chromium, make a notice's printable document, print it.
 */
export { CHROMIUM_ARGS, findChromium, launchBrowser, NoBrowserError, serveOnly } from './browser.js';
export { pdfDocument, type PdfDocument } from './document.js';
export { fixPdfDates, pageFooterCss, pdfOptions, type PrintOptions } from './print-options.js';
export { BROWSER_REUSE, PAGE_REUSE, PdfPrinter, PrintError, type PrinterOptions } from './printer.js';
