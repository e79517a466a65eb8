/**
 * Art. 13(1)(f) / 14(1)(f), Art. 45: what the notice says about adequacy decisions is true.
 */
import type { Finding, LintRule } from '../types.js';
import { citeDecision } from '../util/adequacy.js';
import { decisionFor, destinationName } from '../util/transfers.js';

/** Rule `adequacy-statement`: The notice states correctly whether a destination has an adequacy decision. */
export const adequacyStatement: LintRule = {
  id: 'adequacy-statement',
  article: 'Art. 13(1)(f), 14(1)(f), 45 GDPR',
  severity: 'error',
  summary: 'The notice states correctly whether a destination has an adequacy decision.',
  explanation:
    'The notice must state "the existence or absence of an adequacy decision by the Commission". The rule compares each destination\'s `adequacy` statement with the decisions in force on the day of the check (`src/data/adequacy.json`: decision, date and scope, from the Commission\'s list). It reports a destination called non-adequate although a decision covers it, one called adequate without a decision, and an EEA country given an adequacy statement at all (no transfer takes place). A decision that only covers certified recipients (the EU-US Data Privacy Framework) is not reported here when the notice calls the country non-adequate: for uncertified recipients that is true (see `adequacy-scope`).',
  fix: 'Correct `adequacy` (and the wording of the notice that says it), or remove it for an EEA country; after a new decision, review the safeguard too.',
  check({ notice, today }) {
    const out: Finding[] = [];
    notice.transfers?.destinations.forEach((d, i) => {
      if (d.adequacy === undefined) return;
      const decision = decisionFor(d, today);
      const where = destinationName(d);
      const path = ['transfers', 'destinations', i, 'adequacy'];
      if (decision === 'eea') {
        out.push({ message: `${where} is in the EEA, where no adequacy decision is needed; remove 'adequacy' here.`, path });
      } else if (decision && d.adequacy === false && decision.scopeKind !== 'certification') {
        const scope = decision.scope ? ` (${decision.scope})` : '';
        out.push({ message: `${where} has an adequacy decision, ${citeDecision(decision)}${scope}, but the notice says it has none; set 'adequacy: true' and correct the text.`, path });
      } else if (!decision && d.adequacy === true) {
        out.push({ message: `The notice says ${where} has an adequacy decision, but there is none in force; set 'adequacy: false' and name the safeguard.`, path });
      }
    });
    return out;
  },
};
