/**
 * Translation reviews: which translated texts were reviewed against the current source text, and
 * `mark-reviewed`, which records the review in the notice's `translationReviews` with yaml's
 * Document API, rewriting only that section so comments and layout elsewhere stay as they are.
 */
import YAML, { isMap, isPair, isScalar, Pair, Scalar, YAMLMap } from 'yaml';
import type { Notice } from '../model/notice.js';
import type { Path, TextEntry } from './types.js';
import { collectTexts, hashText, targetLocales } from './util/notice.js';
import { NoticekitError } from '../errors.js';

/** Review state of one translated text. */
export type ReviewStatus = 'reviewed' | 'stale' | 'unreviewed' | 'missing';

/** One text in one target locale. */
export interface TranslationState {
  entry: TextEntry;
  locale: string;
  status: ReviewStatus;
  /** Hash of the current source text. */
  sourceHash: string;
  /** Hash recorded at the last review, if any. */
  recorded?: string;
}

/** A record in `translationReviews` that no longer matches a text or a target locale. */
export interface ReviewOrphan {
  locale: string;
  /** The text key; absent when the whole locale is not a target locale. */
  key?: string;
}

/** The state of every translation of a notice. */
export interface TranslationReport {
  states: TranslationState[];
  orphans: ReviewOrphan[];
}

/**
 * Compare every translated text with the review records.
 * @param notice a valid notice
 * @param texts its texts (computed when not given)
 */
export function translationReport(notice: Notice, texts: TextEntry[] = collectTexts(notice)): TranslationReport {
  const store = notice.translationReviews ?? {};
  const targets = targetLocales(notice);
  const states: TranslationState[] = [];
  for (const entry of texts) {
    const source = entry.text[notice.sourceLocale];
    if (source === undefined) continue;
    const sourceHash = hashText(source);
    for (const locale of targets) {
      const recorded = store[locale]?.[entry.key];
      const status: ReviewStatus =
        entry.text[locale] === undefined ? 'missing' : recorded === undefined ? 'unreviewed' : recorded === sourceHash ? 'reviewed' : 'stale';
      states.push({ entry, locale, status, sourceHash, ...(recorded !== undefined ? { recorded } : {}) });
    }
  }
  const keys = new Set(texts.map((t) => t.key));
  const orphans: ReviewOrphan[] = [];
  for (const [locale, records] of Object.entries(store)) {
    if (!targets.includes(locale)) orphans.push({ locale });
    else for (const key of Object.keys(records ?? {})) if (!keys.has(key)) orphans.push({ locale, key });
  }
  return { states, orphans };
}

/** What to mark as reviewed. */
export interface MarkOptions {
  /** Target locales to mark (default: every locale except the source locale). */
  locales?: string[];
  /** Only texts inside the clauses with these ids (default: every text). */
  ids?: string[];
}

/** The outcome of {@link markReviewed}. */
export interface MarkResult {
  /** The new file text. */
  text: string;
  /** How many texts were recorded as reviewed, per locale. */
  marked: Record<string, number>;
  /** How many of those had been stale before. */
  wasStale: Record<string, number>;
  /** Records removed because their text or locale no longer exists. */
  removed: number;
}

/** Thrown for a `--locale` or `--id` that the notice does not have. */
export class MarkError extends NoticekitError {
  override name = 'MarkError';
  /** @param message said to the user as it is */
  constructor(message: string) {
    super(message, 2);
  }
}

/**
 * Record the current source texts as reviewed for some translations.
 * @param source the notice file's text
 * @param notice the same notice, validated
 * @param options which locales and clauses
 * @returns the new file text; only the `translationReviews` section differs from `source`
 */
