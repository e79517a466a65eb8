/**
 * What every part of a notice's view needs: the notice's texts and phrases in one locale, and the
 * small formatters (addresses, contacts, parties, citations) the sections share.
 */
import type { Address, Contact, Notice, Party, Text } from '../notice.js';
import { countryName, escapeMarkdown, pointLetter } from '../format.js';
import type { Phrases } from '../phrases.js';
import type { Block, SectionView } from './types.js';

/** A party as the view prints it: a name (legal or per locale), address, contact. */
export type PartyLike = Pick<Party, 'id' | 'name' | 'localName' | 'address' | 'contact'>;

/** The shared helpers of one view. */
export interface ViewContext {
  notice: Notice;
  locale: string;
  /** The text in this locale, if the notice gives one. */
  t: (text: Text | undefined) => string | undefined;
  /** A phrase, filled in, with the notice's overrides (for one clause when `clauseId` is given). */
  p: (key: string, vars?: Record<string, string | undefined>, clauseId?: string) => string;
  /** Escape a plain value for Markdown. */
  esc: (s: string) => string;
  /** The list separator of the locale. */
  sep: string;
  address: (a: Address | undefined, clauseId: string) => string | undefined;
  contactParts: (c: Contact | undefined) => string[];
  /** A party's name in this locale (its `localName` there, else its legal name), escaped. */
  nameOf: (party: Pick<Party, 'name' | 'localName'>) => string;
  /** Name, address and contacts of a party, joined by the separator. */
  partyLine: (party: PartyLike) => string;
  /** A GDPR provision such as `6(1)(b)` in the locale's citation form. */
  citationOf: (gdpr: string, clauseId: string) => string;
  /** The notice's own words for whom something applies to, before its text. */
  scoped: (appliesTo: Text | undefined, md: string) => string;
  /** Add a section (dropped when it has nothing to print). */
  add: (key: string, id: string, heading: string | undefined, blocks: Block[]) => void;
}

/**
 * The context of one view, and the map its sections are added to.
 * @param notice a valid notice
 * @param phrases the phrase pack for the locale with the notice's overrides
 */
export function viewContext(notice: Notice, phrases: Phrases): { ctx: ViewContext; sections: Map<string, SectionView> } {
  const locale = phrases.locale;
  const t = (text: Text | undefined): string | undefined => text?.[locale];
  const p = (key: string, vars?: Record<string, string | undefined>, clauseId?: string) => phrases.get(key, vars, clauseId);
  const esc = escapeMarkdown;
  const sep = p('list.separator');
  const address = (a: Address | undefined, clauseId: string): string | undefined =>
    a &&
    p(
      'address.format',
      {
        street: a.street && esc(a.street),
        postalCode: a.postalCode && esc(a.postalCode),
        city: a.city && esc(a.city),
        region: a.region && esc(a.region),
        country: t(a.countryName) ?? esc(countryName(a.country, locale)),
      },
      clauseId,
    );
  const contactParts = (c: Contact | undefined): string[] => {
    const parts: string[] = [];
    if (c?.email) parts.push(`[${esc(c.email)}](mailto:${c.email})`);
    if (c?.phone) parts.push(`[${esc(c.phone)}](tel:${c.phone.replace(/[^+0-9]/g, '')})`);
    if (c?.web) parts.push(`[${esc(c.web)}](${c.web})`);
    return parts;
  };
  const nameOf = (party: Pick<Party, 'name' | 'localName'>) => esc(t(party.localName) ?? party.name);
  const partyLine = (party: PartyLike): string => [nameOf(party), address(party.address, party.id), ...contactParts(party.contact)].filter(Boolean).join(sep);
  // "6(1)(b)" in the locale's citation form ("Art. 6 Abs. 1 lit. b DSGVO", "άρθρο 6 παράγραφος 1 στοιχείο β)").
  const citationOf = (gdpr: string, clauseId: string): string => {
    const [article, paragraph, point] = gdpr.match(/\d+|[a-z]/g) ?? [];
    return p('legalBasis.citation', { article, paragraph, point: pointLetter(point, locale) }, clauseId);
  };
  const scoped = (appliesTo: Text | undefined, md: string) => (t(appliesTo) ? `${t(appliesTo)} ${md}`.trim() : md);

  const sections = new Map<string, SectionView>();
  const add = (key: string, id: string, heading: string | undefined, blocks: Block[]) => {
    // The section carries the clause id; a block repeating it would duplicate the HTML id.
    const unique = blocks.filter(nonEmpty).map((b) => (b.id === id ? { ...b, id: undefined } : b));
    // A heading with nothing under it would say something the notice does not (e.g. "Complaints").
    if (unique.length === 0) return;
    sections.set(key, { key, id, heading, blocks: unique });
  };
  return { ctx: { notice, locale, t, p, esc, sep, address, contactParts, nameOf, partyLine, citationOf, scoped, add }, sections };
}

/** A sentence with one full stop at its end: none is added after one of its own (. ! ? …). */
export function endSentence(md: string): string {
  const s = md.trimEnd();
  return /[.!?…]["”’»*_)]*$/u.test(s) && !/\]\([^)]*\)$/.test(s) ? s : `${s}.`;
}

/** A table block printed as the layout asks: a list, a table in every format, or as it is. */
export function withLayout(block: Block, layout: 'list' | 'table' | undefined): Block {
  if (block.type !== 'table' || layout === undefined) return block;
  return layout === 'table' ? { ...block, markdownTable: true } : { type: 'list', id: block.id, items: block.fallback };
}

function nonEmpty(block: Block): boolean {
  if (block.type === 'paragraph') return block.md.trim() !== '';
  if (block.type === 'list') return block.items.length > 0;
  return block.rows.length > 0;
}
