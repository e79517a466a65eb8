/**
 * The character classes of the project, defined once: characters a notice must not hold, or holds
 * only with a warning (shared by the loader's check of the raw text, its check of what
 * double-quoted escapes write, its fast path, and the code frames of the report), and the wider
 * class of invisible characters a diff makes visible.
 */

/** C0 controls except tab, LF, CR; and DEL / C1 controls: errors. */
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Bidi embeddings/overrides/isolates, zero-width space, word joiner, BOM inside text: errors. */
export const HIDDEN_ERROR = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/;
/**
 * Both of the above, and the joiners and marks some scripts need (U+200C-U+200F, warnings),
 * found in one pass (global: for matchAll).
 */
export const SUSPICIOUS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
/** One character of {@link SUSPICIOUS} (not global, so `test` keeps no state). */
export const SUSPICIOUS_ONE = new RegExp(SUSPICIOUS.source);
/**
 * Every character that changes how a text reads (or makes two texts look alike) without being
 * seen: the hidden ones above and soft hyphen, Arabic letter mark, Hangul fillers, Mongolian vowel
 * separator, invisible operators. What a diff shows as `⟨U+XXXX⟩` for a reviewer (global).
 */
export const INVISIBLE = /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0]/g;
/** Half of a surrogate pair standing alone. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True if a decoded value holds a suspicious character or a lone surrogate (as an escape can write). */
export function holdsHiddenCharacter(value: string): boolean {
  return SUSPICIOUS_ONE.test(value) || LONE_SURROGATE.test(value);
}
