/**
 * Helpers shared by the diff formatters (text, Markdown, HTML, JSON).
 */
import { rule, type Rule } from './classify-rules.js';
import type { ChangeClass, ClauseChange, NoticeDiff, WordPart } from './types.js';
import { INVISIBLE } from '../notice/characters.js';

/** Options every formatter accepts. */
export interface FormatDiffOptions {
  /** ANSI colours (text format only). */
  color?: boolean;
  /** A generation time to print (HTML and Markdown); omitted by default so output is reproducible. */
  timestamp?: string;
}

/**
 * The changes grouped by class (material, review, editorial), each group in document order.
 * @param changes the changes of one diff
 */
export function byClass(changes: readonly ClauseChange[]): { material: ClauseChange[]; review: ClauseChange[]; editorial: ClauseChange[] } {
  return { material: changes.filter((c) => c.class === 'material'), review: changes.filter((c) => c.class === 'review'), editorial: changes.filter((c) => c.class === 'editorial') };
}

/** The three classes in report order, with their headings. */
export const CLASS_TITLES: readonly { cls: ChangeClass; title: string; note: string }[] = [
  { cls: 'material', title: 'Material changes', note: 'Data subjects must be told about these actively, before they take effect (WP260 rev.01, paras 29-31).' },
  { cls: 'review', title: 'Changes to review', note: 'A person must decide: these may change what the notice says about processing (facts written in text, or a translation that says something new).' },
  { cls: 'editorial', title: 'Editorial changes', note: 'Layout, spelling, order, ids, texts without facts of their own, metadata: no change of meaning.' },
];

/**
 * The rules that made changes material or put them up for review, each once, in order of first use.
 * @param changes the changes of one diff
 */
export function materialRules(changes: readonly ClauseChange[]): Rule[] {
  const seen = new Set<string>();
  const out: Rule[] = [];
  for (const c of changes) {
    if (!c.rule || seen.has(c.rule)) continue;
    seen.add(c.rule);
    out.push(rule(c.rule));
  }
  return out;
}


/**
 * Make invisible and direction-control characters visible as `⟨U+200D⟩`, so that a reviewer of a
 * diff sees them (validation lets joiners and direction marks through, with a warning).
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => `⟨U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/**
 * Shorten long unchanged runs of a word diff to their first and last words, for terminal and PR output.
 * @param parts a word diff
 * @param keep how many characters of context to keep on each side of a change
 */
export function compressParts(parts: readonly WordPart[], keep = 40): WordPart[] {
  return parts.map(([op, text], i) => {
    if (op !== '=' || text.length <= keep * 2 + 3) return [op, text];
    const first = i === 0;
    const last = i === parts.length - 1;
    if (first) return [op, `…${cutStart(text, keep)}`];
    if (last) return [op, `${cutEnd(text, keep)}…`];
    return [op, `${cutEnd(text, keep)} … ${cutStart(text, keep)}`];
  });
}

function cutEnd(text: string, n: number): string {
  const s = text.slice(0, n);
  const space = s.lastIndexOf(' ');
  return space > n / 2 ? s.slice(0, space + 1) : s;
}

function cutStart(text: string, n: number): string {
  const s = text.slice(-n);
  const space = s.indexOf(' ');
  return space >= 0 && space < n / 2 ? s.slice(space) : s;
}

/**
 * Flatten a clause's own content to labelled lines for display: texts per locale, lists joined.
 * @param value the clause content (`before`/`after` of an added or removed clause)
 */
export function flattenValue(value: unknown, prefix = ''): { field: string; text: string; locale?: string }[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return [{ field: prefix, text: value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') }];
  if (typeof value !== 'object') return [{ field: prefix, text: String(value) }];
  const record = value as Record<string, unknown>;
  const entries = Object.entries(record);
  // A map of locale -> string is a text.
  if (prefix && entries.length > 0 && entries.every(([k, v]) => /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/.test(k) && typeof v === 'string')) {
    return entries.map(([locale, text]) => ({ field: prefix, text: String(text).replace(/\s+/g, ' ').trim(), locale }));
  }
  return entries.filter(([k]) => prefix || k !== 'id').flatMap(([k, v]) => flattenValue(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * `praxisportal 1.0 (2025-03-01) -> 2.0 (2026-01-15)`.
 * @param diff a diff
 */
export function headline(diff: NoticeDiff): string {
  const idPart = diff.from.id === diff.to.id ? diff.to.id : `${diff.from.id} -> ${diff.to.id}`;
  return `${idPart} ${diff.from.version} (${diff.from.effectiveDate}) -> ${diff.to.version} (${diff.to.effectiveDate})`;
}

/**
 * `13 material, 2 to review, 9 editorial (7 added, 13 modified, ...)`, or `no differences`.
 * @param diff a diff
 */
export function countsLine(diff: NoticeDiff): string {
  const s = diff.summary;
  if (diff.changes.length === 0) return 'no differences';
  const kinds = (['added', 'removed', 'modified', 'moved', 'renamed'] as const).filter((k) => s[k] > 0).map((k) => `${s[k]} ${k}`);
  return `${s.material} material, ${s.review} to review, ${s.editorial} editorial (${kinds.join(', ')})`;
}

/** The symbol a change kind is listed with. */
export const KIND_MARK: Record<string, string> = { added: '+', removed: '-', modified: '~', moved: '↕', renamed: '→' };
