/**
 * Vague-wording patterns per language, read from `data/vague-wording.json`, compiled once.
 */
import data from '../data/vague-wording.json' with { type: 'json' };
import { languageOf } from './notice.js';

/** The pattern lists of `data/vague-wording.json`. */
export type WordingList = 'qualifiers' | 'retention' | 'checkRegularly' | 'genericRecipients';

const cache = new Map<string, RegExp | null>();

/**
 * The compiled pattern of one list for one locale (whole words, case-insensitive), or undefined
 * when the data file has no patterns for the locale's language.
 * @param list which list
 * @param locale BCP 47 tag; only its language is used (`de-AT` uses `de`)
 * @param whole match the whole text (anchored) rather than anywhere in it
 */
export function wordingPattern(list: WordingList, locale: string, whole = false): RegExp | undefined {
  const lang = languageOf(locale);
  const cacheKey = `${list}|${lang}|${whole}`;
  if (!cache.has(cacheKey)) {
    const sources = (data[list] as Record<string, unknown>)[lang];
    if (!Array.isArray(sources) || sources.length === 0) cache.set(cacheKey, null);
    else {
      const body = `(?:${(sources as string[]).join('|')})`;
      // \b does not know Latvian or German letters; use Unicode letter classes instead.
      const source = whole ? `^\\s*${body}\\s*\\.?\\s*$` : `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`;
      cache.set(cacheKey, new RegExp(source, 'giu'));
    }
  }
  return cache.get(cacheKey) ?? undefined;
}

/**
 * Every match of a list's patterns in a text.
 * @returns the matched strings, in order
 */
export function findWording(list: WordingList, locale: string, text: string): string[] {
  const re = wordingPattern(list, locale);
  if (!re) return [];
  re.lastIndex = 0;
  return [...text.matchAll(re)].map((m) => m[0]);
}

/** True when the whole text is one of the list's phrases (e.g. a recipient described as `Third parties.`). */
export function isWholly(list: WordingList, locale: string, text: string): boolean {
  const re = wordingPattern(list, locale, true);
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(text);
}