export function markReviewed(source: string, notice: Notice, options: MarkOptions = {}): MarkResult {
  const targets = targetLocales(notice);
  const locales = options.locales && options.locales.length > 0 ? options.locales : targets;
  for (const l of locales) {
    if (!targets.includes(l)) {
      throw new MarkError(l === notice.sourceLocale ? `'${l}' is the source locale; only translations are reviewed.` : `The notice has no locale '${l}'; its translations are ${targets.join(', ') || 'none'}.`);
    }
  }
  const texts = collectTexts(notice);
  const clausePaths = new Map<string, Path>();
  for (const id of options.ids ?? []) {
    const found = findClause(notice, id);
    if (!found) throw new MarkError(`No clause has the id '${id}'.`);
    clausePaths.set(id, found);
  }
  const selected = (entry: TextEntry) =>
    clausePaths.size === 0 || [...clausePaths.values()].some((p) => p.every((part, i) => entry.path[i] === part));
  const report = translationReport(notice, texts);
  const stateOf = new Map(report.states.map((s) => [`${s.locale}|${s.entry.key}`, s]));

  const doc = YAML.parseDocument(source, { version: '1.2', schema: 'core', uniqueKeys: true, merge: false });
  const root = doc.contents;
  if (!isMap(root)) throw new MarkError('The file does not hold a notice mapping.');
  const existing = root.items.find((p) => isScalar(p.key) && p.key.value === 'translationReviews');
  const storeMap = existing && isMap(existing.value) ? existing.value : new YAMLMap();
  storeMap.flow = false;

  const marked: Record<string, number> = {};
  const wasStale: Record<string, number> = {};
  let removed = 0;
  const keys = new Set(texts.map((t) => t.key));
  if (clausePaths.size === 0) {
    // A whole-locale review also drops records of locales that are no longer translations.
    const before = storeMap.items.length;
    storeMap.items = storeMap.items.filter((p) => !isScalar(p.key) || targets.includes(String(p.key.value)));
    removed += before - storeMap.items.length;
  }
  for (const locale of locales) {
    let localePair = storeMap.items.find((p) => isScalar(p.key) && p.key.value === locale);
    if (!localePair || !isMap(localePair.value)) {
      localePair = new Pair(new Scalar(locale), new YAMLMap());
      if (!storeMap.items.includes(localePair as Pair<unknown, unknown>)) insertInOrder(storeMap, localePair as Pair<Scalar, unknown>, targets);
    }
    const map = localePair.value as YAMLMap;
    map.flow = false;
    const old = new Map<string, Pair>();
    for (const p of map.items) if (isPair(p) && isScalar(p.key)) old.set(String(p.key.value), p as Pair);
    const items: Pair[] = [];
    marked[locale] = 0;
    wasStale[locale] = 0;
    for (const entry of texts) {
      const state = stateOf.get(`${locale}|${entry.key}`);
      const pair = old.get(entry.key);
      old.delete(entry.key);
      if (state && state.status !== 'missing' && selected(entry)) {
        marked[locale]++;
        if (state.status === 'stale') wasStale[locale]++;
        if (pair && isScalar(pair.value)) {
          pair.value.value = state.sourceHash;
          items.push(pair);
        } else items.push(new Pair(new Scalar(entry.key), new Scalar(state.sourceHash)));
      } else if (pair) items.push(pair);
    }
    // Records of texts that no longer exist: dropped on a whole-locale review, kept otherwise.
    for (const [key, pair] of old) {
      if (clausePaths.size === 0 && !keys.has(key)) removed++;
      else items.push(pair);
    }
    map.items = items;
  }

  if (existing) {
    // Replace the store's own lines only: from its key to the end of the line its value ends on.
    const start = (existing.key as Scalar).range?.[0] ?? 0;
    let stop = (existing.value as YAMLMap).range?.[1] ?? start;
    while (stop < source.length && source[stop - 1] !== '\n') stop++;
    return { text: source.slice(0, start) + stringifyPair(existing as Pair) + source.slice(stop), marked, wasStale, removed };
  }
  const pair = new Pair(new Scalar('translationReviews'), storeMap);
  const head =
    '# Written by `noticekit translations mark-reviewed`: for each translation, the hash of the source\n' +
    '# text it was last reviewed against. `noticekit lint` reports a translation as stale once its\n' +
    '# source text changes.\n';
  const body = source.length === 0 || source.endsWith('\n') ? source : `${source}\n`;
  return { text: `${body}\n${head}${stringifyPair(pair)}`, marked, wasStale, removed };
}

/** Insert a locale record where the notice's locale order puts it. */
function insertInOrder(store: YAMLMap, pair: Pair<Scalar, unknown>, order: string[]): void {
  const rank = (p: unknown) => (isPair(p) && isScalar(p.key) ? order.indexOf(String(p.key.value)) : -1);
  const mine = order.indexOf(String(pair.key.value));
  const at = store.items.findIndex((p) => rank(p) > mine);
  if (at < 0) store.items.push(pair);
  else store.items.splice(at, 0, pair);
}

/** Stringify one top-level pair as block YAML (without the comment that precedes its key). */
function stringifyPair(pair: Pair): string {
  const key = pair.key as Scalar;
  const comment = key.commentBefore;
  const space = key.spaceBefore;
  key.commentBefore = undefined;
  key.spaceBefore = false;
  try {
    const tmp = new YAML.Document(undefined, { version: '1.2' });
    const map = new YAMLMap();
    map.items.push(pair);
    tmp.contents = map;
    return tmp.toString({ lineWidth: 0, flowCollectionPadding: false, indent: 2, indentSeq: true });
  } finally {
    key.commentBefore = comment;
    key.spaceBefore = space;
  }
}

/** Key path of the clause with an id, if any. */
function findClause(notice: Notice, id: string): Path | undefined {
  let found: Path | undefined;
  const visit = (value: unknown, path: Path) => {
    if (found || value === null || typeof value !== 'object') return;
    if (!Array.isArray(value) && (value as { id?: unknown }).id === id && path.length > 0 && path[0] !== 'translationReviews') {
      found = path;
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else for (const [k, v] of Object.entries(value)) if (k !== 'translationReviews') visit(v, [...path, k]);
  };
  visit(notice, []);
  return found;
}
