/**
 * Art. 45(3) with Art. 13(1)(f) / 14(1)(f): an adequacy decision with a limited scope is stated with its scope.
 */
import type { Finding, LintRule } from '../types.js';
import { citeDecision } from '../util/adequacy.js';
import { decisionFor, destinationName, safeguardOf } from '../util/transfers.js';

/** Rule `adequacy-scope`: A destination whose adequacy decision has a limited scope says what the decision covers. */
export const adequacyScope: LintRule = {
  id: 'adequacy-scope',
  article: 'Art. 45(3), 13(1)(f), 14(1)(f) GDPR',
  severity: 'warning',
  summary: 'A destination whose adequacy decision has a limited scope says what the decision covers.',
  explanation:
    'Some adequacy decisions cover only part of a country: the United States only organisations certified under the EU-US Data Privacy Framework, Canada only organisations under PIPEDA, Japan the private sector under the APPI, Korea recipients under PIPA, Brazil processing within the LGPD. A reader can only judge the transfer if the notice says whether the recipient is covered. The rule looks for the scope (e.g. "Data Privacy Framework", "LGPD"; terms in `src/data/adequacy.json`) in the texts about the destination: its safeguard, its recipients, the transfers statement and clauses after the transfers section.',
  fix: 'Say in the safeguard (or the recipient\'s description) whether the recipient is covered, e.g. "certified under the EU-US Data Privacy Framework", and name another safeguard for recipients that are not.',
  check({ notice, today }) {
    const out: Finding[] = [];
    const transfers = notice.transfers;
    transfers?.destinations.forEach((d, i) => {
      const decision = decisionFor(d, today);
      if (!decision || decision === 'eea' || !decision.scope || !decision.scopeTerms?.length) return;
      const safeguard = safeguardOf(notice, d);
      const recipients = (notice.recipients ?? []).filter((r) => d.recipients?.includes(r.id));
      const texts = [
        ...Object.values(safeguard?.description ?? {}),
        ...Object.values(safeguard?.copy ?? {}),
        ...recipients.flatMap((r) => [r.name ?? '', ...Object.values(r.description)]),
        ...Object.values(transfers.statement ?? {}),
        ...(notice.clauses ?? []).filter((c) => c.after === 'transfers').flatMap((c) => Object.values(c.text)),
      ].map((t) => (t ?? '').toLowerCase());
      const stated = decision.scopeTerms.some((term) => texts.some((t) => t.includes(term.toLowerCase())));
      if (!stated) {
        out.push({
          message: `The adequacy decision for ${destinationName(d)}, ${citeDecision(decision)}, covers ${decision.scope}; say whether the recipients there are covered, and name the safeguard for those that are not.`,
          path: ['transfers', 'destinations', i, d.country ? 'country' : 'organisation'],
        });
      }
    });
    return out;
  },
};
