/**
 * The one HTML escape of the toolkit's renderers (templates, Markdown fields, the PDF footer).
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** Escape text for HTML content and attribute values: `& < > " '`. */
export function escapeHtml(text: string): string {
  // Most texts have none of these: testing is cheaper than replacing.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (ch) => ENTITIES[ch]!) : text;
}
