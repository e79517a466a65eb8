/**
 * Check `locales`: every tag a known language with a phrase pack, `sourceLocale` among them.
 */
import { hasPhrasePack } from '../../model/phrases.js';
import type { CheckFinding, ValidationCheck } from '../types.js';

/** The form the schema's Locale pattern allows. */
const LOCALE_FORM = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * Whether a declared tag names a real language: `form` when the schema already reports its form
 * (so nothing more is said), else true or false.
 */
export function languageTagState(tag: string): 'form' | boolean {
  if (!LOCALE_FORM.test(tag)) return 'form';
  // Asking Intl is slow and every notice declares the same few tags: each answer is kept.
  let state = tagStates.get(tag);
  if (state === undefined) {
    try {
      state = Intl.getCanonicalLocales(tag).length === 1 && languageNames.of(tag.split('-')[0]!) !== undefined;
    } catch {
      state = false;
    }
    if (tagStates.size < MAX_KEPT_TAGS) tagStates.set(tag, state);
  }
  return state;
}

/** Answers of {@link languageTagState} kept, at most {@link MAX_KEPT_TAGS} (tags are hostile input). */
const tagStates = new Map<string, boolean>();
const MAX_KEPT_TAGS = 1000;

/** Check `locales-known`. */
export const localesKnown: ValidationCheck = {
  id: 'locales-known',
  codes: ['invalid-locale', 'missing-phrase-pack', 'undeclared-locale'],
  summary: 'Every declared locale is a known language with a phrase pack; sourceLocale is declared.',
  check({ data, declaredLocales, templatesDir }) {
    const out: CheckFinding[] = [];
    // A tag repeated (a hostile list of 50,000 'lv') is looked up once: the pack lookup touches the disk.
    const states = new Map<string, ['form' | boolean, boolean]>();
    const stateOf = (tag: string): ['form' | boolean, boolean] => {
      let known = states.get(tag);
      if (!known) {
        const state = languageTagState(tag);
        known = [state, state === true && hasPhrasePack(tag, templatesDir)];
        states.set(tag, known);
      }
      return known;
    };
    declaredLocales.forEach((tag, i) => {
      const [state, hasPack] = stateOf(tag);
      if (state === 'form') return;
      if (!state) {
        out.push({ code: 'invalid-locale', message: `'${tag}' is not a known language tag; use one such as 'en', 'lv' or 'de-AT'.`, path: ['locales', i] });
      } else if (!hasPack) {
        // Reported here, at the locale, not by a build at the end: a regional tag is served by its
        // language's pack (de-AT by de), so only a language without any pack is missing.
        out.push({ code: 'missing-phrase-pack', message: `There is no phrase pack for '${tag}' (templates/locales/${tag.split('-')[0]}.yaml); add one (or give build a --templates folder that has one), or remove '${tag}' from locales.`, path: ['locales', i] });
      }
    });
    const declared = new Set(declaredLocales);
    if (typeof data.sourceLocale === 'string' && declaredLocales.length > 0 && !declared.has(data.sourceLocale)) {
      out.push({ code: 'undeclared-locale', message: `sourceLocale '${data.sourceLocale}' is not in locales (${declaredLocales.join(', ')}); add it there or correct it.`, path: ['sourceLocale'] });
    }
    return out;
  },
};
