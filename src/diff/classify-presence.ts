/**
 * Classify a clause that exists in one version only (added or removed).
 */
import type { ClassifyContext, Verdict } from './classify-context.js';
import { basisWords, clauseLabel, destinationName, excerpt, safeguardWords, show, textOf, type Rec } from './classify-words.js';
import type { ClauseNode } from './index-clauses.js';
import { durationWords } from './util-duration.js';
import { judgeTextEdit } from './util-text-facts.js';
import { isThirdCountry, SAFEGUARD_NAMES } from './util-transfer.js';


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

