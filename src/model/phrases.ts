/**
 * Phrase packs (`templates/locales/<locale>.yaml`): the standard sentences, headings and labels of
 * one language, with a notice's own overrides on top.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNotice } from '../load/read-notice.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Notice } from './notice.js';

/** The templates folder shipped with noticekit. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

/** A flattened phrase pack: dotted key -> phrase. */
export interface PhrasePack {
  locale: string;
  file: string;
  phrases: Map<string, string>;
}

/** Thrown when a phrase pack cannot be read; carries positioned diagnostics. */
export class PhrasePackError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'));
  }
}

const packCache = new Map<string, Promise<PhrasePack | undefined>>();

/** Path of the phrase pack for a locale, looking in `templatesDir` then in the built-in templates. */
export function phrasePackPaths(locale: string, templatesDir?: string): string[] {
  const dirs = templatesDir && path.resolve(templatesDir) !== DEFAULT_TEMPLATES_DIR ? [templatesDir, DEFAULT_TEMPLATES_DIR] : [DEFAULT_TEMPLATES_DIR];
  return dirs.map((d) => path.join(d, 'locales', `${locale}.yaml`));
}

/**
 * Load the phrase pack for a locale (cached). A custom templates folder may hold its own pack,
 * which is laid over the built-in one key by key.
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
  for (const file of files.reverse()) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      continue;
    }
    const loaded = loadNotice(bytes, file);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new PhrasePackError(errors);
    const phrases = merged?.phrases ?? new Map<string, string>();
    flatten(loaded.data, '', phrases);
    merged = { locale, file, phrases };
  }
  return merged;
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

/**
 * Phrases of one locale for one notice: the notice's overrides (`phrases:`), clause-scoped
 * overrides (`<clause-id>:<key>`), then the pack.
 */
export class Phrases {
  constructor(
    readonly locale: string,
    private readonly pack: PhrasePack,
    private readonly overrides: Notice['phrases'] = {},
  ) {}

  /** True if the pack or an override defines `key`. */
  has(key: string): boolean {
    return this.pack.phrases.has(key) || Boolean(this.overrides?.[key]?.[this.locale]);
  }

  /**
   * The phrase for `key` with placeholders filled in.
   * @param vars placeholder values (Markdown); a missing one leaves its slot empty and tidies the punctuation
   * @param clauseId look for `<clauseId>:<key>` first
   */
  get(key: string, vars: PhraseVars = {}, clauseId?: string): string {
    const raw =
      (clauseId ? this.overrides?.[`${clauseId}:${key}`]?.[this.locale] : undefined) ??
      this.overrides?.[key]?.[this.locale] ??
      this.pack.phrases.get(key);
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
  let out = template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}(\.?)/g, (_, name: string, stop: string) => {
    const value = vars[name];
    if (value === undefined) return `\u0000${stop}`;
    return stop && ENDS_SENTENCE.test(value.trimEnd()) ? value.trimEnd() : value + stop;
  });
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
