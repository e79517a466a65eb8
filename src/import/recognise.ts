/**
 * What `noticekit import` recognises in a notice's text: which section a heading or a list's
 * lead-in sentence names (in every language with a phrase pack: en, lv, de), GDPR citations,
 * rights, e-mail addresses, telephone numbers, country names, dates and periods.
 * Another language is added by adding its words to the tables below.
 */
import type { GdprBasis, RightName } from '../model/notice.js';
import { isCountryCode } from '../validate/index.js';

/** A section of the notice model that a heading or a list can stand for. */
export type SectionKind =
  | 'controller'
  | 'dpo'
  | 'purposes'
  | 'categories'
  | 'sources'
  | 'legalBases'
  | 'recipients'
  | 'transfers'
  | 'retention'
  | 'automatedDecisions'
  | 'rights'
  | 'complaints'
  | 'requirement';

/** Languages the tables below cover. */
export const IMPORT_LANGUAGES = ['en', 'de', 'lv'] as const;

// Checked in this order: the first match wins, so the narrow kinds come before the broad ones.
const HEADING_WORDS: [SectionKind, RegExp][] = [
  ['dpo', /data protection officer|\bDPO\b|datenschutzbeauftragte|datu aizsardzības speciālist/iu],
  ['complaints', /complain|supervisory authorit|beschwerde|aufsichtsbehörde|sūdzīb|uzraudzības iestād/iu],
  ['automatedDecisions', /automated (individual )?decision|profiling|automatisierte entscheidung|automatizēt|profilēšan/iu],
  ['legalBases', /legal bas[ie]s|lawful bas[ie]s|rechtsgrundlage|juridisk(ais|ie) pamat|tiesisk(ais|ie) pamat/iu],
  ['retention', /retention|retain|how long|storage (period|time|duration)|deletion|keep your|speicherdauer|aufbewahrung|löschung|wie lange|glabāšan|uzglabā|cik ilgi|dzēšan/iu],
  ['transfers', /outside (of )?(the )?(EU|EEA|European)|third countr|international (data )?transfer|drittl[aä]nd|außerhalb (der EU|des EWR)|trešaj[āa][ms] valst|ārpus (ES|EEZ)/iu],
  ['rights', /your rights|what rights|\bright (of|to)\b|rights of (the )?data subject|data subject('s)? rights|your (privacy )?choices|privacy rights|ihre rechte|betroffenenrechte|recht auf|widerspruchsrecht|auskunftsrecht|rechte der betroffenen|wahlmöglichkeiten|tiesības/iu],
  ['recipients', /recipient|shar(e|ed|ing)\b|disclos|third parties with whom|third[- ]party services|service providers|empfänger|weitergabe|offenlegung|saņēmēj|nodošan|izpaušan/iu],
  ['categories', /categor(y|ies) of (personal )?(data|information)|(data|information) (that )?we (collect|process)|what (personal )?(data|information)|collected (personal )?(data|information)|kategorien|erfasste (personenbezogene )?daten|welche (personenbezogenen )?daten|erhobene daten|kategorij|kādus (personas )?datus|apstrādātie dati/iu],
  ['purposes', /purpose|how we use|why we (process|use|collect)|zweck|wofür|verwendung|mērķ/iu],
  ['sources', /sources? of (the |your )?(personal )?(data|information)|data sources|where we (get|obtain)|quelle|herkunft|datu avot/iu],
  ['controller', /\bcontroller\b|contact us|contact details|who we are|who is responsible|verantwortliche|kontakt|wer wir sind|pārzin|kas mēs esam/iu],
  ['requirement', /obligation to provide|required to provide|pflicht zur bereitstellung|pienākums sniegt/iu],
  ['transfers', /transfer|übermittlung|nosūtīšan/iu],
];

/**
 * The section a heading names, if any.
 * @param text the heading's plain text
 */
export function headingKind(text: string): SectionKind | undefined {
  return HEADING_WORDS.find(([, re]) => re.test(text))?.[0];
}

// What the sentence just before a bullet list says the list is.
const LEAD_IN_WORDS: [SectionKind, RegExp][] = [
  ['recipients', /recipient|disclose|share .{0,60}with|make .{0,60}available to|empfänger|weitergeben|weitergegeben|offenlegen|übermitteln an|saņēmēj|nodo(t|d)/iu],
  ['purposes', /for the following purposes|purposes?:|for these purposes|zu folgenden zwecken|zwecke|šādiem mērķiem|mērķ/iu],
  ['categories', /following (categories of )?(personal )?(data|information)|collect the following|categories of (personal )?(data|information)|folgende (kategorien|daten|personenbezogene|informationen)|kategorien personenbezogener|šādus (personas )?datus|datu kategorij/iu],
  ['rights', /following rights|you have the right|you have rights|folgende rechte|sie haben das recht|jums ir (šādas )?tiesības/iu],
];

/**
 * What a bullet list holds, judged by the sentence before it.
 * @param text plain text of the paragraph (or heading) just before the list
 */
export function leadInKind(text: string): SectionKind | undefined {
  return LEAD_IN_WORDS.find(([, re]) => re.test(text))?.[0];
}

const RIGHT_WORDS: [RightName, RegExp][] = [
  ['withdraw-consent', /withdraw (your |their )?consent|widerruf|atsaukt/iu],
  ['complaint', /complain|supervisory authorit|beschwerde|aufsichtsbehörde|sūdzīb|uzraudzības iestād/iu],
  ['automated-decisions', /automated (individual )?decision|automatisierte (einzel)?entscheidung|automatizēt/iu],
  ['portability', /portab|übertragbarkeit|pārnesamīb/iu],
  ['restriction', /restrict|einschränkung|ierobežo/iu],
  ['erasure', /erasure|\bdelet(e|ion)\b|be forgotten|löschung|dzēs/iu],
  ['rectification', /rectif|\bcorrect(ion|ed)?\b|berichtigung|labo(t|šan)/iu],
  ['object', /\bobject\b|objection|widerspruch|iebilst|iebildum/iu],
  ['access', /right (of|to) access|access to (your|the) (personal )?(data|information)|right to know|(obtain|request) information|right of information|auskunft|piekļuv/iu],
];

/** The rights a text names, in the order of the table above (narrow ones first). */
export function rightsNamed(text: string): RightName[] {
  return RIGHT_WORDS.filter(([, re]) => re.test(text)).map(([r]) => r);
}

/** A GDPR legal basis cited in a text, with the characters that cite it. */
export interface Citation {
  gdpr: GdprBasis;
  /** The citation as written, e.g. `Article 6 (1) point (f)`. */
  match: string;
}

const CITATIONS: RegExp[] = [
  // en and most others: Art. 6(1)(b), Article 6 (1) point (f), article 6 (1), point (b), Art. 6 para. 1 lit. b
  /\bArt(?:icle|ikel|\.)?\s*(6|9)\s*(?:\(\s*(1|2)\s*\)|(?:para(?:graph)?\.?|Abs\.?|Absatz)\s*(1|2))\s*(?:S(?:atz|\.)\s*1\s*)?,?\s*(?:(?:point|lit(?:era)?\.?|letter|Buchst(?:abe)?\.?|sub)\s*)?\(?([a-j])\)?(?![\p{L}])/giu,
  // lv: 6. panta 1. punkta b) apakšpunkts / 1. daļas b) punkts
  /\b(6|9)\.\s*panta\s*(1|2)\.\s*(?:punkta|daļas)\s*[„"]?([a-j])\)?/giu,
];

/** Every legal-basis citation of Art. 6(1) or 9(2) in a text, in order, without repeats. */
export function citations(text: string): Citation[] {
  const found: { at: number; c: Citation }[] = [];
  for (const re of CITATIONS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const groups = m.slice(1).filter((g) => g !== undefined);
      const [article, paragraph, point] = groups as [string, string, string];
      if ((article === '6' && paragraph !== '1') || (article === '9' && paragraph !== '2')) continue;
      if (article === '6' && point > 'f') continue;
      found.push({ at: m.index, c: { gdpr: `${article}(${paragraph})(${point})` as GdprBasis, match: m[0] } });
    }
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .map((f) => f.c)
    .filter((c) => !seen.has(c.gdpr) && seen.add(c.gdpr));
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PHONE = /(?:\(\s*\+\d{1,3}\s*\)|\+\d{1,3}|\b00\d{1,3})[\s./-]*\(?\d[\d\s()./-]{5,22}\d/g;

/** E-mail addresses in a text, in order, without repeats. */
export function emails(text: string): string[] {
  return [...new Set(text.match(EMAIL) ?? [])];
}

/** International telephone numbers in a text (`+45 89 88 7227`, `(+45) 89 88 7227`), as the schema writes them. */
export function phones(text: string): string[] {
  return [...new Set((text.match(PHONE) ?? []).map((p) => p.replace(/^\(\s*(\+\d+)\s*\)/, '$1').replace(/^00/, '+').replace(/\s+/g, ' ').trim()))].filter((p) => /^\+?[0-9][0-9 ()./-]{2,30}$/.test(p));
}

// Names Intl.DisplayNames does not give but notices write.
const COUNTRY_ALIASES: Record<string, string> = {
  USA: 'US',
  'U.S.': 'US',
  'U.S.A.': 'US',
  'United States of America': 'US',
  UK: 'GB',
  'Vereinigten Staaten': 'US',
  'Vereinigten Königreich': 'GB',
  'Vereinigte Königreich': 'GB',
  'Vereinigten Königreichs': 'GB',
  ASV: 'US',
  Lielbritānija: 'GB',
};
// Country names that are more often something else in a notice (a US state, a first name), and
// withdrawn codes whose names ICU still knows (DD East Germany is named plain "Germany" in places).
const AMBIGUOUS = new Set(['GE', 'JE', 'TD', 'JO', 'GU', 'SH', 'AQ', 'DD', 'SU', 'YU', 'CS', 'ZR', 'BU', 'TP', 'NT', 'FX', 'AN']);

const countryTables = new Map<string, { long: RegExp; short: RegExp; codes: Map<string, string> }>();

function countryTable(locale: string) {
  let table = countryTables.get(locale);
  if (table) return table;
  const codes = new Map<string, string>();
  for (const lang of [...new Set([locale, 'en'])]) {
    for (const style of ['long', 'short'] as const) {
      const names = new Intl.DisplayNames([lang], { type: 'region', style, fallback: 'none' });
      for (let a = 65; a <= 90; a++) {
        for (let b = 65; b <= 90; b++) {
          const code = String.fromCharCode(a, b);
          if (AMBIGUOUS.has(code) || !isCountryCode(code)) continue;
          const name = names.of(code);
          if (name && name !== code && !/\d/.test(name) && !codes.has(name)) codes.set(name, code);
        }
      }
    }
  }
  for (const [name, code] of Object.entries(COUNTRY_ALIASES)) codes.set(name, code);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const names = [...codes.keys()].sort((x, y) => y.length - x.length);
  const long = names.filter((n) => n.length > 3 && !/^[A-Z.]+$/.test(n));
  const short = names.filter((n) => !(n.length > 3 && !/^[A-Z.]+$/.test(n)));
  table = {
    long: new RegExp(`(?<![\\p{L}])(${long.map(escape).join('|')})(?![\\p{L}])`, 'giu'),
    short: new RegExp(`(?<![\\p{L}.])(${short.map(escape).join('|')})(?![\\p{L}])`, 'gu'),
    codes: new Map([...codes].map(([k, v]) => [k.toLocaleLowerCase(locale), v])),
  };
  countryTables.set(locale, table);
  return table;
}

/**
 * ISO 3166-1 codes of the countries a text names, in order, without repeats: names as
 * `Intl.DisplayNames` writes them in `locale` or in English, plus a few common forms (`USA`, `UK`).
 */
export function countries(text: string, locale: string): string[] {
  const table = countryTable(locale);
  const found: { at: number; code: string }[] = [];
  for (const re of [table.long, table.short]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const code = table.codes.get(m[1]!.toLocaleLowerCase(locale));
      if (code) found.push({ at: m.index, code });
    }
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.code))];
}

const MONTHS: Record<string, number> = {};
['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].forEach((m, i) => (MONTHS[m] = i + 1));
['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'].forEach((m, i) => (MONTHS[m] = i + 1));
['janvāris', 'februāris', 'marts', 'aprīlis', 'maijs', 'jūnijs', 'jūlijs', 'augusts', 'septembris', 'oktobris', 'novembris', 'decembris'].forEach((m, i) => (MONTHS[m] = i + 1));

/**
 * The first calendar date a text gives (`2024-10-08`, `October 8, 2024`, `8 October 2024`,
 * `8. Oktober 2024`, `08.10.2024`), as YYYY-MM-DD.
 */
export function firstDate(text: string): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const make = (y: number, m: number, d: number) => {
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y > 1990 && y < 2100 ? `${y}-${pad(m)}-${pad(d)}` : undefined;
  };
  const patterns: [RegExp, (m: RegExpMatchArray) => string | undefined][] = [
    [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => make(+m[1]!, +m[2]!, +m[3]!)],
    [/\b(\p{L}+)\s+(\d{1,2}),?\s+(\d{4})\b/u, (m) => (MONTHS[m[1]!.toLowerCase()] ? make(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!) : undefined)],
    [/\b(\d{1,2})\.?\s+(\p{L}+)\s+(\d{4})\b/u, (m) => (MONTHS[m[2]!.toLowerCase()] ? make(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!) : undefined)],
    [/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/, (m) => make(+m[3]!, +m[2]!, +m[1]!)],
  ];
  let best: { at: number; date: string } | undefined;
  for (const [re, parse] of patterns) {
    const m = re.exec(text);
    const date = m && parse(m);
    if (m && date && (!best || m.index < best.at)) best = { at: m.index, date };
  }
  return best?.date;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, eighteen: 18, thirty: 30, ein: 1, einen: 1, eine: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, zehn: 10, zwölf: 12, dreißig: 30 };
const PERIOD = /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|thirty|ein|einen|eine|zwei|drei|vier|fünf|sechs|sieben|zehn|zwölf|dreißig)\s+(days?|weeks?|months?|years?|Tage[n]?|Wochen|Monate[n]?|Jahre[n]?|dien(?:as|ām)|nedēļ(?:as|ām)|mēneš(?:us|iem)|mēnesi|gad(?:us|iem|u))\b/iu;

/** The first period of time a text names, as an ISO 8601 duration (`four years` -> `P4Y`). */
export function firstPeriod(text: string): { period: string; match: string } | undefined {
  const m = PERIOD.exec(text);
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()];
  if (!n) return undefined;
  const unit = m[2]!.toLowerCase();
  const letter = /^(day|tag|dien)/.test(unit) ? 'D' : /^(week|woche|nedēļ)/.test(unit) ? 'W' : /^(month|monat|mēne)/.test(unit) ? 'M' : 'Y';
  return { period: `P${n}${letter}`, match: m[0] };
}

