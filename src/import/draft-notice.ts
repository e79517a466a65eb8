/**
 * Turn the blocks of an existing notice into a draft notice: headings become sections, bullet
 * lists become categories, purposes, recipients or rights where their heading or lead-in sentence
 * says so, GDPR citations become legal bases, e-mail addresses and telephone numbers contacts,
 * country names destinations, and everything else free clauses in place. Where a person must
 * decide, the draft carries a TODO; where the source says nothing about something the schema
 * requires, the field is left empty so that validation stops exactly there.
 */
import type { Category, Clause, Destination, Purpose, Recipient, Right, RightName, RetentionRule } from '../model/notice.js';
import { basesFor, blockText, chunks, firstSentence, mergeClauses, toSegments, uniqueId } from './draft-parts.js';
import type { Draft, Todo } from './draft-yaml.js';
import { findController } from './find-parties.js';
import { citations, COMPLAINT_SENTENCE, countries, firstDate, firstPeriod, headingKind, leadInKind, recipientKind, RETENTION_SENTENCE, rightsNamed, TRANSFER_SENTENCE, type SectionKind } from './recognise.js';
import type { SourceBlock, SourceItem } from './source-blocks.js';

/** Options of {@link draftNotice}. */
export interface DraftOptions {
  /** The notice's language (a locale with a phrase pack). */
  locale: string;
  /** The notice id. */
  id: string;
  /** Date used for `effectiveDate` when the source gives none (YYYY-MM-DD). */
  today: string;
}


const ANCHOR: Partial<Record<SectionKind, Clause['after']>> = {
  controller: 'controller',
  dpo: 'dpo',
  purposes: 'purposes',
  categories: 'categories',
  sources: 'sources',
  legalBases: 'legalBases',
  recipients: 'recipients',
  transfers: 'transfers',
  retention: 'retention',
  automatedDecisions: 'automatedDecisions',
  rights: 'rights',
  complaints: 'complaints',
  requirement: 'requirement',
};

/**
 * Make a draft notice from a source document's blocks.
 * @param blocks the source, as read by readSource
 */
