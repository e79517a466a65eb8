/**
 * Locale-aware formatting with Intl: country names, dates, durations, lists, Markdown escaping.
 */

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * The name of a country in a locale, from Intl (never a hand table).
 * @param style `short` gives e.g. "ASV"/"US" where CLDR has a short form
 */
export function countryName(code: string, locale: string, style: 'long' | 'short' = 'long'): string {
  const key = `${locale}|${style}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'code' });
    displayNames.set(key, names);
  }
  return names.of(code) ?? code;
}

const formatters = new Map<string, { format(value: never): string }>();
/** One Intl formatter per locale and options (creating them is the slow part). */
function cached<T extends { format(value: never): string }>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f as T;
}

/** Latvian month names (nominative, as Intl writes them) and their locative ("in June": jūnijā). */
const LV_LOCATIVE: Record<string, string> = {
  janvāris: 'janvārī', februāris: 'februārī', marts: 'martā', aprīlis: 'aprīlī', maijs: 'maijā', jūnijs: 'jūnijā',
  jūlijs: 'jūlijā', augusts: 'augustā', septembris: 'septembrī', oktobris: 'oktobrī', novembris: 'novembrī', decembris: 'decembrī',
};

/**
 * A date (YYYY-MM-DD) written out in a locale, in the form the language's legal texts use: the
 * region's long date from Intl (`en-GB` "1 June 2021", `en-US` "June 1, 2021"), with the first of
 * the month as an ordinal in French ("1er juin 2021").
 * @param form `sentence` for a date inside a sentence ("effective ..."): Latvian then takes the
 *   locative, "stājas spēkā 2021. gada 1. jūnijā"; `standalone` (default) keeps the nominative.
 */
export function formatDate(isoDate: string, locale: string, form: 'standalone' | 'sentence' = 'standalone'): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  let text = cached(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(date);
  const lang = locale.split('-')[0]!.toLowerCase();
  if (lang === 'fr' && date.getUTCDate() === 1) text = text.replace(/(^|\s)1(?=\s)/u, '$11er');
  if (lang === 'lv' && form === 'sentence') text = text.replace(/\p{L}+$/u, (month) => LV_LOCATIVE[month] ?? month);
  return text;
}

/** Points of a paragraph in the alphabet of the official text: Greek and Bulgarian letter them in their own script. */
const POINT_LETTERS: Record<string, string[]> = {
  el: ['α', 'β', 'γ', 'δ', 'ε', 'στ', 'ζ', 'η', 'θ', 'ι'],
  bg: ['а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'й'],
};

/**
 * The letter of a point ("a" in Art. 6(1)(a)) as the official text of the locale's language writes
 * it: Greek "α", "β", ... "στ" (f); Bulgarian "а", "б", ...; Latin letters elsewhere.
 */
export function pointLetter(point: string | undefined, locale: string): string | undefined {
  if (point === undefined) return undefined;
  const letters = POINT_LETTERS[locale.split('-')[0]!.toLowerCase()];
  const index = point.charCodeAt(0) - 97;
  return letters && point.length === 1 && index >= 0 && index < letters.length ? letters[index] : point;
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** Parse an ISO 8601 duration (years, months, weeks, days) into its parts; undefined if malformed. */
export function parseDuration(iso: string): { years: number; months: number; weeks: number; days: number } | undefined {
  const m = DURATION.exec(iso);
  if (!m || iso === 'P') return undefined;
  return { years: Number(m[1] ?? 0), months: Number(m[2] ?? 0), weeks: Number(m[3] ?? 0), days: Number(m[4] ?? 0) };
}

/** An ISO 8601 duration in words: "P6M" -> "6 months" / "6 mēneši" / "6 Monate". */
export function formatDuration(iso: string, locale: string): string {
  const d = parseDuration(iso);
  if (!d) return iso;
  const parts: string[] = [];
  const units: [number, string][] = [
    [d.years, 'year'],
    [d.months, 'month'],
    [d.weeks, 'week'],
    [d.days, 'day'],
  ];
  for (const [n, unit] of units) {
    if (n > 0) parts.push(cached(`unit|${locale}|${unit}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' })).format(n));
  }
  return cached(`list-unit|${locale}`, () => new Intl.ListFormat(locale, { type: 'unit', style: 'long' })).format(parts);
}

/** "a, b or c" in the locale's words. */
export function formatOr(items: string[], locale: string): string {
  return cached(`list-or|${locale}`, () => new Intl.ListFormat(locale, { type: 'disjunction' })).format(items);
}

/** "a, b and c" in the locale's words. */
export function formatAnd(items: string[], locale: string): string {
  return cached(`list-and|${locale}`, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items);
}

/**
 * Escape plain text (a name, an address, an e-mail) so Markdown reads it literally.
 * Over-escaping is harmless: the Markdown output is re-serialised by remark-stringify, which keeps
 * only the escapes that are needed.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>!&#+\-=|~{}()]/g, '\\$&').replace(/^(\d+)\./, '$1\\.');
}

/** Text direction of a locale. */
export function direction(locale: string): 'ltr' | 'rtl' {
  const lang = locale.split('-')[0];
  return ['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'dv', 'sd', 'ug', 'ckb'].includes(lang ?? '') ? 'rtl' : 'ltr';
}
