/**
 * The view of one notice in one locale: what templates receive. Every displayable string here is
 * Markdown (plain values such as names and addresses are escaped), so the Markdown renderer can
 * print it as is and the HTML renderer converts it through a sanitising allowlist.
 */
import type { Address, Contact, Notice, Party, Text } from './notice.js';
import { countryName, escapeMarkdown, formatDate, formatDuration, formatOr, direction, pointLetter } from './format.js';
import { Phrases } from './phrases.js';
import { isEea } from '../data/eea.js';

/** A block of content inside a section. */
export type Block =
  | { type: 'paragraph'; id?: string; md: string }
  | { type: 'list'; id?: string; items: ListItem[] }
  | { type: 'table'; id?: string; head: string[]; rows: TableRow[]; fallback: ListItem[]; markdownTable?: boolean };

/** A list item; `id` is the clause id (the anchor in HTML). */
export interface ListItem {
  id?: string;
  md: string;
}

/** A table row; `id` is the clause id. */
export interface TableRow {
  id?: string;
  cells: string[];
}

/** One section of the notice. */
export interface SectionView {
  /** Model section it comes from, e.g. `transfers`, or `clause` for a free clause with a heading. */
  key: string;
  /** HTML id: the clause id where the section has one, else the section key in kebab-case. */
  id: string;
  /** Heading (Markdown); absent for a free clause that continues the previous section. */
  heading?: string;
  blocks: Block[];
}

