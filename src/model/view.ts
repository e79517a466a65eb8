/**
 * The view of one notice in one locale: what templates receive. Every displayable string here is
 * Markdown (plain values such as names and addresses are escaped), so the Markdown renderer can
 * print it as is and the HTML renderer converts it through a sanitising allowlist.
 *
 * The sections are built in `view/` (parties, processing, sharing, rights); this module orders
 * them, places the free clauses and adds the notice's metadata.
 */
import type { Notice } from './notice.js';
import { direction, formatDate } from './format.js';
import type { Phrases } from './phrases.js';
import { viewContext } from './view/context.js';
import { addParties } from './view/parties.js';
import { addProcessing } from './view/processing.js';
import { addRights } from './view/rights.js';
import { addSharing } from './view/sharing.js';
import type { Block, NoticeView, SectionView } from './view/types.js';

export type { Block, ListItem, NoticeView, SectionView, TableRow } from './view/types.js';

const SECTION_ORDER = [
  'controller',
  'jointControllers',
  'purposes',
  'categories',
  'sources',
  'legalBases',
  'recipients',
  'transfers',
  'retention',
  'automatedDecisions',
  'rights',
  'exercise',
  'complaints',
  'requirement',
] as const;

/**
 * Build the view of a notice in one locale.
 * @param notice a valid notice
 * @param phrases the phrase pack for `locale` with the notice's overrides
 */
export function buildView(notice: Notice, phrases: Phrases): NoticeView {
  const { ctx, sections } = viewContext(notice, phrases);
  const { locale, t, p, esc } = ctx;
  addParties(ctx);
  addProcessing(ctx);
  addSharing(ctx);
  addRights(ctx);

  // Order sections (the notice's own order first, then the standard one) and place free clauses
  // after the section they name; then clauses placed after a given clause id.
  const ordered: SectionView[] = [];
  const clauseBlock = (clause: NonNullable<Notice['clauses']>[number], heading: string | undefined): Block => ({ type: 'paragraph', id: heading ? undefined : clause.id, md: ctx.scoped(clause.appliesTo, t(clause.text) ?? '') });
  const clausesAfter = (anchor: string) => {
    for (const clause of notice.clauses ?? []) {
      if (clause.after !== anchor) continue;
      const heading = t(clause.heading);
      const block = clauseBlock(clause, heading);
      const last = ordered[ordered.length - 1];
      if (!heading && last) last.blocks.push(block);
      else ordered.push({ key: 'clause', id: clause.id, heading, blocks: [block] });
    }
  };
  clausesAfter('intro');
  const order = [...new Set([...(notice.sectionOrder ?? []), ...SECTION_ORDER])];
  for (const key of order) {
    const section = sections.get(key);
    if (section) ordered.push(section);
    if (key === 'controller') {
      clausesAfter('controller');
      clausesAfter('representative');
      clausesAfter('dpo');
    } else clausesAfter(key);
  }
  clausesAfter('end');
  for (const clause of notice.clauses ?? []) {
    if (!clause.afterClause) continue;
    const heading = t(clause.heading);
    placeAfterClause(ordered, clause.afterClause, heading ? { key: 'clause', id: clause.id, heading, blocks: [clauseBlock(clause, heading)] } : clauseBlock(clause, heading));
  }

  const title = titleOf(notice, locale);
  return {
    id: notice.id,
    version: notice.version,
    effectiveDate: notice.effectiveDate,
    effectiveDateText: formatDate(notice.effectiveDate, locale),
    lang: locale,
    dir: direction(locale),
    locales: notice.locales,
    title,
    titleText: plainTitle(title),
    // A notice that states no version or date of its own gets no line saying it does.
    // A date that ends in an abbreviation (bg "2025 г.", hu "2025. március 1.") ends the sentence too.
    versionLine: notice.versionStated === false ? '' : p('meta.version', { version: esc(notice.version), date: esc(formatDate(notice.effectiveDate, locale, 'sentence')) }).replace(/\.\.$/, '.'),
    contentsHeading: p('headings.contents'),
    intro: t(notice.intro),
    sections: ordered,
    toc: ordered.filter((s) => s.heading).map((s) => ({ id: s.id, heading: s.heading! })),
  };
}

/** The notice's title in a locale (Markdown), or its id when it has none there. */
export function titleOf(notice: Notice, locale: string): string {
  return notice.title?.[locale] ?? notice.id;
}

/** The title as plain text (Markdown marks removed), for file metadata and PDF footers. */
export function plainTitle(title: string): string {
  return title.replace(/[*_`\\]/g, '');
}

/**
 * Put a free clause right after the clause `id`: after the block (paragraph, list or table) holding
 * it, or after the section it heads. A clause with its own heading becomes a section after the
 * section holding `id`. An id printed nowhere (e.g. a category's source in no section) puts the
 * clause at the end.
 */
function placeAfterClause(sections: SectionView[], id: string, what: Block | SectionView): void {
  const holds = (b: Block) => b.id === id || (b.type === 'list' && b.items.some((i) => i.id === id)) || (b.type === 'table' && (b.rows.some((r) => r.id === id) || b.fallback.some((i) => i.id === id)));
  let s = sections.findIndex((x) => x.id === id);
  let at = -1;
  if (s < 0) {
    s = sections.findIndex((x) => x.blocks.some(holds));
    if (s >= 0) at = sections[s]!.blocks.findIndex(holds);
  }
  if (s < 0) s = sections.length - 1;
  if ('blocks' in what) sections.splice(s + 1, 0, what);
  else if (at < 0) sections[s]!.blocks.push(what);
  else sections[s]!.blocks.splice(at + 1, 0, what);
}
