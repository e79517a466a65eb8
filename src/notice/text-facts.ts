/**
 * Facts that hide in free text: e-mail addresses, URLs, phone numbers, numbers and dates,
 * durations, negations, modal verbs, country names (from `Intl.DisplayNames`), organisation-like
 * proper nouns and GDPR article citations. Shared by the diff (whether a text change can be
 * editorial, and what it adds) and the `facts-in-text` lint rule (facts that belong in a field).
 */
import { isWord, lang, MODALS, NEGATIONS, TIME_WORDS, tokenize } from './words.js';

const UNIT_PATTERN =
  'hours?|days?|weeks?|months?|years?|Stunden?|Tagen?|Tage|Wochen?|Monaten?|Monate|Jahren?|Jahre|heures?|jours?|semaines?|mois|ans|années?|horas?|días?|semanas?|mes(?:es)?|años?|ore|giorni|settimane|mesi|anni|dagen|weken|maanden|jaren|jaar|dienas|dienām|mēneš\\p{L}*|gad\\p{L}*';
const NUMBER_WORD = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|zwei|drei|vier|fünf|sechs|zehn|zwölf|deux|trois|quatre|cinq|six|dix|douze|dos|tres|cinco|seis|diez|doce|due|tre|cinque|dieci|dodici';
const DURATION = new RegExp(`(?<![\\p{L}\\p{N}])(?:\\d+(?:[.,]\\d+)?|${NUMBER_WORD})(?:\\s|-)*(?:${UNIT_PATTERN})(?![\\p{L}])`, 'giu');
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"']+[^\s<>()"'.,;:!?]/giu;
const PHONE = /(?<![\p{L}\p{N}])(?:\+|00)\d[\d ()./-]{6,}\d(?![\p{N}])|(?<![\p{L}\p{N}+])0\d{2,5}[ /-]\d[\d -]{4,}\d(?![\p{N}])/gu;
const NUMBER = /\p{N}+(?:[.,:/-]\p{N}+)*/gu;
const GDPR_CITATION = /(?<![\p{L}])(?:art(?:icle|ikel|ículo|icolo|s)?\.?|§)\s*\d+[^\n;]{0,30}?(?<![\p{L}])(?:GDPR|DSGVO|DS-GVO|RGPD|AVG|VDAR)(?![\p{L}])/giu;
const LEGAL_FORM = /^(?:GmbH|AG|KG|SE|Inc|Ltd|LLC|LLP|PLC|plc|SAS|SASU|SARL|SA|S\.A|SpA|S\.p\.A|Srl|BV|B\.V|NV|N\.V|AB|AS|A\/S|Oy|Corp|Corporation|Limited|Co|SIA|UAB|OÜ)\.?$/;
const ACRONYMS_NOT_NAMES = new Set(['GDPR', 'DSGVO', 'RGPD', 'AVG', 'EU', 'EEA', 'EWR', 'UE', 'EEE', 'URL', 'ID', 'IP', 'PDF', 'SMS', 'FAQ', 'OK', 'CNIL', 'UK', 'USA', 'US']);

/** Region codes that are no country of today (groupings, reserved or withdrawn codes such as DD, the former GDR). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'DD', 'FX', 'YU', 'ZR', 'CS', 'TP', 'BU', 'SU', 'AN', 'NT', 'QU', 'XA', 'XB']);

/** Country names of one language: key (see {@link keyOf}), ISO code and number of words, in code order. */
const regionNamesCache = new Map<string, [key: string, code: string, words: number][]>();
const countryCache = new Map<string, CountryNames>();

export interface CountryNames {
  names: Map<string, string>;
  /** The most words a name has. */
  maxWords: number;
  /** The first word of each name (as in its key) with the most words a name starting with it has. */
  firstWords: Map<string, number>;
}

/** A name as looked up: lower case, runs of white space as one space. */
const keyOf = (name: string) => name.toLowerCase().replace(/\s+/g, ' ');
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The country names `Intl.DisplayNames` gives in one language (none when it knows no such language). */
function regionNames(language: string): [key: string, code: string, words: number][] {
  let found = regionNamesCache.get(language);
  if (found) return found;
  found = [];
  regionNamesCache.set(language, found);
  let display: Intl.DisplayNames;
  try {
    display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  } catch {
    return found;
  }
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let name: string | undefined;
      try {
        name = display.of(code);
      } catch {
        name = undefined;
      }
      if (!name || name === code || NOT_COUNTRIES.has(code)) continue;
      found.push([keyOf(name), code, name.match(WORD)?.length ?? 1]);
    }
  }
  return found;
}

/**
 * Country names in a language (and in English), from `Intl.DisplayNames`, keyed by {@link keyOf};
 * with the most words a name has. (A table, not one large regex: compiling a regex of some 600
 * names took ~45 ms a language, and a notice may declare dozens.)
 * @param locale BCP 47 tag of the text
 */
export function countryMatcher(locale: string): CountryNames {
  const key = lang(locale);
  let found = countryCache.get(key);
  if (found) return found;
  const names = new Map<string, string>();
  let maxWords = 1;
  for (const loc of [...new Set([key, 'en'])]) {
    for (const [name, code, words] of regionNames(loc)) {
      if (!names.has(name)) names.set(name, code);
      maxWords = Math.max(maxWords, words);
    }
  }
  const firstWords = new Map<string, number>();
  for (const name of names.keys()) {
    const words = name.match(WORD);
    if (words) firstWords.set(words[0], Math.max(firstWords.get(words[0]) ?? 0, words.length));
  }
  found = { names, maxWords, firstWords };
  countryCache.set(key, found);
  return found;
}

