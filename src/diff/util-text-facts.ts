/**
 * The strict editorial test for texts that carry facts: is a text edit only layout or a spelling
 * fix, and which words and facts does it add or drop? Facts are found by `src/notice/text-facts.ts`.
 */
import { distance } from 'fastest-levenshtein';
import { textFacts, type TextFacts } from '../notice/text-facts.js';
import { ARTICLES, isWord, lang, LIST_JOINERS, MODALS, NEGATIONS, TIME_WORDS, tokenize } from '../notice/words.js';
import { changedSpots } from './diff-text.js';
import type { WordPart } from './types.js';
import { countryName } from './util-transfer.js';

/** How far a text edit in one locale goes. */
export interface TextJudgement {
  /** `layout`: only white space, punctuation or letter case; `spelling`: a small fix that changes no fact; `content`: words added, removed or replaced. */
  kind: 'layout' | 'spelling' | 'content';
  /** Content words (and the protected words a fix touched) that are new. */
  added: string[];
  /** Content words that are gone. */
  removed: string[];
  /** The edit only adds content, in list form (a comma or a conjunction with new words): a wider label. */
  widening: boolean;
  /** Facts in the new text that the old one did not have, named for the summary, e.g. `'Axeptio'`. */
  newFacts: string[];
  /** Facts of the old text that are gone. */
  lostFacts: string[];
}

const FACT_KINDS: [keyof TextFacts, string][] = [
  ['countries', 'country'],
  ['durations', 'duration'],
  ['organisations', 'organisation'],
  ['emails', 'e-mail'],
  ['urls', 'URL'],
  ['phones', 'phone'],
  ['gdpr', 'GDPR citation'],
  ['negations', 'negation'],
  ['modals', 'modal'],
];

function multisetDiff(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of a) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const y of b) {
    const n = left.get(y) ?? 0;
    if (n > 0) left.set(y, n - 1);
    else out.push(y);
  }
  return out;
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && multisetDiff(a, b).length === 0;
}

/** Letters and digits only, lower case: what is left when layout, punctuation and case are set aside. */
function bare(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function wordsOf(text: string, locale: string): string[] {
  return tokenize(text, locale).filter(isWord);
}

/**
 * Judge a text edit in one locale: can it be editorial, and which words and facts does it add?
 * Editorial only when every changed spot is white space, punctuation or case, an article, or a
 * spelling fix (at most two words each side, at most two characters apart) that touches no digit,
 * date, amount, duration, negation, modal, e-mail, URL, country or organisation name.
 * @param before old text (normalised)
 * @param after new text (normalised)
 * @param parts the word diff of the two
 * @param locale BCP 47 tag of both
 */
export function judgeTextEdit(before: string, after: string, parts: readonly WordPart[], locale: string): TextJudgement {
  const l = lang(locale);
  const fb = textFacts(before, locale);
  const fa = textFacts(after, locale);
  const newFacts: string[] = [];
  const lostFacts: string[] = [];
  for (const [key] of FACT_KINDS) {
    // Compared without case (except names), printed as written.
    const fold = (x: string) => (key === 'organisations' || key === 'countries' ? x : x.toLowerCase());
    const gained = multisetDiff(fb[key].map(fold), fa[key].map(fold));
    const lost = multisetDiff(fa[key].map(fold), fb[key].map(fold));
    const name = (x: string, side: string[]) => (key === 'countries' ? `${x} (${countryName(x)})` : key === 'negations' || key === 'modals' ? `the ${key === 'negations' ? 'negation' : 'modal'} '${x}'` : `'${side.find((y) => fold(y) === x) ?? x}'`);
    for (const x of gained) newFacts.push(name(x, fa[key]));
    for (const x of lost) lostFacts.push(name(x, fb[key]));
  }
  // Organisation names compared without case: a name written in other case is the same name.
  const factsSame =
    sameMultiset(fb.emails.map((x) => x.toLowerCase()), fa.emails.map((x) => x.toLowerCase())) &&
    sameMultiset(fb.urls, fa.urls) &&
    sameMultiset(fb.numbers, fa.numbers) &&
    sameMultiset(fb.negations, fa.negations) &&
    sameMultiset(fb.modals, fa.modals) &&
    sameMultiset(fb.countries, fa.countries) &&
    sameMultiset(fb.durations.map((x) => x.toLowerCase()), fa.durations.map((x) => x.toLowerCase()));
  // A fix changes a name when it touches a word of a name of the old text, or turns a capitalised
  // word into a word of a name; a lower-case typo that becomes a capitalised word names nobody.
  const oldNames = new Set(fb.organisations.flatMap((o) => o.toLowerCase().split(/\s+/)));
  const newNames = new Set(fa.organisations.flatMap((o) => o.toLowerCase().split(/\s+/)));
  const protectedWords = new Set<string>([...fb.countries, ...fa.countries]);
  const touchesName = (rw: string[], aw: string[]) => rw.some((w) => oldNames.has(w.toLowerCase())) || (aw.some((w) => newNames.has(w.toLowerCase())) && rw.some((w) => /^\p{Lu}/u.test(w)));
  const isProtected = (w: string) => {
    const x = w.toLowerCase();
    return /\p{N}/u.test(x) || protectedWords.has(x) || NEGATIONS[l]?.has(x) || MODALS[l]?.has(x) || TIME_WORDS[l]?.has(x) || /n't$/.test(x) || LIST_JOINERS[l]?.has(x) || false;
  };
  const articles = ARTICLES[l] ?? new Set<string>();
  const spots = changedSpots(parts);
  let kind: TextJudgement['kind'] = 'layout';
  for (const { removed, added } of spots) {
    if (bare(removed) === bare(added)) continue;
    const rw = wordsOf(removed, locale);
    const aw = wordsOf(added, locale);
    if ([...rw, ...aw].every((w) => articles.has(w.toLowerCase()))) {
      kind = kind === 'layout' ? 'spelling' : kind;
      continue;
    }
    const r = removed.trim().toLowerCase();
    const a = added.trim().toLowerCase();
    const small = rw.length > 0 && aw.length > 0 && rw.length <= 2 && aw.length <= 2 && (distance(r, a) <= 2 || isInflection(r, a));
    if (small && ![...rw, ...aw].some(isProtected) && !touchesName(rw, aw)) {
      kind = kind === 'layout' ? 'spelling' : kind;
      continue;
    }
    kind = 'content';
  }
  if (!factsSame && kind !== 'content') kind = 'content';
  const wb = wordsOf(before, locale).map((w) => w.toLowerCase());
  const wa = wordsOf(after, locale).map((w) => w.toLowerCase());
  const addedWords = multisetDiff(wb, wa).filter((w) => !articles.has(w));
  const removedWords = multisetDiff(wa, wb).filter((w) => !articles.has(w));
  const joiners = LIST_JOINERS[l] ?? new Set<string>();
  const addedText = spots.map((s) => s.added).join(' ');
  const widening =
    kind === 'content' &&
    addedWords.some((w) => !joiners.has(w)) &&
    removedWords.every((w) => joiners.has(w)) &&
    (/[,;/]/.test(addedText) || wordsOf(addedText, locale).some((w) => joiners.has(w.toLowerCase())) || /[,;]/.test(before));
  return { kind, added: addedWords, removed: removedWords, widening, newFacts: [...new Set(newFacts)], lostFacts: [...new Set(lostFacts)] };
}


/** One word is the other with an ending of at most three letters (`send` / `sending`): grammar. */
function isInflection(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return /^\p{L}{4,}$/u.test(short) && /^\p{L}+$/u.test(long) && long.startsWith(short) && long.length - short.length <= 3;
}
