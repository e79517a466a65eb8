/**
 * Turn the blocks of an existing notice into a draft notice: headings become sections, bullet
 * lists become categories, purposes, recipients or rights where their heading or lead-in sentence
 * says so, GDPR citations become legal bases, e-mail addresses and telephone numbers contacts,
 * country names destinations, and everything else free clauses in place. Where a person must
 * decide, the draft carries a TODO; where the source says nothing about something the schema
 * requires, the field is left empty so that validation stops exactly there.
 */
import YAML, { isMap, isScalar, isSeq } from 'yaml';
import type { Category, Clause, Destination, GdprBasis, LegalBasis, Purpose, Recipient, Right, RightName, RetentionRule } from '../model/notice.js';
import type { SourceBlock, SourceItem } from './source-blocks.js';
import {
  citations,
  COMPLAINT_SENTENCE,
  countries,
  DPO_SENTENCE,
  emails,
  firstDate,
  firstPeriod,
  headingKind,
  leadInKind,
  organisationName,
  phones,
  recipientKind,
  RETENTION_SENTENCE,
  rightsNamed,
  TRANSFER_SENTENCE,
  type SectionKind,
} from './recognise.js';

/** Something a person must decide, at a place in the draft. */
export interface Todo {
  /** YAML key path of the place, e.g. `['purposes', 0, 'legalBases']`; `[]` for the top of the file. */
  path: (string | number)[];
  message: string;
}

/** A draft notice: its data, and what a person must still decide. */
export interface Draft {
  /** The notice data (may leave required fields empty: see todos). */
  data: Record<string, unknown>;
  todos: Todo[];
}

/** Options of {@link draftNotice}. */
export interface DraftOptions {
  /** The notice's language (a locale with a phrase pack). */
  locale: string;
  /** The notice id. */
  id: string;
  /** Date used for `effectiveDate` when the source gives none (YYYY-MM-DD). */
  today: string;
}

interface Segment {
  heading?: Extract<SourceBlock, { kind: 'heading' }>;
  kind?: SectionKind;
  blocks: SourceBlock[];
}

const MAX_TEXT = 19000;
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

/** The draft as YAML, with a schema modeline and each TODO as a comment at its place. */
export function draftToYaml(draft: Draft, schemaPath: string): string {
  const doc = new YAML.Document(draft.data);
  const top: string[] = [` yaml-language-server: $schema=${schemaPath}`, ' Draft made by `noticekit import`: check every TODO, then run `noticekit validate` and `noticekit lint`.'];
  for (const todo of draft.todos) {
    const message = ` TODO: ${todo.message}`;
    if (todo.path.length === 0) {
      top.push(message);
      continue;
    }
    const parent = todo.path.length === 1 ? doc.contents : doc.getIn(todo.path.slice(0, -1), true);
    const last = todo.path[todo.path.length - 1];
    let target: { commentBefore?: string | null } | undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      target = pair && isScalar(pair.key) ? pair.key : undefined;
    } else if (isSeq(parent) && typeof last === 'number') target = parent.items[last] as { commentBefore?: string | null } | undefined;
    if (!target) top.push(message);
    else target.commentBefore = target.commentBefore ? `${target.commentBefore}\n${message}` : message;
  }
  doc.commentBefore = top.join('\n');
  return doc.toString({ lineWidth: 0, blockQuote: 'literal' });
}

function blockText(b: SourceBlock): string {
  return b.kind === 'list' ? b.items.map((i) => i.text).join(' ') : b.text;
}

