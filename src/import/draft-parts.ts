/**
 * The pieces `draftNotice` builds a draft from: the source split into sections at headings, texts
 * cut to the schema's length, clause merging, unique ids and legal bases from citations.
 */
import type { Clause, GdprBasis, LegalBasis } from '../model/notice.js';
import { headingKind, type SectionKind } from './recognise.js';
import type { SourceBlock } from './source-blocks.js';

/** The blocks under one heading, with the section kind the heading names. */
export interface Segment {
  heading?: Extract<SourceBlock, { kind: 'heading' }>;
  kind?: SectionKind;
  blocks: SourceBlock[];
}

/** Longest text the draft puts in one field (below the schema's limit, so a long source section splits into clauses). */
export const MAX_TEXT = 19000;

/** The plain text of a block (a list's items joined). */
export function blockText(b: SourceBlock): string {
  return b.kind === 'list' ? b.items.map((i) => i.text).join(' ') : b.text;
}

/** Split the blocks into sections at headings; a heading that names no section takes its parent's kind. */
export function toSegments(blocks: readonly SourceBlock[]): Segment[] {
  const segments: Segment[] = [{ blocks: [] }];
  const stack: { depth: number; kind?: SectionKind }[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= b.depth) stack.pop();
      const kind = headingKind(b.text) ?? stack[stack.length - 1]?.kind;
      stack.push({ depth: b.depth, kind });
      segments.push({ heading: b, kind, blocks: [] });
    } else segments[segments.length - 1]!.blocks.push(b);
  }
  return segments.filter((s, i) => i > 0 || s.blocks.length > 0);
}

export function basesFor(cited: readonly { gdpr: GdprBasis }[], newId: (w: string, f: string) => string): LegalBasis[] {
  // `6(1)(a)` -> basis-6-1a (the slug would drop a lone "a" as a filler word)
  return cited.map((c) => ({ id: newId(`basis ${c.gdpr.replace(/\((\d)\)\(([a-j])\)/, ' $1$2')}`, 'basis'), gdpr: c.gdpr }));
}

export function firstSentence(block: { md: string } | undefined): string | undefined {
  if (!block) return undefined;
  const m = /^.{10,200}?[.!?](?=\s|$)/su.exec(block.md);
  return (m?.[0] ?? block.md.slice(0, 200)).trim();
}

/** Pieces of at most MAX_TEXT characters, split between blocks. */
export function chunks(parts: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const part of parts) {
    const pieces = part.length > MAX_TEXT ? part.match(new RegExp(`[^]{1,${MAX_TEXT}}(?=\\s|$)`, 'g')) ?? [part.slice(0, MAX_TEXT)] : [part];
    for (const piece of pieces) {
      if (current && current.length + piece.length + 2 > MAX_TEXT) {
        out.push(current);
        current = '';
      }
      current = current ? `${current}\n\n${piece}` : piece;
    }
  }
  if (current) out.push(current);
  return out;
}

/** Join neighbouring clauses with the same place until at most 200 remain (the schema's limit). */
export function mergeClauses(clauses: Clause[]): void {
  for (let i = clauses.length - 1; i > 0 && clauses.length > 200; i--) {
    const a = clauses[i - 1]!;
    const b = clauses[i]!;
    const locale = Object.keys(a.text)[0]!;
    if (a.after !== b.after) continue;
    const joined = `${a.text[locale]}\n\n${b.heading ? `**${b.heading[locale]}**\n\n` : ''}${b.text[locale]}`;
    if (joined.length > MAX_TEXT) continue;
    a.text = { [locale]: joined };
    clauses.splice(i, 1);
  }
}

/** A clause id from words: ASCII kebab-case, at most five words, unique in the notice. */
export function uniqueId(ids: Set<string>, words: string, fallback: string): string {
  const ascii = words
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const parts = ascii.split(/[^a-z0-9]+/).filter(Boolean).filter((w) => !/^(the|a|an|of|and|or|to|der|die|das|und|von|un|section|abschnitt)$/.test(w));
  let base = parts.slice(0, 5).join('-').slice(0, 48).replace(/-+$/, '');
  if (!/^[a-z]/.test(base)) base = base ? `${fallback}-${base}` : fallback;
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}
