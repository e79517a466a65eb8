/**
 * Words of a notice's text: tokens by `Intl.Segmenter`, the language of a locale tag, and the small
 * per-language word lists (negations, modal verbs, time words, articles, list joiners) the diff and
 * the fact finder ({@link ./text-facts.ts}) judge text by.
 */

const segmenters = new Map<string, { segmenter: Intl.Segmenter; tokens: Map<string, readonly string[]> }>();
// Texts kept per locale: the diff splits each changed text four or five times (the word diff, the
// facts, the words of the edit), and a segment costs microseconds in Intl.
const KEPT_TEXTS = 2_000;

/**
 * Split a text into word, space and punctuation tokens (`Intl.Segmenter` for the locale).
 * @param text a text
 * @param locale BCP 47 tag the text is written in
 */
export function tokenize(text: string, locale: string): readonly string[] {
  let s = segmenters.get(locale);
  if (!s) {
    let segmenter: Intl.Segmenter;
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      segmenter = new Intl.Segmenter('und', { granularity: 'word' });
    }
    s = { segmenter, tokens: new Map() };
    segmenters.set(locale, s);
  }
  const known = s.tokens.get(text);
  if (known) return known;
  const out: string[] = [];
  for (const seg of s.segmenter.segment(text)) out.push(seg.segment);
  if (s.tokens.size >= KEPT_TEXTS) s.tokens.clear();
  s.tokens.set(text, out);
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

/**
 * True when a token holds a letter or a digit.
 * @param token a token from {@link tokenize}
 */
export function isWord(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}

/**
 * True when a word joins list items in the language (`and`, `und`, `et`, ...).
 * @param word a word, any case
 * @param locale BCP 47 tag
 */
export function isJoiner(word: string, locale: string): boolean {
  return LIST_JOINERS[lang(locale)]?.has(word.toLowerCase()) ?? false;
}
