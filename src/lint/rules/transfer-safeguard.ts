/**
 * Art. 44-46, 49 with Art. 13(1)(f) / 14(1)(f): a transfer to a country without an adequacy decision
 * rests on a safeguard, and not on an adequacy decision that does not exist.
 */
import type { Finding, LintRule } from '../types.js';
import { decisionFor, destinationName, safeguardOf } from '../util/transfers.js';

/** Rule `transfer-safeguard`: A transfer to a country without an adequacy decision names a safeguard. */
export const transferSafeguard: LintRule = {
  id: 'transfer-safeguard',
  article: 'Art. 44, 45, 46, 49, 13(1)(f), 14(1)(f) GDPR',
  severity: 'error',
  summary: 'A transfer to a country without an adequacy decision names a safeguard.',
  explanation:
    'Data may leave the EEA for a country or international organisation without an adequacy decision only under an Art. 46 safeguard (standard contractual clauses, binding corporate rules, ...) or an Art. 49 derogation, and the notice must name it. The rule reports destinations outside the EEA that have no adequacy decision (according to `src/data/adequacy.json`, on the day of the check) and no `safeguard`, destinations whose safeguard is an `adequacy` decision that does not exist, (once per safeguard) a safeguard that does not name its transfer tool (`mechanism` left out because the notice does not say), and a transfer under the second subparagraph of Art. 49(1) (`derogation: 49(1)-second`) whose notice does not state the compelling legitimate interests pursued, which the data subject must be told of.',
  fix: 'Give the destination a `safeguard` with `mechanism: scc` (Decision (EU) 2021/914), `bcr`, another Art. 46 tool, or `derogation` with the point of Art. 49(1).',
  check({ notice, today }) {
    const out: Finding[] = [];
    const unnamed = new Set<string>();
    notice.transfers?.destinations.forEach((d, i) => {
      const decision = decisionFor(d, today);
      if (decision) return;
      const where = destinationName(d);
      const safeguard = safeguardOf(notice, d);
      if (!d.safeguard) {
        out.push({ message: `${where} has no adequacy decision; name the safeguard the transfer relies on (e.g. standard contractual clauses) in 'safeguard'.`, path: ['transfers', 'destinations', i, d.country ? 'country' : 'organisation'] });
      } else if (safeguard && !safeguard.mechanism) {
        if (unnamed.has(safeguard.id)) return;
        unnamed.add(safeguard.id);
        const j = notice.transfers?.safeguards?.indexOf(safeguard) ?? -1;
        out.push({ message: `${where} has no adequacy decision and safeguard '${safeguard.id}' does not name the transfer tool (Art. 13(1)(f) / 14(1)(f)); add 'mechanism' as the notice states it, e.g. 'scc'.`, path: ['transfers', 'safeguards', j], at: 'key' });
      } else if (safeguard?.mechanism === 'adequacy') {
        out.push({ message: `Safeguard '${safeguard.id}' is an adequacy decision, but ${where} has none; rely on standard contractual clauses, binding corporate rules or a derogation instead.`, path: ['transfers', 'destinations', i, 'safeguard'] });
      }
    });
    notice.transfers?.safeguards?.forEach((s, j) => {
      if (s.derogation === '49(1)-second' && !s.compellingInterests) {
        out.push({ message: `Safeguard '${s.id}' relies on the second subparagraph of Art. 49(1); the data subject must be told of the transfer and of the compelling legitimate interests pursued; add 'compellingInterests' in the notice's words.`, path: ['transfers', 'safeguards', j, 'derogation'] });
      }
    });
    return out;
  },
};