/** Everything a template needs to print one notice in one locale. */
export interface NoticeView {
  /** Notice id. */
  id: string;
  version: string;
  /** YYYY-MM-DD. */
  effectiveDate: string;
  /** Effective date written out in the locale. */
  effectiveDateText: string;
  /** BCP 47 tag of this rendering. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** All locales the notice declares (for language links). */
  locales: string[];
  /** Title (Markdown). */
  title: string;
  /** Title as plain text (for <title>, PDF metadata, footer). */
  titleText: string;
  /** "Version 1.0, effective 1 June 2021." (Markdown). */
  versionLine: string;
  /** Heading of the table of contents. */
  contentsHeading: string;
  /** Intro paragraphs (Markdown), if any. */
  intro?: string;
  sections: SectionView[];
  /** Table of contents: sections with a heading. */
  toc: { id: string; heading: string }[];
}

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
  const partyLine = (party: Party): string =>
    [esc(party.name), address(party.address, party.id), ...contactParts(party.contact)].filter(Boolean).join(sep);

  // "6(1)(b)" in the locale's citation form ("Art. 6 Abs. 1 lit. b DSGVO", "άρθρο 6 παράγραφος 1 στοιχείο β)").
  const citationOf = (gdpr: string, clauseId: string): string => {
    const [article, paragraph, point] = gdpr.match(/\d+|[a-z]/g) ?? [];
    return p('legalBasis.citation', { article, paragraph, point: pointLetter(point, locale) }, clauseId);
  };

  const sections = new Map<string, SectionView>();
  const add = (key: string, id: string, heading: string | undefined, blocks: Block[]) => {
    // The section carries the clause id; a block repeating it would duplicate the HTML id.
    const unique = blocks.filter(nonEmpty).map((b) => (b.id === id ? { ...b, id: undefined } : b));
    // A heading with nothing under it would say something the notice does not (e.g. "Complaints").
    if (unique.length === 0) return;
    sections.set(key, { key, id, heading, blocks: unique });
  };

  // Controller, representative, DPO
  {
    const c = notice.controller;
    const quote = (s: string) => p('quote', { text: esc(s) });
    const aliases = c.aliases?.length ? formatOr([...c.aliases.map(quote), p('quote', { text: p('controller.we') })], locale) : undefined;
    const blocks: Block[] = [
      { type: 'paragraph', id: c.id, md: p(c.address ? (aliases ? 'controller.identityWithAliases' : 'controller.identity') : aliases ? 'controller.nameWithAliases' : 'controller.name', { name: esc(c.name), address: address(c.address, c.id), aliases }, c.id) },
    ];
    const contacts = contactParts(c.contact);
    if (contacts.length > 0) blocks.push({ type: 'paragraph', md: p('controller.contact', { contact: contacts.join(sep) }, c.id) });
    if (t(c.note)) blocks.push({ type: 'paragraph', md: t(c.note)! });
    if (notice.representative) {
      const r = notice.representative;
      blocks.push({ type: 'paragraph', id: r.id, md: endSentence(`${p('representative.contact', {}, r.id)} ${partyLine(r)}`) });
      if (t(r.note)) blocks.push({ type: 'paragraph', md: t(r.note)! });
    }
    if (notice.dpo) {
      const d = notice.dpo;
      blocks.push({ type: 'paragraph', id: d.id, md: endSentence(`${p('dpo.contact', {}, d.id)} ${partyLine(d)}`) });
      if (t(d.note)) blocks.push({ type: 'paragraph', md: t(d.note)! });
    }
    add('controller', c.id, p('headings.controller'), blocks);
  }

  if (notice.jointControllers?.length) {
    add('jointControllers', 'joint-controllers', p('headings.jointControllers'), [
      { type: 'paragraph', md: p('jointControllers.intro') },
      { type: 'list', items: notice.jointControllers.map((j) => ({ id: j.id, md: `${endSentence(partyLine({ id: j.id, name: j.name, address: j.address, contact: j.contact }))} ${t(j.arrangement) ?? ''}`.trim() })) },
    ]);
  }

  const purposeName = new Map(notice.purposes.map((pu) => [pu.id, t(pu.description) ?? pu.id]));
  const categoryLabel = new Map(notice.categories.map((c) => [c.id, t(c.label) ?? c.id]));
  const layoutOf = (section: 'purposes' | 'recipients' | 'transfers'): 'list' | 'table' | undefined => notice.layouts?.[section] ?? notice.layout;

  // One legal basis as the notice states it, and a purpose's legitimate interests.
  const basisLine = (basis: NonNullable<(typeof notice.purposes)[number]['legalBases']>[number]): string => {
    const [article, paragraph, point] = basis.gdpr.match(/\d+|[a-z]/g) ?? [];
    const citation = citationOf(basis.gdpr, basis.id);
    const statement = t(basis.statement) ?? p(`legalBasis.names.a${article}p${paragraph}${point}`);
    const law = t(basis.law);
    const key = law ? 'legalBasis.itemLaw' : basis.gdpr === '6(1)(f)' ? 'legalBasis.itemLegitimate' : 'legalBasis.item';
    return p(key, { statement, citation, law, legitimateInterestsLabel: p('legalBasis.legitimateInterestsLabel') }, basis.id);
  };
  const interestsLine = (pu: (typeof notice.purposes)[number]): string | undefined =>
    t(pu.legitimateInterests) ? p('legalBasis.legitimateInterests', { interests: t(pu.legitimateInterests), purpose: purposeName.get(pu.id) }, pu.id) : undefined;
  // Retention rules that name purposes belong to those purposes in the table layout.
  const retentionLine = (rule: NonNullable<typeof notice.retention>['rules'][number], withScope: boolean): string => {
    const parts: string[] = [];
    if (rule.period) {
      const scope = withScope ? [...(rule.categories ?? []).map((id) => categoryLabel.get(id) ?? id), ...(rule.purposes ?? []).map((id) => purposeName.get(id)?.replace(/\.$/, '') ?? id)] : (rule.categories ?? []).map((id) => categoryLabel.get(id) ?? id);
      const trigger = t(rule.trigger) ? p('retention.trigger', { trigger: t(rule.trigger) }, rule.id) : '';
      const period = esc(formatDuration(rule.period, locale));
      parts.push(scope.length ? p('retention.period', { what: scope.join(sep), period, trigger }, rule.id) : p(withScope ? 'retention.periodAll' : 'retention.periodOnly', { period, trigger }, rule.id));
    } else if (t(rule.trigger)) parts.push(t(rule.trigger)!);
    if (t(rule.criteria)) parts.push(t(rule.criteria)!);
    if (t(rule.law)) parts.push(p('retention.law', { law: t(rule.law) }, rule.id));
    return parts.join(' ');
  };
  const purposeTable = layoutOf('purposes') === 'table';

  if (purposeTable) {
    const rows: TableRow[] = notice.purposes.map((pu) => {
      const bases = (pu.legalBases ?? []).map(basisLine);
      const interests = interestsLine(pu);
      const rules = (notice.retention?.rules ?? []).filter((r) => r.purposes?.includes(pu.id));
      return {
        id: pu.id,
        cells: [
          t(pu.description) ?? '',
          (pu.categories ?? []).map((id) => categoryLabel.get(id) ?? id).join(sep),
          [...bases, ...(interests ? [interests] : [])].join(' '),
          rules.map((r) => retentionLine(r, false)).join(' '),
        ],
      };
    });
    add('purposes', 'purposes', p('headings.purposes'), [
      { type: 'paragraph', md: p('purposes.intro') },
      {
        type: 'table',
        head: [p('purpose.column.purpose'), p('purpose.column.data'), p('purpose.column.legalBasis'), p('purpose.column.retention')],
        rows,
        fallback: notice.purposes.map((pu) => ({ id: pu.id, md: t(pu.description) ?? '' })),
        markdownTable: true,
      },
    ]);
  } else {
    add('purposes', 'purposes', p('headings.purposes'), [
      { type: 'paragraph', md: p('purposes.intro') },
      { type: 'list', items: notice.purposes.map((pu) => ({ id: pu.id, md: t(pu.description) ?? '' })) },
    ]);
  }

  {
    const items: ListItem[] = notice.categories.map((cat) => {
      const label = t(cat.label) ?? '';
      const condition = t(cat.condition);
      return { id: cat.id, md: condition ? p('category.withCondition', { label, condition }, cat.id) : label };
    });
    add('categories', 'categories', p('headings.categories'), [{ type: 'paragraph', md: p('categories.intro') }, { type: 'list', items }]);
  }

  if (notice.sources?.length) {
    add('sources', 'sources', p('headings.sources'), [
      { type: 'paragraph', md: p('sources.intro') },
      { type: 'list', items: notice.sources.map((source) => ({ id: source.id, md: t(source.description) ?? '' })) },
    ]);
  }

  if (!purposeTable) {
    // Legal bases by purpose: each purpose that states one, with its bases and legitimate interests.
    const stated = notice.purposes.filter((pu) => (pu.legalBases ?? []).length > 0 || interestsLine(pu));
    const blocks: Block[] = [{ type: 'paragraph', md: p('legalBases.intro') }];
    for (const pu of stated) {
      if (stated.length > 1) blocks.push({ type: 'paragraph', md: p('legalBasis.forPurpose', { purpose: purposeName.get(pu.id) }, pu.id) });
      blocks.push({ type: 'list', items: (pu.legalBases ?? []).map((basis) => ({ id: basis.id, md: basisLine(basis) })) });
      const interests = interestsLine(pu);
      if (interests) blocks.push({ type: 'paragraph', md: interests });
    }
    if (stated.length > 0) add('legalBases', 'legal-bases', p('headings.legalBases'), blocks);
  }

  if (notice.recipients) {
    const r = notice.recipients;
    const blocks: Block[] =
      r.length === 0
        ? [{ type: 'paragraph', md: p('recipients.none') }]
        : [
            { type: 'paragraph', md: p('recipients.intro') },
            {
              type: 'table',
              head: [p('recipient.column.kind'), p('recipient.column.recipient')],
              rows: r.map((x) => ({ id: x.id, cells: [p(`recipient.kinds.${x.kind}`), [x.name && `**${esc(x.name)}**`, t(x.description)].filter(Boolean).join(' ')] })),
              fallback: r.map((x) => ({ id: x.id, md: [x.name && `**${esc(x.name)}**`, t(x.description)].filter(Boolean).join(' ') })),
            },
          ];
    add('recipients', 'recipients', p('headings.recipients'), blocks.map((b) => withLayout(b, layoutOf('recipients'))));
  }

  if (notice.transfers) {
    const tr = notice.transfers;
    const name = (d: (typeof tr.destinations)[number]) => (d.country ? esc(countryName(d.country, locale, 'short')) : esc(d.organisation ?? d.id));
    const inside = tr.destinations.filter((d) => d.country && isEea(d.country));
    const outside = tr.destinations.filter((d) => !(d.country && isEea(d.country)));
    const list = (ds: typeof inside) => ds.map(name).join(sep);
    const split = inside.length && outside.length ? p('transfers.split', { inside: list(inside), outside: list(outside) }) : inside.length ? p('transfers.insideOnly', { inside: list(inside) }) : p('transfers.outsideOnly', { outside: list(outside) });
    const blocks: Block[] = [{ type: 'paragraph', id: tr.id, md: `${t(tr.statement) ?? p('transfers.intro', {}, tr.id)} ${split}` }];
    const safeguardName = new Map<string, string>();
    for (const s of tr.safeguards ?? []) {
      if (s.mechanism) safeguardName.set(s.id, p(`safeguard.${s.mechanism}`, { derogation: s.derogation, citation: s.derogation && citationOf(s.derogation, s.id) }, s.id));
      const description = t(s.description);
      if (description) blocks.push({ type: 'paragraph', id: s.id, md: description });
      const copy = t(s.copy);
      if (copy && !(description ?? '').includes(copy)) blocks.push({ type: 'paragraph', md: p('transfers.copy', { copy }, s.id) });
    }
    const items: ListItem[] = (tr.safeguards ?? [])
      .map((s) => ({ s, ds: tr.destinations.filter((d) => d.safeguard === s.id) }))
      .filter(({ s, ds }) => ds.length > 0 && safeguardName.has(s.id))
      .map(({ s, ds }) => ({ md: p('transfers.safeguardFor', { safeguard: safeguardName.get(s.id), destinations: ds.map(name).join(sep) }) }));
    const yesNo = (v: boolean | undefined) => (v === undefined ? p('transfers.notStated') : v ? p('transfers.yes') : p('transfers.no'));
    blocks.push({
      type: 'table',
      head: [p('transfers.column.destination'), p('transfers.column.area'), p('transfers.column.adequacy'), p('transfers.column.safeguard')],
      rows: tr.destinations.map((d) => ({
        id: d.id,
        cells: [d.country ? esc(countryName(d.country, locale)) : name(d), d.country && isEea(d.country) ? p('transfers.eea') : p('transfers.outsideEea'), d.country && isEea(d.country) ? '' : yesNo(d.adequacy), d.safeguard ? (safeguardName.get(d.safeguard) ?? '') : ''],
      })),
      fallback: items,
    });
    add('transfers', tr.id, p('headings.transfers'), blocks.map((b) => withLayout(b, layoutOf('transfers'))));
  }

  if (notice.retention) {
    const r = notice.retention;
    // In the table layout, a rule that names purposes is printed in their rows.
    const rules = purposeTable ? r.rules.filter((rule) => !rule.purposes?.length) : r.rules;
    const blocks: Block[] = rules.map((rule): Block => ({ type: 'paragraph', id: rule.id, md: retentionLine(rule, true) }));
    add('retention', r.id, p('headings.retention'), blocks);
  }

  if (notice.automatedDecisions) {
    const a = notice.automatedDecisions;
    const blocks: Block[] = [{ type: 'paragraph', id: a.id, md: t(a.statement) ?? p(a.exists ? 'automatedDecisions.exists' : 'automatedDecisions.none', {}, a.id) }];
    if (t(a.logic)) blocks.push({ type: 'paragraph', md: p('automatedDecisions.logic', { text: t(a.logic) }, a.id) });
    if (t(a.consequences)) blocks.push({ type: 'paragraph', md: p('automatedDecisions.consequences', { text: t(a.consequences) }, a.id) });
    add('automatedDecisions', a.id, p('headings.automatedDecisions'), blocks);
  }

  {
    const r = notice.rights;
    const items = r.items.map((item) => {
      const title = t(item.title) ?? p(`rights.${item.right}.title`);
      const text = t(item.text) ?? p(`rights.${item.right}.text`);
      return { id: item.id, md: p('rights.item', { title: `**${title}**`, text }, item.id).replace(/\*\*\./, '.**') };
    });
    add('rights', r.id, p('headings.rights'), [{ type: 'paragraph', md: t(r.intro) ?? p('rights.intro') }, { type: 'list', items }]);

    const e = r.exercise;
    if (e) {
    const blocks: Block[] = [];
    const via = e.contactVia ?? [];
    const parties = via.map((v) => (v === 'representative' ? notice.representative : v === 'dpo' ? notice.dpo : undefined)).filter((x): x is Party => Boolean(x));
    const own = contactParts(e.contact);
    if (parties.length > 0 || own.length > 0) {
      blocks.push({ type: 'paragraph', id: e.id, md: endSentence(`${p('exercise.contact', {}, e.id)} ${[...parties.map(partyLine), ...own].join('; ')}`) });
    } else if (via.includes('controller')) blocks.push({ type: 'paragraph', id: e.id, md: p('exercise.contactController', {}, e.id) });
    if (e.freeOfCharge) blocks.push({ type: 'paragraph', md: p('exercise.free', {}, e.id) });
    if (t(e.fees)) blocks.push({ type: 'paragraph', md: t(e.fees)! });
    if (t(e.identityCheck)) blocks.push({ type: 'paragraph', md: p('exercise.identity', { text: t(e.identityCheck) }, e.id) });
    const response = [e.responseTime ? p('exercise.responseTime', { period: esc(formatDuration(e.responseTime, locale)) }, e.id) : undefined, t(e.extension)].filter(Boolean).join(' ');
    if (response) blocks.push({ type: 'paragraph', md: response });
    if (t(e.text)) blocks.push({ type: 'paragraph', md: t(e.text)! });
    add('exercise', e.id, p('headings.exercise'), blocks);
    }
  }

  if (notice.complaints) {
    const c = notice.complaints;
    const blocks: Block[] = [];
    if (t(c.text)) blocks.push({ type: 'paragraph', id: c.id, md: t(c.text)! });
    if (c.authority) blocks.push({ type: 'paragraph', id: c.authority.id, md: p('complaints.authority', { authority: partyLine(c.authority) }, c.authority.id) });
    add('complaints', c.id, p('headings.complaints'), blocks);
  }

  if (notice.requirement) {
    const q = notice.requirement;
    const blocks: Block[] = q.kind ? [{ type: 'paragraph', id: q.id, md: p(`requirement.${q.kind}`, {}, q.id) }] : [];
    if (t(q.consequences)) blocks.push({ type: 'paragraph', md: p('requirement.consequences', { text: t(q.consequences) }, q.id) });
    add('requirement', q.id, p('headings.requirement'), blocks);
  }

  // Order sections (the notice's own order first, then the standard one) and place free clauses
  // after the section they name; then clauses placed after a given clause id.
  const ordered: SectionView[] = [];
  const clauseBlock = (clause: NonNullable<Notice['clauses']>[number], heading: string | undefined): Block => ({ type: 'paragraph', id: heading ? undefined : clause.id, md: t(clause.text) ?? '' });
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
    // A date that ends in an abbreviation (bg "2025 г.", hu "2025. március 1.") ends the sentence too.
    versionLine: p('meta.version', { version: esc(notice.version), date: esc(formatDate(notice.effectiveDate, locale, 'sentence')) }).replace(/\.\.$/, '.'),
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

/** A sentence with one full stop at its end: none is added after one of its own (. ! ? …). */
function endSentence(md: string): string {
  const s = md.trimEnd();
  return /[.!?…]["”’»*_)]*$/u.test(s) && !/\]\([^)]*\)$/.test(s) ? s : `${s}.`;
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

/** A table block printed as the layout asks: a list, a table in every format, or as it is. */
function withLayout(block: Block, layout: 'list' | 'table' | undefined): Block {
  if (block.type !== 'table' || layout === undefined) return block;
  return layout === 'table' ? { ...block, markdownTable: true } : { type: 'list', id: block.id, items: block.fallback };
}

function nonEmpty(block: Block): boolean {
  if (block.type === 'paragraph') return block.md.trim() !== '';
  if (block.type === 'list') return block.items.length > 0;
  return block.rows.length > 0;
}

