/**
 * Phrase packs (`templates/locales/<locale>.yaml`): the standard sentences, headings and labels of
 * one language, with a notice's own overrides on top.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNotice } from '../load/read-notice.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Notice } from './notice.js';

/** The templates folder shipped with noticekit. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

/**
 * Where a pack's wording comes from (the pack's `provenance:` header, which is not a phrase):
 * the official text or public copy it was checked against, and the keys that were not checked.
 */
export interface PackProvenance {
  /** Which official text, or which public copy of it, the wording comes from. */
  source: string;
  /** Keys (or key prefixes such as `rights`) whose wording was not checked against the source; `*` for all. */
  unchecked: string[];
}

/** A flattened phrase pack: dotted key -> phrase. */
export interface PhrasePack {
  locale: string;
  file: string;
  phrases: Map<string, string>;
  /** The header of the most specific pack file read, if it has one. */
  provenance?: PackProvenance;
}

/** Thrown when a phrase pack cannot be read; carries positioned diagnostics. */
export class PhrasePackError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'));
  }
}

const packCache = new Map<string, Promise<PhrasePack | undefined>>();

/** Tags whose language has a pack under another code: Norwegian Bokmål uses the `no` pack. */
const LANGUAGE_ALIASES: Record<string, string> = { nb: 'no' };

/**
 * The pack names to look for a locale, most specific first: `de-AT` -> `de-AT`, `de`;
 * `nb-NO` -> `nb-NO`, `nb`, `no`. A regional tag thus falls back to its language's pack (and keeps
 * its own region for dates and country names).
 */
export function packNames(locale: string): string[] {
  const names = [locale];
  const lang = locale.split('-')[0]!.toLowerCase();
  if (lang !== locale) names.push(lang);
  const alias = LANGUAGE_ALIASES[lang];
  if (alias) names.push(alias);
  return names;
}

/**
 * Paths of the phrase pack files for a locale, most specific first: for each name of
 * {@link packNames}, the file in `templatesDir`, then the built-in one.
 */
export function phrasePackPaths(locale: string, templatesDir?: string): string[] {
  const dirs = templatesDir && path.resolve(templatesDir) !== DEFAULT_TEMPLATES_DIR ? [templatesDir, DEFAULT_TEMPLATES_DIR] : [DEFAULT_TEMPLATES_DIR];
  return packNames(locale).flatMap((name) => dirs.map((d) => path.join(d, 'locales', `${name}.yaml`)));
}

/**
 * True when some pack would serve the locale (see {@link phrasePackPaths}); a synchronous file
 * check, for validation. The answer is kept, as the packs {@link loadPhrasePack} reads are: every
 * notice of a run asks for the same few locales.
 */
export function hasPhrasePack(locale: string, templatesDir?: string): boolean {
  const key = `${templatesDir ?? ''}\u0000${locale}`;
  let found = packFound.get(key);
  if (found === undefined) {
    found = phrasePackPaths(locale, templatesDir).some((f) => existsSync(f));
    if (packFound.size < MAX_KEPT_ANSWERS) packFound.set(key, found);
  }
  return found;
}

/** Answers of {@link hasPhrasePack} kept, at most {@link MAX_KEPT_ANSWERS} (locales come from input). */
const packFound = new Map<string, boolean>();
const MAX_KEPT_ANSWERS = 1000;

/**
 * Load the phrase pack for a locale (cached). The packs for the locale's language and for the
 * locale itself, built-in and in a custom templates folder, are laid over each other key by key,
 * the most specific last.
 * @returns undefined when no pack exists for the locale
 */
export function loadPhrasePack(locale: string, templatesDir?: string): Promise<PhrasePack | undefined> {
  const key = `${templatesDir ?? ''}\u0000${locale}`;
  let cached = packCache.get(key);
  if (!cached) {
    cached = readPacks(locale, phrasePackPaths(locale, templatesDir));
    packCache.set(key, cached);
  }
  return cached;
}

async function readPacks(locale: string, files: string[]): Promise<PhrasePack | undefined> {
  let merged: PhrasePack | undefined;
  for (const file of [...files].reverse()) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      continue;
    }
    const { phrases, provenance } = parsePack(bytes, file);
    const all = merged?.phrases ?? new Map<string, string>();
    for (const [k, v] of phrases) all.set(k, v);
    merged = { locale, file, phrases: all, provenance: provenance ?? merged?.provenance };
  }
  return merged;
}

function parsePack(bytes: Buffer, file: string): { phrases: Map<string, string>; provenance?: PackProvenance } {
  const loaded = loadNotice(bytes, file);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new PhrasePackError(errors);
  const { provenance, ...rest } = (loaded.data ?? {}) as Record<string, unknown>;
  const phrases = new Map<string, string>();
  flatten(rest, '', phrases);
  return { phrases, provenance: readProvenance(provenance) };
}

function readProvenance(value: unknown): PackProvenance | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { source, unchecked } = value as { source?: unknown; unchecked?: unknown };
  const list = unchecked === 'all' ? ['*'] : Array.isArray(unchecked) ? unchecked.filter((k): k is string => typeof k === 'string') : [];
  return { source: typeof source === 'string' ? source : '', unchecked: list };
}

const builtInCache = new Map<string, PhrasePack | null>();

/**
 * The built-in pack for a locale, read synchronously (for lint, which has no templates option).
 * @returns undefined when no built-in pack serves the locale
 */
