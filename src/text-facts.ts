/**
 * Facts that hide in free text: e-mail addresses, URLs, phone numbers, numbers and dates,
 * durations, negations, modal verbs, country names (from `Intl.DisplayNames`), organisation-like
 * proper nouns and GDPR article citations. Shared by the diff (whether a text change can be
 * editorial, and what it adds) and the `facts-in-text` lint rule (facts that belong in a field).
 */

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Split a text into word, space and punctuation tokens (`Intl.Segmenter` for the locale).
 * @param text a text
 * @param locale BCP 47 tag the text is written in
 */
export function tokenize(text: string, locale: string): string[] {
  let s = segmenters.get(locale);
  if (!s) {
    try {
      s = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      s = new Intl.Segmenter('und', { granularity: 'word' });
    }
    segmenters.set(locale, s);
  }
  const out: string[] = [];
  for (const seg of s.segment(text)) out.push(seg.segment);
  return out;
}

/**
 * The language part of a locale tag, lower case.
 * @param locale BCP 47 tag
 */
export const lang = (locale: string): string => locale.toLowerCase().split('-')[0] ?? locale;

function words(...lists: string[]): Set<string> {
  return new Set(lists.flatMap((l) => l.split(' ')));
}

/** Words that turn a statement into its opposite, per language (lower case). */
export const NEGATIONS: Record<string, Set<string>> = {
  en: words('not no never none nor neither without cannot nobody nothing'),
  de: words('nicht kein keine keinen keinem keiner keines nie niemals ohne weder nichts niemand'),
  fr: words('ne n pas jamais aucun aucune sans ni non rien personne'),
  es: words('no nunca ningún ninguna ninguno sin ni nada nadie'),
  it: words('non mai nessun nessuno nessuna senza né niente nulla'),
  nl: words('niet geen nooit zonder noch niets niemand'),
  lv: words('ne nav nekad bez neviens nekas nedrīkst'),
  pt: words('não nunca nenhum nenhuma sem nem nada'),
};

/** Modal verbs: whether something may, must or will happen (lower case). */
export const MODALS: Record<string, Set<string>> = {
  en: words('may might must shall should can could will would need needs required optional'),
  de: words('kann können könnte könnten darf dürfen muss müssen soll sollen sollte wird werden möglicherweise'),
  fr: words('peut peuvent pourra pourront pourrait pourrions doit doivent devra devront devons pouvons'),
  es: words('puede pueden podrá podrán podría debe deben deberá deberán'),
  it: words('può possono potrà potranno potrebbe deve devono dovrà dovranno'),
  nl: words('kan kunnen mag mogen moet moeten zal zullen zou zouden'),
  lv: words('var varam drīkst drīkstam jā vajadzēs'),
  pt: words('pode podem poderá poderão deve devem deverá'),
};

/** Number words, time units and month names: a "spelling fix" touching one changes a duration or date. */
export const TIME_WORDS: Record<string, Set<string>> = {
  en: words(
    'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty hundred thousand million',
    'hour hours day days week weeks month months year years decade decades',
    'january february march april june july august september october november december',
  ),
  de: words(
    'ein eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert tausend',
    'stunde stunden tag tage tagen woche wochen monat monate monaten jahr jahre jahren',
    'januar februar märz april mai juni juli august september oktober november dezember',
  ),
  fr: words(
    'un une deux trois quatre cinq six sept huit neuf dix onze douze vingt trente cent mille',
    'heure heures jour jours semaine semaines mois an ans année années',
    'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  ),
  es: words('uno dos tres cuatro cinco seis siete ocho nueve diez hora horas día días semana semanas mes meses año años'),
  it: words('uno due tre quattro cinque sei sette otto nove dieci ora ore giorno giorni settimana settimane mese mesi anno anni'),
  nl: words('een twee drie vier vijf zes zeven acht negen tien uur dag dagen week weken maand maanden jaar jaren'),
  lv: words('viens divi trīs četri pieci seši septiņi astoņi deviņi desmit stunda stundas diena dienas nedēļa nedēļas mēnesis mēneši mēnešiem gads gadi gadiem gadu'),
  pt: words('um uma dois três quatro cinco seis sete oito nove dez hora horas dia dias semana semanas mês meses ano anos'),
};

/** Articles: adding or dropping one is grammar, not content. */
export const ARTICLES: Record<string, Set<string>> = {
  en: words('the a an'),
  de: words('der die das den dem des eine einen einem einer eines'),
  fr: words('le la les l un une des du d'),
  es: words('el la los las un una unos unas'),
  it: words('il lo la i gli le l un uno una'),
  nl: words('de het een'),
  pt: words('o a os as um uma'),
};

/** Conjunctions that join list items (a label that gains one is wider). */
export const LIST_JOINERS: Record<string, Set<string>> = {
  en: words('and or as well'),
  de: words('und oder sowie'),
  fr: words('et ou ainsi que'),
  es: words('y e o u'),
  it: words('e ed o oppure'),
  nl: words('en of'),
  lv: words('un vai'),
  pt: words('e ou'),
};

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

const countryCache = new Map<string, { names: Map<string, string>; maxWords: number }>();

/** A name as looked up: lower case, runs of white space as one space. */
const keyOf = (name: string) => name.toLowerCase().replace(/\s+/g, ' ');
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Country names in a language (and in English), from `Intl.DisplayNames`, keyed by {@link keyOf};
 * with the most words a name has. (A table, not one large regex: compiling a regex of some 600
 * names took ~45 ms a language, and a notice may declare dozens.)
 * @param locale BCP 47 tag of the text
 */
function countryMatcher(locale: string): { names: Map<string, string>; maxWords: number } {
  const key = lang(locale);
  let found = countryCache.get(key);
  if (found) return found;
  const names = new Map<string, string>();
  let maxWords = 1;
  for (const loc of [...new Set([key, 'en'])]) {
    let display: Intl.DisplayNames;
    try {
      display = new Intl.DisplayNames([loc], { type: 'region', fallback: 'none' });
    } catch {
      continue;
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
        if (!names.has(keyOf(name))) names.set(keyOf(name), code);
        maxWords = Math.max(maxWords, name.match(WORD)?.length ?? 1);
      }
    }
  }
  found = { names, maxWords };
  countryCache.set(key, found);
  return found;
}

/**
 * Where country names stand in a text: the longest name starting at each word, left to right.
 * @returns spans with the ISO code each name stands for
 */
function countrySpans(text: string, locale: string): { start: number; end: number; code: string }[] {
  const { names, maxWords } = countryMatcher(locale);
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const spans: { start: number; end: number; code: string }[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(maxWords, words.length - i); n >= 1; n--) {
      const start = words[i]!.start;
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

/**
 * True when a token holds a letter or a digit.
 * @param token a token from {@link tokenize}
 */
export function isWord(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
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

/**
 * Country codes named in a text, for the lint rule (a list of countries in prose).
 * @param text a text
 * @param locale its BCP 47 tag
 */
export function countriesIn(text: string, locale: string): string[] {
  return textFacts(text, locale).countries;
}

/**
 * True when a word joins list items in the language (`and`, `und`, `et`, ...).
 * @param word a word, any case
 * @param locale BCP 47 tag
 */
export function isJoiner(word: string, locale: string): boolean {
  return LIST_JOINERS[lang(locale)]?.has(word.toLowerCase()) ?? false;
}
