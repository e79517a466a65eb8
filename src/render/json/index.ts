/**
 * Machine-readable output: the notice as plain JSON and as JSON-LD in the W3C Data Privacy
 * Vocabulary. Both are written per locale, like every other format of a build
 * (`<id>/<version>/<locale>.json`, `.jsonld`): each holds the notice with its texts in that locale
 * only, so a reader of `en.json` gets what `en.html` says.
 */
import type { Notice } from '../../model/notice.js';
import { walkNotice } from '../../notice/schema.js';

export { renderJsonLd, dpvTermProblems, dpvTermDiagnostics, type DpvTermProblem } from './jsonld.js';
export { DPV_NAMESPACES, DPV_ORIGIN, dpvLabel, isDpvPurpose, isKnownDpvIri, expandDpvTerm } from './dpv-terms.js';

/**
 * The validated notice as JSON with every text (`Text` in the schema: `{en: ..., lv: ...}`)
 * narrowed to one locale (`{en: ...}`); every other key as validated. Keys the notice leaves out
 * stay out (a not-stated value is absent, never null).
 * @param locale one of `notice.locales`
 */
export function renderJson(notice: Notice, locale: string): string {
  return `${JSON.stringify(narrowTexts(notice, locale), null, 2)}\n`;
}

/** A deep copy of the notice with each text holding only `locale`. */
export function narrowTexts(notice: Notice, locale: string): Notice {
  const texts = new Set<unknown>();
  walkNotice(notice, (entry) => {
    if (entry.def === 'Text') texts.add(entry.value);
  });
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (value === null || typeof value !== 'object') return value;
    if (texts.has(value)) {
      const text = (value as Record<string, string>)[locale];
      return text === undefined ? {} : { [locale]: text };
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  };
  return copy(notice) as Notice;
}
