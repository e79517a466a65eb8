/**
 * Classify each change with a rule from the table in `classify-rules.ts`, and say what changed in
 * plain words ("transfer to IN (India) added (safeguard: SCC)").
 */
import type { Alignment } from './align-clauses.js';
import type { CompareContext, FieldDelta } from './compare-fields.js';
import { changedSpots, countWords, isMinorEdit, normalizeText } from './diff-text.js';
import type { ClauseNode, NoticeIndex } from './index-clauses.js';
import type { FieldChange, WordPart } from './types.js';
import { compareDurations, durationWords } from './util-duration.js';
import { isJoiner, judgeTextEdit, type TextJudgement } from './util-text-facts.js';
import { countryName, isThirdCountry, SAFEGUARD_NAMES, SAFEGUARD_STRENGTH } from './util-transfer.js';

/** What classification needs: both versions, how they align, and the source locale. */
export interface ClassifyContext extends CompareContext {
  alignment: Alignment;
  /** The locale translations are made from (the new version's `sourceLocale`). */
  sourceLocale: string;
  added: ReadonlySet<ClauseNode>;
  removed: ReadonlySet<ClauseNode>;
}

/** A rule id with the sentence that describes the change. */
export interface Verdict {
  rule: string;
  summary: string;
}

type Rec = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Words

/**
 * How a clause is named in summaries, e.g. `purpose 'support'`, `DPO`, `transfer to US`.
 * @param node a clause
 */
export function clauseLabel(node: ClauseNode): string {
  const v = node.value;
  switch (node.def) {
    case 'Notice':
      return 'notice';
    case 'Controller':
      return 'controller';
    case 'Party':
      return node.slot === 'dpo' ? 'DPO' : node.slot === 'representative' ? 'EU representative' : node.slot === 'authority' ? 'supervisory authority' : `'${node.id}'`;
    case 'JointController':
      return `joint controller '${node.id}'`;
    case 'Purpose':
      return `purpose '${node.id}'`;
    case 'LegalBasis':
      return `legal basis '${node.id}' of purpose '${node.parent?.id ?? ''}'`;
    case 'Category':
      return `data category '${node.id}'`;
    case 'Source':
      return `source '${node.id}'`;
    case 'Recipient':
      return `recipient '${node.id}'`;
    case 'Transfers':
      return 'transfers section';
    case 'Destination':
      return typeof v.country === 'string' ? `transfer to ${v.country}` : typeof v.organisation === 'string' ? `transfer to ${v.organisation}` : `destination '${node.id}'`;
    case 'Safeguard':
      return `safeguard '${node.id}'`;
    case 'Retention':
      return 'retention section';
    case 'RetentionRule':
      return `retention of '${node.id}'`;
    case 'AutomatedDecisions':
      return 'automated decisions';
    case 'Rights':
      return 'rights section';
    case 'Right':
      return `right '${node.id}'`;
    case 'Exercise':
      return 'rights requests';
    case 'Complaints':
      return 'complaints section';
    case 'Requirement':
      return 'requirement to provide data';
    case 'Clause':
      return `clause '${node.id}'`;
    default:
      return `${node.def} '${node.id}'`;
  }
}

/**
 * A value for a summary: text as is, lists joined, booleans as yes/no.
 * @param value plain data
 */