// Company forms that mark a line as an organisation's legal name.
const ORGANISATION = /^([\p{L}\d][^,;:]{1,118}?,?\s(?:GmbH(?: & Co\. KG)?|AG|SE|KG|e\.\s?V\.|Ltd\.?|Limited|Inc\.?|LLC|L\.L\.C\.|ApS|Aps|A\/S|AB|Oy|S\.A\.|SA|SAS|B\.V\.|N\.V\.|SIA|AS|plc|PLC|S\.r\.l\.|S\.L\.|Sp\. z o\.o\.))(?=$|[,\s(])/u;
const NAME_WORD = /^([\p{Lu}\d]|[a-z]+\p{Lu})|^(&|and|und|of|for|de|la|un|-)$/u;

/**
 * The legal name at the start of a line (`DonkeyRepublic Admin Aps`), if the line starts with
 * one: capitalised words (or `&`, `and`, `of`...) ending in a company form.
 */
export function organisationName(line: string): string | undefined {
  const name = ORGANISATION.exec(line.trim())?.[1]?.replace(/^[„"“(]+/, '').trim();
  if (!name) return undefined;
  const words = name.split(/\s+/);
  return words.length <= 8 && words.slice(0, -1).every((w) => NAME_WORD.test(w.replace(/,$/, ''))) ? name : undefined;
}

/** Guess a recipient's kind from its description; `other` when nothing says. */
export function recipientKind(text: string): 'group-company' | 'processor' | 'authority' | 'controller' | 'other' {
  if (/processor|service provider|on our behalf|auftragsverarbeit|dienstleister|apstrādātāj|pakalpojumu sniedzēj/iu.test(text)) return 'processor';
  if (/affiliat|group compan|subsidiar|verbundene|konzern|tochtergesellschaft|grupas uzņēmum|meitasuzņēmum/iu.test(text)) return 'group-company';
  if (/authorit|police|court|municipalit|behörde|gericht|polizei|iestād|tiesa|policija/iu.test(text)) return 'authority';
  if (/independent controller|separate (data )?controller|eigenständige verantwortliche|patstāvīg(s|i) pārzin/iu.test(text)) return 'controller';
  return 'other';
}

/** Words that say a paragraph is about retention (when no heading says so). */
export const RETENTION_SENTENCE = /\b(retain|retention|store (this|your|the) data for|deleted (no later than|after)|kept for)\b|speicherdauer|aufbewahr|gelöscht|glabā|dzēst/iu;

/** Words that say a paragraph is about complaints to a supervisory authority. */
export const COMPLAINT_SENTENCE = /(lodge|file|make) a complaint|supervisory authorit|beschwerde bei|aufsichtsbehörde|sūdzību uzraudzības|datu valsts inspekcij/iu;

/** Words that say data leave the EEA. */
export const TRANSFER_SENTENCE = /outside (of )?(the )?(EU|EEA|European Economic Area|European Union)|third countr|standard contractual clauses|data privacy framework|außerhalb (der EU|des EWR|der Europäischen)|drittl[aä]nd|standardvertragsklauseln|ārpus (ES|EEZ|Eiropas)|trešaj[āa][ms] valst|līguma standartklauzul/iu;

/** Words that say a paragraph is about the data protection officer. */
export const DPO_SENTENCE = /data protection officer|datenschutzbeauftragte|datu aizsardzības speciālist/iu;

/** Words that say a paragraph names the controller. */
export const CONTROLLER_SENTENCE = /\b(data )?controller\b|verantwortliche|verantwortlich im sinne|pārzinis/iu;

/** Count common words of each language to guess the language of a text. */
export function guessLanguage(text: string): (typeof IMPORT_LANGUAGES)[number] {
  const words: Record<(typeof IMPORT_LANGUAGES)[number], RegExp> = {
    en: /\b(the|and|of|to|we|your|you|is|for|with)\b/giu,
    de: /\b(der|die|und|wir|ihre|nicht|sie|das|mit|für|von)\b/giu,
    lv: /(?<![\p{L}])(un|ir|vai|jūsu|mēs|datu|kas|lai|par|tiek)(?![\p{L}])/giu,
  };
  let best: (typeof IMPORT_LANGUAGES)[number] = 'en';
  let most = -1;
  for (const lang of IMPORT_LANGUAGES) {
    const n = text.match(words[lang])?.length ?? 0;
    if (n > most) (most = n), (best = lang);
  }
  return best;
}
