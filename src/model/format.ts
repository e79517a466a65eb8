/**
 * Locale-aware formatting with Intl: country names, dates, durations, lists, Markdown escaping.
 */

/** Country names by style, locale and code, with the Intl object that gives the locale's names. */
const countryNames = { long: new Map<string, RegionNames>(), short: new Map<string, RegionNames>() };
interface RegionNames {
  intl: Intl.DisplayNames;
  byCode: Map<string, string>;
}

/**
 * The name of a country in a locale, from Intl (never a hand table).
 * @param style `short` gives e.g. "ASV"/"US" where CLDR has a short form
 */
export function countryName(code: string, locale: string, style: 'long' | 'short' = 'long'): string {
  let names = countryNames[style].get(locale);
  if (!names) {
    names = { intl: new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'code' }), byCode: new Map() };
    countryNames[style].set(locale, names);
  }
  let name = names.byCode.get(code);
  if (name === undefined) {
    name = names.intl.of(code) ?? code;
    names.byCode.set(code, name);
  }
  return name;
}

/**
 * Formatted values by locale and value, as Intl wrote them (each time takes microseconds): a view
 * writes its date twice, and the notices of a locale write the same few periods.
 */
type Remembered = Map<string, Map<string, string>>;
const dates: Remembered = new Map();
const durations: Remembered = new Map();
const REMEMBERED_LIMIT = 5_000;

function remembered(memory: Remembered, locale: string, value: string, make: () => string): string {
  let texts = memory.get(locale);
  if (!texts) {
    texts = new Map();
    memory.set(locale, texts);
  }
  let text = texts.get(value);
  if (text === undefined) {
    text = make();
    if (texts.size >= REMEMBERED_LIMIT) texts.clear();
    texts.set(value, text);
  }
  return text;
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
  const text = remembered(dates, locale, isoDate, () => standaloneDate(isoDate, locale));
  if (form === 'sentence' && locale.split('-')[0]!.toLowerCase() === 'lv') return text.replace(/\p{L}+$/u, (month) => LV_LOCATIVE[month] ?? month);
  return text;
}

function standaloneDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const text = cached(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(date);
  return locale.split('-')[0]!.toLowerCase() === 'fr' && date.getUTCDate() === 1 ? text.replace(/(^|\s)1(?=\s)/u, '$11er') : text;
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
  return remembered(durations, locale, iso, () => writeDuration(iso, locale));
}

function writeDuration(iso: string, locale: string): string {
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
