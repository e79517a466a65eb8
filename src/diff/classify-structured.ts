/**
 * Classify a changed field that is not a text: plain values, lists, durations, references and
 * transfer destinations.
 */
import type { ClassifyContext, Verdict } from './classify-context.js';
import { basisWords, changedWords, clauseLabel, destinationName, listWords, mechanism, quoted, show } from './classify-words.js';
import type { FieldDelta } from './compare-fields.js';
import type { ClauseNode } from './index-clauses.js';
import { compareDurations, durationWords } from './util-duration.js';
import { isThirdCountry, SAFEGUARD_NAMES, SAFEGUARD_STRENGTH } from './util-transfer.js';

/** The verdict for a changed field that is not a text (values, lists, references, destinations). */
export function structuredVerdict(before: ClauseNode, after: ClauseNode, delta: FieldDelta, ctx: ClassifyContext): Verdict {
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