export function draftNotice(blocks: readonly SourceBlock[], options: DraftOptions): Draft {
  const L = options.locale;
  const text = (md: string) => ({ [L]: md });
  const todos: Todo[] = [];
  const ids = new Set<string>(['controller', 'transfers', 'retention', 'rights', 'exercise', 'complaints']);
  const newId = (words: string, fallback: string) => uniqueId(ids, words, fallback);

  // Title: the first top-level heading (or the first heading before any text).
  let rest = [...blocks];
  let title: string | undefined;
  const firstHeading = rest.findIndex((b) => b.kind === 'heading');
  if (firstHeading >= 0) {
    const h = rest[firstHeading] as Extract<SourceBlock, { kind: 'heading' }>;
    const shallowest = Math.min(...rest.filter((b) => b.kind === 'heading').map((b) => (b as { depth: number }).depth));
    if (h.depth === shallowest && (h.depth === 1 || firstHeading === 0)) {
      title = h.md;
      rest = rest.filter((_, i) => i !== firstHeading);
    }
  }

  const segments = toSegments(rest);
  const hasKind = (k: SectionKind) => segments.some((s) => s.kind === k);

  const categories: Category[] = [];
  const purposes: Purpose[] = [];
  const recipients: Recipient[] = [];
  const rights: Right[] = [];
  const rules: RetentionRule[] = [];
  const clauses: Clause[] = [];
  const phrases: Record<string, Record<string, string>> = {};
  const destinations = new Map<string, string>();
  const transferNotes: string[] = [];
  let intro: string | undefined;
  let complaintsText: string | undefined;
  let anchor: Clause['after'] = 'intro';
  const usedRights = new Set<RightName>();
  const basesNoted = new Map<number, string>();

  const addRight = (right: RightName, md: string): boolean => {
    if (usedRights.has(right)) return false;
    usedRights.add(right);
    rights.push({ id: newId(right, 'right'), right, text: text(md) });
    return true;
  };
  const noteTransfer = (t: string) => {
    for (const code of countries(t, L)) if (!destinations.has(code)) destinations.set(code, t);
    if (/standard contractual clauses|standardvertragsklauseln|standartlīguma klauzul|līguma standartklauzul/iu.test(t)) transferNotes.push('standard contractual clauses (mechanism: scc)');
    if (/data privacy framework|datenschutzrahmen/iu.test(t)) transferNotes.push('the EU-US Data Privacy Framework (adequacy for certified US organisations)');
    if (/binding corporate rules|verbindliche(n)? interne(n)? datenschutzvorschriften/iu.test(t)) transferNotes.push('binding corporate rules (mechanism: bcr)');
  };

  for (const segment of segments) {
    const kind = segment.kind;
    const out: string[] = [];
    const purposesBefore = purposes.length;
    const segmentText = [segment.heading?.text ?? '', ...segment.blocks.map(blockText)].join(' ');
    // A subsection of a recipients section headed by a name ("13.1 Easy Marketing GmbH") is a recipient.
    const firstBlock = segment.blocks[0];
    if (kind === 'recipients' && segment.heading && !headingKind(segment.heading.text) && firstBlock?.kind === 'paragraph' && segment.heading.text.split(' ').length <= 6) {
      const name = segment.heading.text.replace(/^\d+(\.\d+)*\.?\s+/, '');
      const k = recipientKind(segmentText);
      if (k === 'other') todos.push({ path: ['recipients', recipients.length, 'kind'], message: 'what kind of recipient is this: group-company, processor, authority, controller or other?' });
      recipients.push({ id: newId(name, 'recipient'), kind: k, name, description: text(firstBlock.md) });
      segment.blocks = segment.blocks.slice(1);
      segment.heading = undefined;
    }
    segment.blocks.forEach((block, i) => {
      if (block.kind === 'list' && kind === 'retention' && segment.blocks[i - 1]?.kind === 'paragraph' && rules.length > 0) {
        // "We store your data:" and the list of cases belong to one rule.
        const rule = rules[rules.length - 1]!;
        rule.criteria = text(`${rule.criteria![L]}\n\n${block.items.map((it) => `- ${it.md.replace(/\n/g, '\n  ')}`).join('\n')}`);
        return;
      }
      if (block.kind === 'list') {
        const before = segment.blocks[i - 1];
        const leadIn = before && before.kind !== 'list' ? leadInKind(before.text) : i === 0 && segment.heading ? leadInKind(segment.heading.text) : undefined;
        const listKind = leadIn ?? (kind && ['categories', 'purposes', 'recipients', 'rights'].includes(kind) ? kind : undefined);
        const leftover: SourceItem[] = [];
        for (const item of block.items) {
          if (listKind === 'categories') categories.push({ id: newId(item.text, 'category'), label: text(item.md) });
          else if (listKind === 'purposes') purposes.push({ id: newId(item.text, 'purpose'), description: text(item.md), legalBases: basesFor(citations(item.text), newId) });
          else if (listKind === 'recipients') {
            const k = recipientKind(item.text);
            if (k === 'other') todos.push({ path: ['recipients', recipients.length, 'kind'], message: 'what kind of recipient is this: group-company, processor, authority, controller or other?' });
            recipients.push({ id: newId(item.text, 'recipient'), kind: k, description: text(item.md) });
          } else if (listKind === 'rights') {
            const named = rightsNamed(item.text);
            if (!(named[0] && addRight(named[0], item.md))) leftover.push(item);
          } else leftover.push(item);
        }
        if (leftover.length > 0) out.push(leftover.map((it) => `- ${it.md.replace(/\n/g, '\n  ')}`).join('\n'));
        return;
      }
      const t = block.text;
      if (kind === 'transfers' || TRANSFER_SENTENCE.test(t)) noteTransfer(t);
      if (kind === 'retention' || (!hasKind('retention') && RETENTION_SENTENCE.test(t))) {
        const rule: RetentionRule = { id: newId(kind === 'retention' ? `retention ${t}` : t, 'retention-rule'), criteria: text(block.md) };
        const period = firstPeriod(t);
        if (period) todos.push({ path: ['retention', 'rules', rules.length], message: `the text names "${period.match}": if it is the storage period, add period: ${period.period} (and a trigger) and shorten the criteria` });
        rules.push(rule);
        return;
      }
      if (complaintsText === undefined && COMPLAINT_SENTENCE.test(t) && (kind === 'complaints' || kind === 'rights' || rightsNamed(t).includes('complaint'))) {
        complaintsText = block.md;
        return;
      }
      const named = rightsNamed(t).filter((r) => r !== 'complaint');
      const speaksOfRight = /\bright(s)? (to|of)\b|recht auf|das recht|ein recht|\p{L}+recht\b|tiesības/iu.test(t);
      if (named.length > 0 && (kind === 'rights' || speaksOfRight)) {
        const first = named.find((r) => !usedRights.has(r));
        if (first && addRight(first, block.md)) {
          const others = named.filter((r) => r !== first && !usedRights.has(r));
          if (others.length > 0) todos.push({ path: ['rights', 'items', rights.length - 1], message: `this text also names ${others.join(', ')}: give each right its own item if the notice lists them separately` });
          return;
        }
      }
      out.push(block.md);
    });

    // Legal bases: a purpose without its own citation takes those of its section.
    const cited = citations(segmentText);
    for (let p = purposesBefore; p < purposes.length; p++) {
      if ((purposes[p]!.legalBases?.length ?? 0) > 0) continue;
      if (cited.length > 0) {
        purposes[p]!.legalBases = basesFor(cited, newId);
        basesNoted.set(p, `legal basis taken from the citation "${cited.map((c) => c.match).join('", "')}" in the same section: check that it applies to this purpose`);
      }
    }
    if (purposes.length === purposesBefore && cited.length > 0) {
      const description = segment.heading?.md ?? firstSentence(segment.blocks.find((b) => b.kind === 'paragraph' && citations(b.text).length > 0) as { md: string } | undefined);
      if (description) {
        basesNoted.set(purposes.length, `made from a section that cites "${cited.map((c) => c.match).join('", "')}": describe the purpose in a few words`);
        purposes.push({ id: newId(segment.heading?.text ?? description, 'purpose'), description: text(description), legalBases: basesFor(cited, newId) });
      }
    }

    // What is left stays in place as a free clause; the heading goes with it.
    const sectionAnchor = kind ? ANCHOR[kind] : undefined;
    if (sectionAnchor) anchor = sectionAnchor;
    if (segment === segments[0] && !segment.heading && out.length > 0) {
      intro = out.join('\n\n');
      continue;
    }
    if (out.length === 0) {
      if (segment.heading && kind && ['categories', 'purposes', 'recipients', 'rights', 'retention', 'legalBases', 'transfers', 'complaints'].includes(kind) && !phrases[`headings.${kind}`]) {
        phrases[`headings.${kind}`] = text(segment.heading.md);
      } else if (segment.heading) out.push(`**${segment.heading.md.replace(/^\*\*|\*\*$/g, '')}**`);
      else continue;
    }
    for (const [n, chunk] of chunks(out).entries()) {
      const clause: Clause = { id: newId(segment.heading?.text ?? chunk.slice(0, 60), 'clause'), after: anchor, text: text(chunk) };
      if (n === 0 && segment.heading && out[0] !== `**${segment.heading.md.replace(/^\*\*|\*\*$/g, '')}**`) clause.heading = text(segment.heading.md);
      clauses.push(clause);
    }
  }

  // The controller: a legal name with its address near the word "controller" or in a contact section.
  const controller = findController(segments, L);
  const data: Record<string, unknown> = {
    id: options.id,
    version: '1.0',
    effectiveDate: firstDate(blocks.slice(0, 12).map(blockText).join(' ')) ?? options.today,
    noticeType: 'art13',
    locales: [L],
    sourceLocale: L,
    title: text(title ?? options.id),
  };
  if (intro) data.intro = text(intro);
  if (Object.keys(phrases).length > 0) data.phrases = phrases;
  data.controller = controller.data;
  Object.assign(data, controller.parties);
  todos.push(...controller.todos);
  todos.push({ path: ['version'], message: 'the version of this notice' });
  if (!firstDate(blocks.slice(0, 12).map(blockText).join(' '))) todos.push({ path: ['effectiveDate'], message: 'the date from which this version applies (the source gives none)' });
  todos.push({ path: ['noticeType'], message: 'art13 if the data come from the person, art14 if from elsewhere, both for both' });
  if (!title) todos.push({ path: ['title'], message: 'the notice has no top-level heading: write its title' });

  data.purposes = purposes;
  if (purposes.length === 0) todos.push({ path: ['purposes'], message: 'no purpose with a GDPR legal basis was found: add the purposes, each with its legal basis' });
  purposes.forEach((p, i) => {
    if ((p.legalBases?.length ?? 0) === 0) todos.push({ path: ['purposes', i, 'legalBases'], message: 'which legal basis (gdpr: 6(1)(a)-(f), 9(2)(a)-(j)) does this purpose rest on? The source does not say' });
    else if (basesNoted.has(i)) todos.push({ path: ['purposes', i], message: basesNoted.get(i)! });
  });
  data.categories = categories;
  if (categories.length === 0) todos.push({ path: ['categories'], message: 'no list of personal data categories was found: add the categories' });
  if (recipients.length > 0) data.recipients = recipients;
  else todos.push({ path: [], message: 'recipients: the source names no recipients; add them, or `recipients: []` if there are none (which prints that there are none)' });
  if (destinations.size > 0) {
    const list: Destination[] = [...destinations.keys()].map((code) => ({ id: newId(code.toLowerCase(), 'destination'), country: code }));
    data.transfers = { id: 'transfers', destinations: list };
    todos.push({
      path: ['transfers'],
      message: `countries named where the source speaks of where data go: check each, and give adequacy or a safeguard for those outside the EEA${transferNotes.length ? `; the source mentions ${[...new Set(transferNotes)].join(' and ')}` : ''}`,
    });
  }
  data.retention = { id: 'retention', rules };
  if (rules.length === 0) todos.push({ path: ['retention', 'rules'], message: 'no storage period was found: say how long the data are kept, or the criteria' });
  data.rights = { id: 'rights', items: rights, exercise: { id: 'exercise' } };
  if (rights.length === 0) todos.push({ path: ['rights', 'items'], message: 'no rights were found: list the rights that apply' });
  todos.push({ path: ['rights', 'exercise'], message: 'how to exercise the rights: without details the notice says to contact the controller' });
  data.complaints = complaintsText ? { id: 'complaints', text: text(complaintsText) } : { id: 'complaints' };
  if (!complaintsText) todos.push({ path: ['complaints'], message: 'the source does not mention the right to complain to a supervisory authority (Art. 77): add it' });
  if (clauses.length > 200) mergeClauses(clauses);
  if (clauses.length > 0) data.clauses = clauses;
  return { data, todos };
}
