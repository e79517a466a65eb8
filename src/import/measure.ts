/**
 * How much of a source notice a draft keeps: the share of the source's sentences that the draft's
 * rendering reproduces word for word, and the share of recognisable facts (e-mail addresses,
 * telephone numbers, cited legal bases, countries, named rights, storage periods) the draft holds
 * in structured fields rather than only in free text.
 */
import type { Nodes } from 'mdast';
import { loadNotice } from '../load/read-notice.js';
import { buildView } from '../model/view.js';
import { loadPhrasePack, Phrases } from '../model/phrases.js';
import type { Notice } from '../model/notice.js';
import { renderMarkdown } from '../render/markdown/index.js';
import { parseMarkdown } from '../notice/markdown.js';
import { validateNotice } from '../validate/index.js';
import type { SourceBlock } from './source-blocks.js';
import { citations, countries, emails, firstPeriod, phones, rightsNamed } from './recognise.js';

/** The figures for one imported source. */
export interface ImportMeasure {
  /** Sentences (and headings, list items) in the source. */
  sentences: number;
  /** How many of them appear word for word in the draft's rendering; undefined if the draft does not validate. */
  reproduced?: number;
  /** The sentences the rendering lacks (at most 20, for a report). */
  missing: string[];
  /** Facts recognised in the source. */
  facts: number;
  /** How many of them the draft holds in structured fields. */
  structured: number;
  /** Facts by kind: [found, structured]. */
  factKinds: Record<string, [number, number]>;
}

/** Split a block's plain text into sentences (a heading or list item is one at least). */
export function sentencesOf(blocks: readonly SourceBlock[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    const texts = b.kind === 'list' ? b.items.map((i) => i.text) : [b.text];
    for (const t of texts) {
      for (const s of normalise(t).split(/(?<=[.!?…])\s+(?=[\p{Lu}\d„“"(\[])/u)) if (/\p{L}{2}/u.test(s)) out.push(s);
    }
  }
  return out;
}

function normalise(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function plain(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return node.children.map((c) => plain(c as Nodes)).join(node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem' ? '' : ' ');
  return '';
}

/**
 * Measure a draft against its source.
 * @param blocks the source as read
 * @param yamlText the draft notice
 * @param locale the draft's language
 */
export async function measureImport(blocks: readonly SourceBlock[], yamlText: string, locale: string): Promise<ImportMeasure> {
  const sentences = sentencesOf(blocks);
  const checked = validateNotice(loadNotice(yamlText, 'draft.yaml'));
  let reproduced: number | undefined;
  const missing: string[] = [];
  const notice = checked.notice as Notice | undefined;
  if (notice) {
    const pack = await loadPhrasePack(locale);
    if (!pack) throw new Error(`no phrase pack for ${locale}`);
    const md = renderMarkdown(buildView(notice, new Phrases(locale, pack, notice.phrases)));
    const rendered = ` ${normalise(plain(parseMarkdown(md)))} `;
    reproduced = 0;
    for (const s of sentences) {
      if (rendered.includes(s)) reproduced++;
      else if (missing.length < 20) missing.push(s);
    }
  }
  // Facts: what the source states that a structured field could hold.
  const all = blocks.map((b) => (b.kind === 'list' ? b.items.map((i) => i.text).join('\n') : b.text)).join('\n');
  const data = (checked.notice ?? loadNotice(yamlText, 'draft.yaml').data ?? {}) as Partial<Notice>;
  const kinds: Record<string, [number, number]> = {};
  const count = (kind: string, found: readonly string[], held: (f: string) => boolean) => {
    kinds[kind] = [found.length, found.filter(held).length];
  };
  const contacts = JSON.stringify([data.controller?.contact, data.dpo?.contact, data.representative?.contact, data.rights?.exercise?.contact, data.complaints?.authority?.contact]);
  count('e-mail addresses', emails(all), (e) => contacts.includes(`"${e}"`));
  count('telephone numbers', phones(all), (p) => contacts.includes(`"${p}"`));
  const bases = new Set((data.purposes ?? []).flatMap((p) => p.legalBases?.map((b) => b.gdpr) ?? []));
  count('legal bases cited', [...new Set(citations(all).map((c) => c.gdpr))], (g) => bases.has(g as never));
  const held = new Set([data.controller?.address?.country, ...(data.transfers?.destinations ?? []).map((d) => d.country)]);
  count('countries', countries(all, locale), (c) => held.has(c));
  const rights = new Set((data.rights?.items ?? []).map((r) => r.right));
  count('rights named', [...new Set(blocks.flatMap((b) => (b.kind === 'list' ? b.items.map((i) => i.text) : [b.text])).filter((t) => /\bright|recht|tiesīb/iu.test(t)).flatMap(rightsNamed))], (r) => rights.has(r as never) || (r === 'complaint' && Boolean(data.complaints?.text)));
  const periods = blocks.flatMap((b) => (b.kind === 'paragraph' ? [firstPeriod(b.text)?.period] : [])).filter((p): p is string => Boolean(p));
  const rulePeriods = new Set((data.retention?.rules ?? []).map((r) => r.period));
  count('storage periods', [...new Set(periods)], (p) => rulePeriods.has(p));
  const facts = Object.values(kinds).reduce((a, [f]) => a + f, 0);
  const structured = Object.values(kinds).reduce((a, [, s]) => a + s, 0);
  return { sentences: sentences.length, ...(reproduced === undefined ? {} : { reproduced }), missing, facts, structured, factKinds: kinds };
}