/** Split the blocks into sections at headings; a heading that names no section takes its parent's kind. */
function toSegments(blocks: readonly SourceBlock[]): Segment[] {
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

function basesFor(cited: readonly { gdpr: GdprBasis }[], newId: (w: string, f: string) => string): LegalBasis[] {
  // `6(1)(a)` -> basis-6-1a (the slug would drop a lone "a" as a filler word)
  return cited.map((c) => ({ id: newId(`basis ${c.gdpr.replace(/\((\d)\)\(([a-j])\)/, ' $1$2')}`, 'basis'), gdpr: c.gdpr }));
}

function firstSentence(block: { md: string } | undefined): string | undefined {
  if (!block) return undefined;
  const m = /^.{10,200}?[.!?](?=\s|$)/su.exec(block.md);
  return (m?.[0] ?? block.md.slice(0, 200)).trim();
}

/** Pieces of at most MAX_TEXT characters, split between blocks. */
function chunks(parts: readonly string[]): string[] {
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
function mergeClauses(clauses: Clause[]): void {
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
function uniqueId(ids: Set<string>, words: string, fallback: string): string {
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

/** A party found in the source: a legal name, and its address and contact if they follow it. */
interface FoundParty {
  role: 'controller' | 'dpo' | 'representative';
  name: string;
  address?: Record<string, string>;
  email?: string;
  phone?: string;
  /** The text around it (for the TODO). */
  context: string;
}

const REPRESENTATIVE_SENTENCE = /representative|vertreter|pārstāvi/iu;

/**
 * Parties named with an address: a legal name followed (in the same paragraph, or in a run of
 * short address lines) by a postal code and town.
 */
function findParties(segments: readonly Segment[], locale: string): FoundParty[] {
  const runs: { lines: string[]; context: string; kind?: SectionKind }[] = [];
  for (const s of segments) {
    let run: string[] = [];
    let context = '';
    let previous = '';
    const close = () => {
      if (run.length > 0) runs.push({ lines: run, context: `${previous} ${context}`, kind: s.kind });
      run = [];
      context = '';
    };
    for (const b of s.blocks) {
      if (b.kind !== 'paragraph') {
        close();
        continue;
      }
      const short = b.text.length <= 80 && b.lines.length === 1 && !/[!?:]$/.test(b.text) && (!/\.$/.test(b.text) || organisationName(b.text) !== undefined);
      if (short) {
        run.push(...b.lines);
        context += ` ${b.text}`;
        continue;
      }
      close();
      runs.push({ lines: b.lines, context: `${previous} ${b.text}`, kind: s.kind });
      previous = b.text;
    }
    close();
  }
  const parties: FoundParty[] = [];
  for (const r of runs) {
    const tokens = r.lines.flatMap((l) => l.split(/,\s+(?!(?:Inc|Ltd|LLC|GmbH|AG|S\.A\.)\b)|:\s+/)).map((t) => t.replace(/[,;]$/, '').trim()).filter(Boolean);
    const at = tokens.findIndex((t) => organisationName(t) && t.length <= organisationName(t)!.length + 60);
    if (at < 0) continue;
    // 60486 Frankfurt / D-60486 Frankfurt / LV-1010 Rīga, or US style: New Hope, PA 18938
    let postal = -1;
    let address: Record<string, string> | undefined;
    for (let i = at + 1; i < tokens.length && i <= at + 5; i++) {
      const eu = /^(?:[A-Z]{1,2}[- ])?(\d{3,5}(?:[- ]\d{2,4})?)\s+(\p{L}.*)$/u.exec(tokens[i]!);
      const us = /^([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/.exec(tokens[i]!);
      if (eu && !/\d|\b(Ave|Avenue|Street|St\.|Road|Rd\.|Drive|Blvd|Way|Court|Lane)\b/.test(eu[2]!) && eu[2]!.split(' ').length <= 4) {
        postal = i;
        const street = tokens.slice(at + 1, i).join(', ');
        address = { ...(street ? { street } : {}), postalCode: eu[1]!, city: eu[2]!.trim() };
      } else if (us && i - 1 > at) {
        postal = i;
        const street = tokens.slice(at + 1, i - 1).join(', ');
        address = { ...(street ? { street } : {}), postalCode: us[2]!, city: tokens[i - 1]!, region: us[1]! };
      }
      if (postal >= 0) break;
    }
    if (!address) continue;
    const country = tokens.slice(postal, postal + 3).map((t) => countries(t, locale)[0]).find(Boolean);
    if (country) address.country = country;
    // The paragraph's own words decide first, then the sentence before it ("Our DPO can be reached at:").
    const roleOf = (t: string) => (DPO_SENTENCE.test(t) ? 'dpo' : REPRESENTATIVE_SENTENCE.test(t) && /\b27\b/.test(t) ? 'representative' : undefined);
    const own = r.lines.join(' ');
    const role = roleOf(own) ?? roleOf(r.context.slice(0, r.context.length - own.length)) ?? (r.kind === 'dpo' ? 'dpo' : 'controller');
    // Contact details often follow the address in the next paragraph.
    const next = runs[runs.indexOf(r) + 1];
    const text = `${r.lines.join(' ')} ${next && next.context.length < 400 ? next.lines.join(' ') : ''}`;
    parties.push({ role, name: organisationName(tokens[at]!)!, address, email: emails(text)[0], phone: phones(text)[0], context: r.context.trim() });
  }
  return parties;
}

/** Find the controller's name, address and contact (and a DPO and EU representative) in the source. */
function findController(segments: readonly Segment[], locale: string): { data: Record<string, unknown>; parties: Record<string, unknown>; todos: Todo[] } {
  const todos: Todo[] = [];
  const parties = findParties(segments, locale);
  const inController = (s: Segment) => s.kind === 'controller';
  const controllerText = segments.filter(inController).flatMap((s) => s.blocks.map(blockText)).join(' ');
  // The controller: a party in a contact or controller section, else the one the text names most.
  const all = segments.flatMap((s) => s.blocks.map(blockText)).join(' ');
  const mentions = (p: FoundParty) => all.split(p.name.replace(/,?\s\S+$/, '')).length;
  const candidates = parties.filter((p) => p.role === 'controller');
  const found = candidates.find((p) => segments.some((s) => inController(s) && s.blocks.some((b) => p.context.includes(blockText(b).slice(0, 40))))) ?? candidates.sort((a, b) => mentions(b) - mentions(a))[0];
  const contact: Record<string, string> = {};
  const email = found?.email ?? emails(controllerText)[0];
  const phone = found?.phone ?? phones(controllerText)[0];
  if (email) contact.email = email;
  if (phone) contact.phone = phone;
  if (!found) {
    todos.push({ path: ['controller', 'name'], message: "the controller's legal name (not found with an address in the source)" });
    todos.push({ path: ['controller', 'address'], message: "the controller's postal address (not found in the source)" });
  } else if (!found.address?.country) todos.push({ path: ['controller', 'address', 'country'], message: "the controller's country as a two-letter ISO code (the source gives none)" });
  if (!email && !phone) todos.push({ path: ['controller', 'contact'], message: 'how to contact the controller: email, phone or web' });
  const others: Record<string, unknown> = {};
  for (const role of ['representative', 'dpo'] as const) {
    const p = parties.find((x) => x.role === role);
    if (!p) continue;
    const c: Record<string, string> = {};
    if (p.email) c.email = p.email;
    if (p.phone) c.phone = p.phone;
    others[role] = { id: role, name: p.name, ...(p.address?.country ? { address: p.address } : {}), ...(Object.keys(c).length ? { contact: c } : {}) };
    if (!p.address?.country) todos.push({ path: [role, 'name'], message: `the ${role === 'dpo' ? "data protection officer's" : "representative's"} address (the source gives ${p.address ? `"${[p.address.street, p.address.postalCode, p.address.city].filter(Boolean).join(', ')}" without a country` : 'none'})` });
  }
  if (!others.dpo) {
    const dpo = segments.flatMap((s) => s.blocks).find((b) => b.kind === 'paragraph' && DPO_SENTENCE.test(b.text));
    if (dpo) todos.push({ path: ['controller', 'id'], message: `the source mentions a data protection officer ("${blockText(dpo).slice(0, 100)}${blockText(dpo).length > 100 ? '…' : ''}"): add dpo: with name and contact` });
  }
  const address = found?.address ? { ...found.address, country: found.address.country ?? '' } : { country: '' };
  return { data: { id: 'controller', name: found?.name ?? '', address, contact }, parties: others, todos };
}
