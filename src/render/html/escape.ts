/**
 * The one HTML escape of the toolkit's renderers (templates, Markdown fields, the PDF footer).
 */

/** Escape text for HTML content and attribute values: `& < > " '`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
