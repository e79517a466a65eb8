/**
 * The words of change summaries: how clauses, values, lists, destinations, legal bases and text
 * edits are named ("transfer to IN (India)", "'a', 'b' added").
 */
import type { FieldDelta } from './compare-fields.js';
import { changedSpots, normalizeText } from './diff-text.js';
import type { ClauseNode, NoticeIndex } from './index-clauses.js';
import type { WordPart } from './types.js';
import type { TextJudgement } from './util-text-facts.js';
import { countryName, SAFEGUARD_NAMES } from './util-transfer.js';

/** A clause value as plain data. */
export type Rec = Record<string, unknown>;

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

/** Ids for a summary, each quoted: `'a', 'b'`. */
export function quoted(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}

/** The start of a localized text (the locale, else the first), for a summary. */
export function excerpt(text: unknown, locale: string, max = 70): string {
  if (text === null || typeof text !== 'object') return '';
  const t = (text as Rec)[locale] ?? Object.values(text as Rec)[0];
  if (typeof t !== 'string') return '';
  const flat = t.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The transfer mechanism (e.g. `SCC`) a safeguard id names in a version, if any. */
export function mechanism(index: NoticeIndex, safeguardId: unknown): string | undefined {
  if (typeof safeguardId !== 'string') return undefined;
  const node = index.byId.get(safeguardId);
  return node?.def === 'Safeguard' && typeof node.value.mechanism === 'string' ? node.value.mechanism : undefined;
}

/** How a destination's safeguard is named in a summary. */
export function safeguardWords(index: NoticeIndex, dest: Rec): string {
  const parts: string[] = [];
  if (dest.adequacy === true) parts.push('adequacy decision stated');
  if (dest.adequacy === false) parts.push('no adequacy decision');
  const mech = mechanism(index, dest.safeguard);
  if (mech) parts.push(`safeguard: ${SAFEGUARD_NAMES[mech] ?? mech}`);
  else if (typeof dest.safeguard === 'string') parts.push(`safeguard: '${dest.safeguard}'`);
  return parts.join('; ');
}

/** A destination for a summary: the country with its name, or the organisation. */
export function destinationName(v: Rec): string {
  if (typeof v.country === 'string') return `${v.country} (${countryName(v.country)})`;
  return typeof v.organisation === 'string' ? v.organisation : 'an unnamed destination';
}

/** A GDPR article reference for a summary, e.g. `Art. 6(1)(b)`. */
export function basisWords(gdpr: unknown): string {
  return `Art. ${show(gdpr)}`;
}


/** The sentence for a changed plain value: added, removed, or changed from/to. */
export function changedWords(label: string, field: string, b: unknown, a: unknown): string {
  const subject = label ? `${label}: ${field}` : field;
  if (b === null || b === undefined) return `${subject} added (${show(a)})`;
  if (a === null || a === undefined) return `${subject} removed (was ${show(b)})`;
  return `${subject} changed from ${show(b)} to ${show(a)}`;
}

/** The sentence for a changed list: reordered, or what was added and removed. */
export function listWords(subject: string, list: NonNullable<FieldDelta['list']>): string {
  if (list.reordered) return `${subject} reordered`;
  const parts: string[] = [];
  if (list.added.length > 0) parts.push(`${show(list.added)} added`);
  if (list.removed.length > 0) parts.push(`${show(list.removed)} removed`);
  return `${subject}: ${parts.join(', ')}`;
}

/** A localized text in one locale, normalized, or undefined. */
export function textOf(value: unknown, locale: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const t = (value as Rec)[locale];
  return typeof t === 'string' ? normalizeText(t) : undefined;
}

/** Words for a summary, quoted, at most `max` of them and a count of the rest. */
export function quoteWords(ws: readonly string[], max = 8): string {
  const unique = [...new Set(ws)];
  const shown = unique.slice(0, max).map((w) => `'${w}'`).join(', ');
  return unique.length > max ? `${shown} and ${unique.length - max} more` : shown;
}

/** What the words of a judged edit say, for a summary: `adds 'Axeptio'; words in: 'a', 'b'; out: 'c'`. */
export function editWords(j: TextJudgement): string {
  const parts: string[] = [];
  if (j.newFacts.length > 0) parts.push(`adds ${j.newFacts.join(', ')}`);
  if (j.lostFacts.length > 0) parts.push(`drops ${j.lostFacts.join(', ')}`);
  if (j.added.length > 0) parts.push(`words in: ${quoteWords(j.added)}`);
  if (j.removed.length > 0) parts.push(`out: ${quoteWords(j.removed)}`);
  return parts.join('; ');
}


/** The changed spots of a small edit, e.g. `"sends" -> "send"`. */
export function spots(parts: readonly WordPart[]): string {
  return changedSpots(parts)
    .map(({ removed, added }) => `"${removed.trim()}" -> "${added.trim()}"`)
    .join(', ');
}