export function show(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(show).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function quoted(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}

function excerpt(text: unknown, locale: string, max = 70): string {
  if (text === null || typeof text !== 'object') return '';
  const t = (text as Rec)[locale] ?? Object.values(text as Rec)[0];
  if (typeof t !== 'string') return '';
  const flat = t.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function mechanism(index: NoticeIndex, safeguardId: unknown): string | undefined {
  if (typeof safeguardId !== 'string') return undefined;
  const node = index.byId.get(safeguardId);
  return node?.def === 'Safeguard' && typeof node.value.mechanism === 'string' ? node.value.mechanism : undefined;
}

function safeguardWords(index: NoticeIndex, dest: Rec): string {
  const parts: string[] = [];
  if (dest.adequacy === true) parts.push('adequacy decision stated');
  if (dest.adequacy === false) parts.push('no adequacy decision');
  const mech = mechanism(index, dest.safeguard);
  if (mech) parts.push(`safeguard: ${SAFEGUARD_NAMES[mech] ?? mech}`);
  else if (typeof dest.safeguard === 'string') parts.push(`safeguard: '${dest.safeguard}'`);
  return parts.join('; ');
}

function destinationName(v: Rec): string {
  if (typeof v.country === 'string') return `${v.country} (${countryName(v.country)})`;
  return typeof v.organisation === 'string' ? v.organisation : 'an unnamed destination';
}

function basisWords(gdpr: unknown): string {
  return `Art. ${show(gdpr)}`;
}

// ---------------------------------------------------------------------------------------------
// Added and removed clauses

/**
 * Classify a clause that exists on one side only.
 * @param node the clause (from the new version when added, the old when removed)
 * @param how whether it was added or removed
 * @param ctx classification context
 */
export function classifyPresence(node: ClauseNode, how: 'added' | 'removed', ctx: ClassifyContext): Verdict {
  const added = how === 'added';
  const index = added ? ctx.to : ctx.from;
  const v = node.value;
  const label = clauseLabel(node);
  const src = ctx.sourceLocale;
  const parentToo = node.parent !== undefined && (added ? ctx.added : ctx.removed).has(node.parent);
  const pick = (material: string, narrowing = 'narrowing') => (added ? material : narrowing);
  switch (node.def) {
    case 'Purpose': {
      const bases = Array.isArray(v.legalBases) ? (v.legalBases as Rec[]).map((b) => basisWords(b.gdpr)).join(', ') : '';
      return { rule: pick('new-purpose'), summary: `${label} ${how}: "${excerpt(v.description, src)}"${bases ? ` (legal bases: ${bases})` : ''}` };
    }
    case 'LegalBasis': {
      // The purpose on the other side states no legal basis at all ("not stated").
      const other = node.parent && !parentToo ? (added ? ctx.from : ctx.to).byId.get(node.parent.id) : undefined;
      const unstated = other?.def === 'Purpose' && !Array.isArray(other.value.legalBases);
      const summary = unstated
        ? added
          ? `legal basis ${basisWords(v.gdpr)} stated for purpose '${node.parent?.id ?? ''}' (was not stated)`
          : `legal basis ${basisWords(v.gdpr)} of purpose '${node.parent?.id ?? ''}' no longer stated`
        : `legal basis ${basisWords(v.gdpr)} ${added ? 'added to' : 'removed from'} purpose '${node.parent?.id ?? ''}'`;
      if (parentToo) return { rule: pick('new-purpose'), summary };
      return { rule: 'legal-basis-changed', summary };
    }
    case 'Category': {
      const special = v.special === true ? ' (special category, Art. 9)' : v.criminal === true ? ' (criminal-offence data, Art. 10)' : '';
      return { rule: pick(special ? 'special-category' : 'new-data-category'), summary: `${label} ${how}: "${excerpt(v.label, src)}"${special}` };
    }
    case 'Source':
      return { rule: pick(v.kind === 'data-subject' ? 'wording' : 'new-source', v.kind === 'data-subject' ? 'wording' : 'narrowing'), summary: `${label} ${how} (${show(v.kind)})` };
    case 'Recipient':
      return { rule: pick('new-recipient'), summary: `${label} ${how} (${show(v.kind)}${typeof v.name === 'string' ? `: ${v.name}` : ''})` };
    case 'Destination': {
      const third = isThirdCountry(v);
      const safeguard = safeguardWords(index, v);
      if (!third) return { rule: added ? 'eea-destination' : 'narrowing', summary: `processing in ${destinationName(v)}, inside the EEA, ${how}` };
      return { rule: pick('new-transfer'), summary: `transfer to ${destinationName(v)} ${how}${safeguard ? ` (${safeguard})` : ''}` };
    }
    case 'Safeguard':
      return { rule: added ? 'safeguard-not-weaker' : 'narrowing', summary: `${label} ${how} (${SAFEGUARD_NAMES[String(v.mechanism)] ?? show(v.mechanism)})` };
    case 'Retention':
      return { rule: 'retention-extended', summary: added ? 'retention section added (storage periods were not stated)' : 'retention section removed (storage periods no longer stated)' };
    case 'RetentionRule': {
      const period = typeof v.period === 'string' ? `${v.period} (${durationWords(v.period)})` : 'no fixed period';
      return { rule: pick('retention-extended'), summary: `${label} ${how}: ${period}${v.trigger ? ` ${excerpt(v.trigger, src)}` : ''}` };
    }
    case 'Right':
      return { rule: 'rights-exercise-changed', summary: `${label} ${how} (${show(v.right)})` };
    case 'Party':
    case 'Exercise':
      return { rule: 'rights-exercise-changed', summary: `${label} ${how}${typeof v.name === 'string' ? ` (${v.name})` : ''}` };
    case 'JointController':
      return { rule: 'controller-identity', summary: `${label} ${how} (${show(v.name)})` };
    case 'AutomatedDecisions':
      if (v.exists === true) return { rule: pick('new-automated-decision'), summary: `automated decision-making ${how === 'added' ? 'section added: decisions are made' : 'section removed: decisions were made'}` };
      return { rule: 'wording', summary: `automated decisions section ${how} (no automated decisions)` };
    case 'Requirement':
      return { rule: 'requirement-changed', summary: `${label} ${how} (${show(v.kind)})` };
    case 'Clause': {
      // A free clause carries facts: one that appears or disappears is for a person to read.
      const text = textOf(v.text, src) ?? '';
      const j = judgeTextEdit(added ? '' : text, added ? text : '', [], src);
      const named = added ? j.newFacts : j.lostFacts;
      return { rule: 'text-changed', summary: named.length > 0 ? `${label} ${how}; it ${added ? 'names' : 'named'} ${named.join(', ')}` : `${label} ${how}: "${excerpt(v.text, src)}"` };
    }
    default:
      return { rule: 'wording', summary: `${label} ${how}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Modified fields

/**
 * Classify one changed field of an aligned clause.
 * @param before the clause in the old version
 * @param after the clause in the new version
 * @param delta the field difference
 * @param ctx classification context
 */
export function classifyField(before: ClauseNode, after: ClauseNode, delta: FieldDelta, ctx: ClassifyContext): FieldChange {
  const field = delta.field.join('.');
  const base: FieldChange = { field, rule: 'wording', summary: '', before: delta.before, after: delta.after };
  if (delta.text) return classifyText(after, delta, ctx, base);
  const verdict = structuredVerdict(before, after, delta, ctx);
  return { ...base, ...verdict };
}

function structuredVerdict(before: ClauseNode, after: ClauseNode, delta: FieldDelta, ctx: ClassifyContext): Verdict {
  const label = clauseLabel(after);
  const field = delta.field.join('.');
  const top = delta.field[0] ?? '';
  const b = delta.before;
  const a = delta.after;
  const plain = (rule: string): Verdict => ({ rule, summary: changedWords(label, field, b, a) });
  if (field === 'id' && after.def !== 'Notice') return { rule: 'rename', summary: `${label}: id changed from '${show(b)}' to '${show(a)}'` };
  if (delta.refs) return refsVerdict(after, delta, ctx);
  if (top === 'dpv') return plain('metadata');
  if (top === 'contact' || top === 'contactVia') {
    const who = after.def === 'Exercise' ? 'rights-request' : label;
    const what = top === 'contact' ? delta.field.slice(1).join('.') || 'contact' : 'contact route';
    if (after.def === 'Controller' || after.def === 'Party' || after.def === 'Exercise' || after.def === 'JointController') {
      if (delta.list) return { rule: 'rights-exercise-changed', summary: listWords(`${label}: ${top}`, delta.list) };
      return { rule: 'rights-exercise-changed', summary: `${who} ${what} ${b === null ? `added (${show(a)})` : a === null ? `removed (was ${show(b)})` : `changed from ${show(b)} to ${show(a)}`}` };
    }
  }
  switch (after.def) {
    case 'Notice':
      return { rule: ['title', 'intro', 'phrases'].includes(top) ? 'wording' : 'metadata', summary: delta.list ? listWords(field, delta.list) : changedWords('', field === 'effectiveDate' ? 'effective date' : field, b, a) };
    case 'Controller':
      if (top === 'name' || top === 'address') return plain('controller-identity');
      if (top === 'aliases') return { rule: 'wording', summary: delta.list ? listWords(`${label}: aliases`, delta.list) : changedWords(label, field, b, a) };
      break;
    case 'JointController':
      if (top === 'name' || top === 'address') return plain('controller-identity');
      break;
    case 'Party':
      if (top === 'name' || top === 'address') return plain('rights-exercise-changed');
      break;
    case 'LegalBasis':
      if (field === 'gdpr') return { rule: 'legal-basis-changed', summary: `legal basis of purpose '${after.parent?.id ?? ''}' changed from ${basisWords(b)} to ${show(a)}` };
      break;
    case 'Category':
      if (field === 'special' || field === 'criminal') {
        const what = field === 'special' ? 'a special category (Art. 9)' : 'criminal-offence data (Art. 10)';
        return a === true ? { rule: 'special-category', summary: `${label} is now ${what}` } : { rule: 'narrowing', summary: `${label} is no longer ${what}` };
      }
      break;
    case 'Source':
      if (field === 'kind') return plain('new-source');
      break;
    case 'Recipient':
      if (field === 'kind') return plain('wider-recipients');
      if (field === 'name') return plain(b !== null && a !== null ? 'wider-recipients' : 'wording');
      break;
    case 'Destination':
      return destinationVerdict(before, after, delta, ctx);
    case 'Safeguard':
      if (field === 'mechanism') {
        const weaker = (SAFEGUARD_STRENGTH[String(a)] ?? 0) < (SAFEGUARD_STRENGTH[String(b)] ?? 0);
        const used = ctx.to.clauses.some((c) => c.def === 'Destination' && c.value.safeguard === after.id && isThirdCountry(c.value));
        return { rule: weaker && used ? 'weaker-safeguard' : 'safeguard-not-weaker', summary: `${label}: transfer tool changed from ${SAFEGUARD_NAMES[String(b)] ?? (b === null ? 'not stated' : show(b))} to ${SAFEGUARD_NAMES[String(a)] ?? (a === null ? 'not stated' : show(a))}${weaker ? ' (weaker)' : ''}` };
      }
      break;
    case 'RetentionRule':
      if (field === 'period') {
        if (a === null) return { rule: 'retention-extended', summary: `${label}: fixed period ${show(b)} removed` };
        if (b === null) return { rule: 'narrowing', summary: `${label}: fixed period ${show(a)} (${durationWords(a)}) added` };
        const cmp = compareDurations(a, b) ?? 0;
        if (cmp > 0) return { rule: 'retention-extended', summary: `${label} extended from ${show(b)} to ${show(a)} (${durationWords(b)} to ${durationWords(a)})` };
        if (cmp < 0) return { rule: 'narrowing', summary: `${label} shortened from ${show(b)} to ${show(a)} (${durationWords(b)} to ${durationWords(a)})` };
        return { rule: 'wording', summary: `${label}: period ${show(b)} written as ${show(a)} (same length)` };
      }
      break;
    case 'AutomatedDecisions':
      if (field === 'exists') {
        return a === true ? { rule: 'new-automated-decision', summary: 'automated decision-making introduced (exists: false -> true)' } : { rule: 'narrowing', summary: `automated decision-making ended (exists: ${show(b)} -> ${show(a)})` };
      }
      break;
    case 'Right':
      if (field === 'right') return plain('rights-exercise-changed');
      // Another right named in the same item (`also`) changes which rights the notice tells of.
      if (top === 'also') return { rule: 'rights-exercise-changed', summary: delta.list ? listWords(`${label}: also`, delta.list) : changedWords(label, field, b, a) };
      break;
    case 'Exercise':
      if (field === 'responseTime') {
        const cmp = compareDurations(a, b);
        return { rule: 'rights-exercise-changed', summary: `response time to rights requests changed from ${show(b)} to ${show(a)}${cmp === undefined ? '' : cmp > 0 ? ' (longer)' : cmp < 0 ? ' (shorter)' : ' (same length)'}` };
      }
      if (field === 'freeOfCharge') return { rule: 'rights-exercise-changed', summary: a === true ? 'rights requests are now free of charge' : `rights requests: free of charge changed from ${show(b)} to ${show(a)}` };
      return plain('rights-exercise-changed');
    case 'Requirement':
      if (field === 'kind') return plain('requirement-changed');
      break;
    case 'Clause':
      if (field === 'after') return { rule: 'order', summary: `${label} now printed after ${show(a)} (was after ${show(b)})` };
      break;
  }
  if (delta.list) return { rule: delta.list.reordered ? 'order' : 'wording', summary: listWords(`${label}: ${field}`, delta.list) };
  return plain('wording');
}

function destinationVerdict(before: ClauseNode, after: ClauseNode, delta: FieldDelta, ctx: ClassifyContext): Verdict {
  const field = delta.field.join('.');
  const b = delta.before;
  const a = delta.after;
  const third = isThirdCountry(after.value);
  const label = clauseLabel(after);
  if (field === 'country' || field === 'organisation') {
    const wasThird = isThirdCountry(before.value);
    const summary = `destination '${after.id}' changed from ${destinationName(before.value)} to ${destinationName(after.value)}`;
    return { rule: third ? 'new-transfer' : wasThird ? 'narrowing' : 'eea-destination', summary };
  }
  if (!third) return { rule: 'eea-destination', summary: changedWords(label, field, b, a) };
  if (field === 'adequacy') {
    const weaker = b === true && a !== true;
    const summary = a === true ? `${label}: now stated as covered by an adequacy decision` : a === false ? `${label}: now stated as not covered by an adequacy decision` : `${label}: adequacy statement removed (was ${show(b)})`;
    return { rule: weaker ? 'weaker-safeguard' : 'safeguard-not-weaker', summary };
  }
  if (field === 'safeguard') {
    const was = mechanism(ctx.from, b);
    const now = mechanism(ctx.to, a);
    const weaker = (SAFEGUARD_STRENGTH[now ?? ''] ?? 0) < (SAFEGUARD_STRENGTH[was ?? ''] ?? 0);
    const name = (m: string | undefined, id: unknown) => (m ? SAFEGUARD_NAMES[m] ?? m : id === null ? 'none' : `'${show(id)}'`);
    return { rule: weaker ? 'weaker-safeguard' : 'safeguard-not-weaker', summary: `${label}: safeguard changed from ${name(was, b)} to ${name(now, a)}` };
  }
  return { rule: 'wording', summary: changedWords(label, field, b, a) };
}

/** Which rule a reference list change falls under, when references are added (or the list no longer limits). */
const WIDENING: Record<string, string> = {
  'Purpose.categories': 'purpose-changed',
  'Purpose.recipients': 'wider-recipients',
  'RetentionRule.categories': 'retention-extended',
  'RetentionRule.purposes': 'retention-extended',
  'Category.source': 'new-source',
};

const REF_NOUNS: Record<string, string> = {
  categories: 'data categories',
  recipients: 'recipients',
  purposes: 'purposes',
  source: 'source',
  safeguard: 'safeguard',
};

function refsVerdict(after: ClauseNode, delta: FieldDelta, ctx: ClassifyContext): Verdict {
  const refs = delta.refs!;
  const field = delta.field.join('.');
  const label = clauseLabel(after);
  const noun = REF_NOUNS[field] ?? field;
  const parts: string[] = [];
  const rules: string[] = [];
  let widening = WIDENING[`${after.def}.${field}`] ?? 'wording';
  if (after.def === 'Destination' && field === 'recipients') widening = isThirdCountry(after.value) ? 'new-transfer' : 'eea-destination';
  if (after.def === 'Destination' && field === 'safeguard') {
    const verdict = destinationVerdict(after, after, { ...delta, refs: undefined }, ctx);
    if (refs.added.length > 0 || refs.removed.length > 0) {
      rules.push(verdict.rule);
      parts.push(verdict.summary);
    }
  } else if (refs.listRemoved) {
    rules.push(widening);
    parts.push(`${label} no longer limits its ${noun} (now all; was ${quoted((delta.before as string[]) ?? [])})`);
  } else if (refs.listAdded) {
    rules.push('narrowing');
    parts.push(`${label} now limited to ${noun} ${quoted((delta.after as string[]) ?? [])}`);
  } else {
    if (refs.added.length > 0 && refs.removed.length > 0 && !Array.isArray(delta.after)) {
      rules.push(widening);
      parts.push(`${label}: ${noun} changed from '${refs.removed[0]}' to '${refs.added[0]}'`);
    } else {
      if (refs.added.length > 0) {
        rules.push(widening);
        parts.push(`${label} now also ${after.def === 'RetentionRule' ? 'covers' : after.def === 'Destination' ? 'goes to' : 'uses'} ${noun} ${quoted(refs.added)}`);
      }
      if (refs.removed.length > 0) {
        rules.push('narrowing');
        parts.push(`${label} no longer ${after.def === 'RetentionRule' ? 'covers' : 'uses'} ${noun} ${quoted(refs.removed)}`);
      }
    }
  }
  if (refs.followed.length > 0) {
    rules.push('reference');
    parts.push(`${label}: ${refs.followed.map(([o, n]) => `reference '${o}' follows the rename to '${n}'`).join(', ')}`);
  }
  const leading = rules.find((r) => r !== 'narrowing' && r !== 'reference' && r !== 'wording') ?? rules.find((r) => r === 'narrowing') ?? rules[0] ?? 'wording';
  return { rule: leading, summary: parts.join('; ') };
}

function changedWords(label: string, field: string, b: unknown, a: unknown): string {
  const subject = label ? `${label}: ${field}` : field;
  if (b === null || b === undefined) return `${subject} added (${show(a)})`;
  if (a === null || a === undefined) return `${subject} removed (was ${show(b)})`;
  return `${subject} changed from ${show(b)} to ${show(a)}`;
}

function listWords(subject: string, list: NonNullable<FieldDelta['list']>): string {
  if (list.reordered) return `${subject} reordered`;
  const parts: string[] = [];
  if (list.added.length > 0) parts.push(`${show(list.added)} added`);
  if (list.removed.length > 0) parts.push(`${show(list.removed)} removed`);
  return `${subject}: ${parts.join(', ')}`;
}

// ---------------------------------------------------------------------------------------------
// Texts

/** Texts whose rewording (beyond a spelling fix, in the source locale) is itself material. */
function materialTextRule(node: ClauseNode, field: string): string | undefined {
  if (node.def === 'Purpose' && field === 'description') return 'purpose-changed';
  if (node.def === 'Purpose' && field === 'legitimateInterests') return 'legal-basis-changed';
  if (node.def === 'AutomatedDecisions' && (field === 'logic' || field === 'consequences') && node.value.exists === true) return 'automated-decision-changed';
  return undefined;
}

/** Texts whose appearance or disappearance is material. */
function materialPresenceRule(node: ClauseNode, field: string): string | undefined {
  if (node.def === 'Purpose' && field === 'legitimateInterests') return 'legal-basis-changed';
  if (node.def === 'LegalBasis' && field === 'law') return 'legal-basis-changed';
  if (node.def === 'Exercise') return 'rights-exercise-changed';
  return materialTextRule(node, field);
}

/**
 * Texts that carry facts of their own: a change of words there may change what the notice says
 * (review), unless it is provably editorial. Keyed `Def.field`; `Def.*` for every text of a clause.
 */
const FACT_TEXTS = new Set([
  'Category.label',
  'Category.condition',
  'Source.description',
  'Recipient.description',
  'RetentionRule.trigger',
  'RetentionRule.criteria',
  'RetentionRule.law',
  'LegalBasis.law',
  'LegalBasis.statement',
  'Requirement.consequences',
  'Clause.text',
  'Exercise.*',
  'JointController.arrangement',
  'Transfers.statement',
  'Safeguard.description',
  'AutomatedDecisions.statement',
  'Complaints.text',
  'Right.text',
  // Whom a clause applies to, and the interests a transfer under Art. 49(1) second subparagraph serves.
  'Purpose.appliesTo',
  'LegalBasis.appliesTo',
  'RetentionRule.appliesTo',
  'Recipient.appliesTo',
  'Right.appliesTo',
  'Rights.appliesTo',
  'Transfers.appliesTo',
  'Clause.appliesTo',
  'Safeguard.compellingInterests',
  // A party's name as printed in one locale.
  'Controller.localName',
  'JointController.localName',
  'Party.localName',
  'Recipient.localName',
]);

/**
 * True when a text field carries facts (see {@link FACT_TEXTS}), or is one whose rewording is material.
 * @param def `$defs` name of the clause
 * @param field key path of the text inside the clause
 */
export function isFactText(def: string, field: string): boolean {
  return FACT_TEXTS.has(`${def}.${field}`) || FACT_TEXTS.has(`${def}.*`) || (def === 'Purpose' && (field === 'description' || field === 'legitimateInterests')) || (def === 'AutomatedDecisions' && (field === 'logic' || field === 'consequences'));
}

/** Labels whose list-like additions are reported as a widening. */
const LABELS = new Set(['Category.label']);

function textOf(value: unknown, locale: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const t = (value as Rec)[locale];
  return typeof t === 'string' ? normalizeText(t) : undefined;
}

function quoteWords(ws: readonly string[], max = 8): string {
  const unique = [...new Set(ws)];
  const shown = unique.slice(0, max).map((w) => `'${w}'`).join(', ');
  return unique.length > max ? `${shown} and ${unique.length - max} more` : shown;
}

/** What the words of a judged edit say, for a summary: `adds 'Axeptio'; words in: 'a', 'b'; out: 'c'`. */
function editWords(j: TextJudgement): string {
  const parts: string[] = [];
  if (j.newFacts.length > 0) parts.push(`adds ${j.newFacts.join(', ')}`);
  if (j.lostFacts.length > 0) parts.push(`drops ${j.lostFacts.join(', ')}`);
  if (j.added.length > 0) parts.push(`words in: ${quoteWords(j.added)}`);
  if (j.removed.length > 0) parts.push(`out: ${quoteWords(j.removed)}`);
  return parts.join('; ');
}

function classifyText(after: ClauseNode, delta: FieldDelta, ctx: ClassifyContext, base: FieldChange): FieldChange {
  const text = delta.text!;
  const field = delta.field.join('.');
  const label = after.def === 'Notice' ? field : `${clauseLabel(after)}: ${field}`;
  const src = ctx.sourceLocale;
  const facts = isFactText(after.def, field);
  const out: FieldChange = { ...base, locales: text.changed, words: text.words };
  if (delta.before === null || delta.after === null) {
    const how = delta.before === null ? 'added' : 'removed';
    out.rule = materialPresenceRule(after, field) ?? (facts ? 'text-changed' : 'wording');
    out.summary = `${label} ${how}`;
    const shown = textOf(delta.before ?? delta.after, src) ?? excerpt(delta.before ?? delta.after, src, 1000);
    if (facts && shown) {
      const j = judgeTextEdit(how === 'added' ? '' : shown, how === 'added' ? shown : '', text.words[src] ?? [], src);
      const named = how === 'added' ? j.newFacts : j.lostFacts;
      if (named.length > 0) out.summary = `${how === 'added' ? 'adds' : 'drops'} ${named.join(', ')} ${how === 'added' ? 'to' : 'from'} ${clauseLabel(after)} (${field}, ${src}); ${label} ${how}`;
    }
    return out;
  }
  // Judge every changed locale on its own: layout, a spelling fix, or a change of content.
  const judged = new Map<string, TextJudgement>();
  for (const l of text.changed) {
    const b = textOf(delta.before, l);
    const a = textOf(delta.after, l);
    if (b === undefined || a === undefined) continue;
    judged.set(l, judgeTextEdit(b, a, text.words[l] ?? [], l));
  }
  const editorialIn = (l: string) => {
    const j = judged.get(l);
    return j !== undefined && j.kind !== 'content';
  };
  const locales = text.changed.join(', ');
  if (!text.changed.includes(src)) {
    const content = text.changed.filter((l) => !editorialIn(l));
    const sourceText = textOf(delta.after, src);
    if ((facts || materialTextRule(after, field)) && content.length > 0) {
      out.rule = 'translation-changed';
      out.summary = `${label}: ${content.join(', ')} translation changed, ${src} unchanged (${content.map((l) => `${l}: ${editWords(judged.get(l) ?? emptyJudgement())}`).join('; ')}); check it against the ${src} text`;
      if (sourceText !== undefined) out.source = { locale: src, text: sourceText };
      return out;
    }
    out.rule = 'translation-only';
    out.summary = `${label}: ${locales} translation reworded (translation only; ${src} unchanged)`;
    if (facts && sourceText !== undefined) out.source = { locale: src, text: sourceText };
    return out;
  }
  const sourceWords = text.words[src] ?? [];
  const stale = text.same.filter((l) => l !== src);
  const staleNote = () => {
    if (stale.length > 0) {
      out.staleTranslations = stale;
      out.summary += `; ${stale.join(', ')} not updated`;
    }
  };
  if (text.changed.every(editorialIn) || (!facts && !materialTextRule(after, field) && isMinorEdit(sourceWords) && text.changed.every((l) => isMinorEdit(text.words[l] ?? []) && editorialIn(l)))) {
    out.rule = 'spelling';
    const kinds = text.changed.map((l) => judged.get(l)?.kind);
    const what = kinds.every((k) => k === 'layout') ? 'punctuation or letter case' : 'spelling or grammar fix';
    out.summary = `${label}: ${what} (${text.changed.map((l) => `${l}: ${spots(text.words[l] ?? [])}`).join('; ')})`;
    return out;
  }
  const material = materialTextRule(after, field);
  const counts = countWords(sourceWords);
  const renamed = !facts && !material ? partyNamesChanged(textOf(delta.before, src) ?? '', textOf(delta.after, src) ?? '', ctx) : [];
  if (renamed.length > 0) {
    out.rule = 'text-changed';
    out.summary = `${label} reworded and now names ${renamed.map((n) => `'${n}'`).join(', ')} differently (a controller or contact named in the notice)`;
    staleNote();
    return out;
  }
  if (material || !facts) {
    out.rule = material ?? 'wording';
    out.summary = `${label} reworded (${locales}; ${src}: ${counts.removed} ${counts.removed === 1 ? 'word' : 'words'} out, ${counts.added} in)`;
    const j = judged.get(src);
    if (material && j && (j.newFacts.length > 0 || j.lostFacts.length > 0 || j.kind === 'content')) out.summary += `: ${editWords(j)}`;
    staleNote();
    return out;
  }
  // A fact-bearing text whose content changed: a person must decide.
  const j = judged.get(src) ?? text.changed.map((l) => judged.get(l)).find((x) => x?.kind === 'content') ?? emptyJudgement();
  const where = `${clauseLabel(after)} (${field}, ${src})`;
  if (LABELS.has(`${after.def}.${field}`) && j.widening && (judged.get(src)?.kind ?? 'content') === 'content') {
    out.rule = 'text-widened';
    out.summary = `widens ${where}: adds ${quoteWords(j.added.filter((w) => !isJoiner(w, src)))}${j.newFacts.length > 0 ? ` (names ${j.newFacts.join(', ')})` : ''}`;
  } else {
    out.rule = 'text-changed';
    const lead = j.newFacts.length > 0 ? `adds ${j.newFacts.join(', ')} to ${where}` : j.lostFacts.length > 0 ? `drops ${j.lostFacts.join(', ')} from ${where}` : `${where} changed`;
    const rest = editWords({ ...j, newFacts: [], lostFacts: j.newFacts.length > 0 ? j.lostFacts : [] });
    out.summary = `${lead}${rest ? `: ${rest}` : ''}`;
  }
  staleNote();
  return out;
}

/**
 * Names of the controller, joint controllers, DPO and representative (either version) that one
 * text names and the other does not: a text without facts of its own that renames a party.
 */
function partyNamesChanged(before: string, after: string, ctx: ClassifyContext): string[] {
  const names = new Set<string>();
  for (const index of [ctx.from, ctx.to]) {
    for (const c of index.clauses) {
      if ((c.def === 'Controller' || c.def === 'JointController' || c.def === 'Party') && typeof c.value.name === 'string') names.add(c.value.name);
    }
  }
  const has = (text: string, name: string) => text.toLowerCase().includes(name.toLowerCase());
  return [...names].filter((n) => has(before, n) !== has(after, n));
}

function emptyJudgement(): TextJudgement {
  return { kind: 'content', added: [], removed: [], widening: false, newFacts: [], lostFacts: [] };
}

/** The changed spots of a small edit, e.g. `"sends" -> "send"`. */
function spots(parts: readonly WordPart[]): string {
  return changedSpots(parts)
    .map(({ removed, added }) => `"${removed.trim()}" -> "${added.trim()}"`)
    .join(', ');
}