export function builtInPhrasePack(locale: string): PhrasePack | undefined {
  if (!builtInCache.has(locale)) {
    const all = new Map<string, string>();
    let file: string | undefined;
    let found: PackProvenance | undefined;
    for (const candidate of phrasePackPaths(locale).reverse()) {
      if (!existsSync(candidate)) continue;
      const { phrases, provenance } = parsePack(readFileSync(candidate), candidate);
      for (const [k, v] of phrases) all.set(k, v);
      file = candidate;
      found = provenance ?? found;
    }
    builtInCache.set(locale, file ? { locale, file, phrases: all, provenance: found } : null);
  }
  return builtInCache.get(locale) ?? undefined;
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.set(prefix, String(value));
  }
}

/** Values for a phrase's `{placeholders}`: Markdown strings (already escaped where needed). */
export type PhraseVars = Record<string, string | undefined>;

/** Thrown for a phrase the pack lacks (a bug in a pack or template, not in a notice). */
export class MissingPhraseError extends Error {
  override name = 'MissingPhraseError';
}

/** The values of a phrase without placeholders (one object for every such call). */
const NO_VARS: PhraseVars = Object.freeze({});

/**
 * Phrases of one locale for one notice: the notice's overrides (`phrases:`), clause-scoped
 * overrides (`<clause-id>:<key>`), then the pack.
 */
export class Phrases {
  /** Whether the notice overrides any phrase (most do not: then only the pack is asked). */
  private readonly overridden: boolean;

  constructor(
    readonly locale: string,
    private readonly pack: PhrasePack,
    private readonly overrides: Notice['phrases'] = {},
  ) {
    this.overridden = overrides !== undefined && overrides !== null && Object.keys(overrides).length > 0;
  }

  /** True if the pack or an override defines `key`. */
  has(key: string): boolean {
    return this.pack.phrases.has(key) || Boolean(this.overrides?.[key]?.[this.locale]);
  }

  /**
   * The phrase for `key` with placeholders filled in.
   * @param vars placeholder values (Markdown); a missing one leaves its slot empty and tidies the punctuation
   * @param clauseId look for `<clauseId>:<key>` first
   */
  get(key: string, vars: PhraseVars = NO_VARS, clauseId?: string): string {
    const own = this.overridden ? ((clauseId ? this.overrides?.[`${clauseId}:${key}`]?.[this.locale] : undefined) ?? this.overrides?.[key]?.[this.locale]) : undefined;
    const raw = own ?? this.pack.phrases.get(key);
    if (raw === undefined) throw new MissingPhraseError(`The phrase pack ${this.pack.file} has no phrase '${key}'.`);
    return fill(raw, vars);
  }
}

// A value that ends a sentence itself (`.`, `!`, `?`, `…`, possibly inside emphasis or quotes).
const ENDS_SENTENCE = /[.!?…]["”’»*_]*$/u;

/**
 * Replace `{name}` placeholders; empty ones are removed together with the separators around them.
 * A value that ends with its own full stop (or ! ? …) takes the place of the phrase's full stop
 * after it, so "interests: {interests}." never prints "..".
 */
export function fill(template: string, vars: PhraseVars): string {
  // Most phrases have no placeholder (nor the marker of an empty one): nothing to do.
  if (template.indexOf('{') < 0 && template.indexOf('\u0000') < 0) return template;
  const { texts, names, stops } = slotsOf(template);
  let out = texts[0]!;
  for (let i = 0; i < names.length; i++) {
    const value = vars[names[i]!];
    const stop = stops[i]!;
    if (value === undefined) out += `\u0000${stop}`;
    else if (!stop) out += value;
    else {
      const trimmed = value.trimEnd();
      out += ENDS_SENTENCE.test(trimmed) ? trimmed : value + stop;
    }
    out += texts[i + 1]!;
  }
  if (!out.includes('\u0000')) return out;
  // An empty slot takes one separator with it: "\0, b" -> "b"; "a \0, b" -> "a, b"; "a (\0)" -> "a".
  out = out
    .replace(/(,\s*|\s+)?\u0000(,\s*|\s+)?/g, (_m, before?: string, after?: string) =>
      before && after ? (before.includes(',') || after.includes(',') ? ', ' : ' ') : '',
    )
    .replace(/\(\s*\)/g, '')
    .replace(/\s+([.,;:)])/g, '$1')
    .replace(/^[\s,;]+/, '')
    .trimEnd();
  return out;
}

/**
 * A phrase cut at its `{name}` placeholders: `texts` around them (one more than `names`), and
 * the full stop right after each placeholder, or ''.
 */
interface Slots {
  texts: string[];
  names: string[];
  stops: string[];
}

/** Phrases cut at their placeholders, by phrase (the packs' phrases recur in every notice). */
const slotCache = new Map<string, Slots>();
const SLOT_CACHE_LIMIT = 20_000;
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}(\.?)/g;

function slotsOf(template: string): Slots {
  let slots = slotCache.get(template);
  if (slots) return slots;
  slots = { texts: [], names: [], stops: [] };
  let from = 0;
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(template); m; m = PLACEHOLDER.exec(template)) {
    slots.texts.push(template.slice(from, m.index));
    slots.names.push(m[1]!);
    slots.stops.push(m[2]!);
    from = m.index + m[0].length;
  }
  slots.texts.push(template.slice(from));
  if (slotCache.size >= SLOT_CACHE_LIMIT) slotCache.clear();
  slotCache.set(template, slots);
  return slots;
}