/**
 * Where country names stand in a text: the longest name starting at each word, left to right.
 * A name is looked for only at a word some name starts with: lower case keeps letters letters
 * and the rest the rest, so the first word of a span's key is the word's own key. (Not so for a
 * capital sigma, whose small form depends on what follows: such a word tries every length.)
 * @returns spans with the ISO code each name stands for
 */
export function countrySpans(text: string, locale: string): { start: number; end: number; code: string }[] {
  const { names, maxWords, firstWords } = countryMatcher(locale);
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const spans: { start: number; end: number; code: string }[] = [];
  for (let i = 0; i < words.length; i++) {
    const start = words[i]!.start;
    const word = text.slice(start, words[i]!.end);
    const most = word.includes('\u03a3') ? maxWords : firstWords.get(word.toLowerCase());
    if (most === undefined) continue;
    for (let n = Math.min(most, maxWords, words.length - i); n >= 1; n--) {
      const end = words[i + n - 1]!.end;
      const code = names.get(keyOf(text.slice(start, end)));
      if (code) {
        spans.push({ start, end, code });
        i += n - 1;
        break;
      }
    }
  }
  return spans;
}

/** The facts found in one text. */
export interface TextFacts {
  emails: string[];
  urls: string[];
  phones: string[];
  /** Numbers as written (digits with their separators): amounts, dates, article numbers. */
  numbers: string[];
  /** Durations such as `6 months`, `drei Jahre`. */
  durations: string[];
  /** ISO codes of the countries named. */
  countries: string[];
  /** Organisation-like proper nouns: `Axeptio`, `Google Analytics`, `Spreetal Rechenzentrum GmbH`. */
  organisations: string[];
  /** GDPR article citations such as `Art. 6(1)(f) GDPR`. */
  gdpr: string[];
  negations: string[];
  modals: string[];
}

function all(regex: RegExp, text: string): string[] {
  return [...text.matchAll(regex)].map((m) => m[0].trim());
}

/**
 * Find the facts in a text.
 * @param text a text in one locale
 * @param locale its BCP 47 tag
 */
export function textFacts(text: string, locale: string): TextFacts {
  const l = lang(locale);
  const emails = all(EMAIL, text);
  const urls = all(URL, text);
  const spans = countrySpans(text, locale);
  const countries = [...new Set(spans.map((span) => span.code))];
  const tokens = tokenize(text, locale);
  const lower = tokens.map((t) => t.toLowerCase());
  // Names are looked for in what is left once addresses, citations and countries are set aside.
  let withoutCountries = text;
  for (const span of [...spans].reverse()) withoutCountries = `${withoutCountries.slice(0, span.start)} , ${withoutCountries.slice(span.end)}`;
  const rest = withoutCountries.replace(EMAIL, ' , ').replace(URL, ' , ').replace(GDPR_CITATION, ' , ');
  return {
    emails,
    urls,
    phones: all(PHONE, text.replace(EMAIL, ' ').replace(URL, ' ')),
    numbers: all(NUMBER, text),
    durations: all(DURATION, text),
    countries,
    organisations: organisations(tokenize(rest, locale), l),
    gdpr: all(GDPR_CITATION, text).map((s) => s.replace(/[\s,]+$/, '')),
    negations: lower.filter((t) => NEGATIONS[l]?.has(t) || /n't$/.test(t)),
    modals: lower.filter((t) => MODALS[l]?.has(t)),
  };
}


/** A word that looks like a name wherever it stands: an inner capital (`YouTube`) or three or more capitals (`AWS`). */
function isStrongName(t: string): boolean {
  return /^\p{Lu}[\p{Ll}\p{N}]+\p{Lu}/u.test(t) || (/^\p{Lu}{3,}$/u.test(t) && !ACRONYMS_NOT_NAMES.has(t));
}

/**
 * Organisation-like proper nouns: a run of capitalised words with a legal form (`GmbH`, `Inc.`),
 * an inner capital (`YouTube`), an all-capital name of three or more letters, or, in languages that
 * do not capitalise nouns, a capitalised word that does not start a sentence.
 */
function organisations(tokens: readonly string[], l: string): string[] {
  const found = new Set<string>();
  const countries = countryMatcher(l).names;
  let run: string[] = [];
  let strong = false;
  let sentenceStart = true;
  let runStartsSentence = false;
  const flush = () => {
    if (run.length > 0 && l === 'de' && !LEGAL_FORM.test(run[run.length - 1]!)) {
      // German capitalises every noun: without a legal form, only names that look like names count.
      for (const t of run) if (isStrongName(t)) add(t);
    } else if (run.length > 0 && (strong || (l !== 'de' && !runStartsSentence))) add(run.join(' '));
    run = [];
    strong = false;
  };
  const add = (name: string) => {
    if (!countries.has(name.toLowerCase()) && !ACRONYMS_NOT_NAMES.has(name) && !TIME_WORDS[l]?.has(name.toLowerCase()) && !TIME_WORDS.en?.has(name.toLowerCase())) found.add(name);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isWord(t)) {
      if (/^\s+$/.test(t) || (t === '&' && run.length > 0) || (t === '.' && run.length > 0 && LEGAL_FORM.test(`${run[run.length - 1]}.`))) {
        if (t === '&') run.push('&');
        continue;
      }
      flush();
      if (/[.!?:;\n]/.test(t)) sentenceStart = true;
      continue;
    }
    const capital = /^\p{Lu}/u.test(t);
    if (capital) {
      if (run.length === 0) runStartsSentence = sentenceStart;
      run.push(t);
      if (LEGAL_FORM.test(t) && run.length > 1) strong = true;
      else if (isStrongName(t)) strong = true;
    } else {
      flush();
    }
    sentenceStart = false;
  }
  flush();
  return [...found];
}
