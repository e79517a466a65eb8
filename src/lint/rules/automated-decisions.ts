/**
 * Art. 13(2)(f) / 14(2)(g), Art. 22: automated decision-making, its logic and consequences.
 */
import type { Finding, LintRule } from '../types.js';

/** Rule `automated-decisions`: Automated decision-making is explained: the logic involved and the consequences. */
export const automatedDecisions: LintRule = {
  id: 'automated-decisions',
  article: 'Art. 13(2)(f), 14(2)(g), 22 GDPR',
  severity: 'error',
  summary: 'Automated decision-making is explained: the logic involved and the consequences.',
  explanation:
    'Where decisions based solely on automated processing, including profiling, have legal or similarly significant effects, the notice must say so and give meaningful information about the logic involved and the significance and envisaged consequences for the data subject. The rule reports `automatedDecisions` with `exists: true` that lacks `logic` or `consequences`.',
  fix: 'Add `automatedDecisions.logic` (what the decision is based on, in plain words) and `automatedDecisions.consequences` (what it means for the person).',
  check({ notice }) {
    const out: Finding[] = [];
    const a = notice.automatedDecisions;
    if (a?.exists) {
      const missing = [!a.logic && 'logic', !a.consequences && 'consequences'].filter(Boolean);
      if (missing.length > 0) {
        out.push({ message: `The notice says automated decisions are made but does not explain ${missing.map((m) => `'${m}'`).join(' and ')}; add them.`, path: ['automatedDecisions', 'exists'] });
      }
    }
    return out;
  },
};
