/**
 * Art. 13(1)(f) / 14(1)(f): the notice says how to obtain a copy of the safeguards, or where they are.
 */
import type { Finding, LintRule } from '../types.js';

// Mechanisms that are documents a data subject can ask for; adequacy decisions and derogations are not.
const DOCUMENTS = new Set(['scc', 'bcr', 'public-bodies', 'sa-scc', 'code-of-conduct', 'certification', 'ad-hoc-clauses', 'administrative-arrangement']);
// A link, a web or e-mail address, or a phone number: somewhere to actually get the copy.
const REACHABLE = /https?:\/\/|mailto:|\bwww\.|[\w.+-]+@[\w-]+\.[\w.-]+|\]\(|\+?\d[\d ()./-]{6,}\d/;

/** Rule `safeguard-copy`: A transfer safeguard says how to obtain a copy of it, with a link or address. */
export const safeguardCopy: LintRule = {
  id: 'safeguard-copy',
  article: 'Art. 13(1)(f), 14(1)(f) GDPR',
  severity: 'warning',
  summary: 'A transfer safeguard says how to obtain a copy of it, with a link or address.',
  explanation:
    'For transfers under Art. 46 or 47 (standard contractual clauses, binding corporate rules, codes of conduct, certification, ...) the notice must give "the means by which to obtain a copy of them or where they have been made available". The rule reports safeguards used by a destination that have no `copy` text, and `copy` texts with no link, web or e-mail address or phone number in any language (a "click on this link" whose link got lost).',
  fix: 'Add `copy` to the safeguard with a link to the published clauses or an address to request them, e.g. "[standard contractual clauses](https://...)" or "ask privacy@example.com".',
  check({ notice }) {
    const out: Finding[] = [];
    const used = new Set((notice.transfers?.destinations ?? []).map((d) => d.safeguard).filter(Boolean));
    notice.transfers?.safeguards?.forEach((s, i) => {
      if (!used.has(s.id) || !s.mechanism || !DOCUMENTS.has(s.mechanism)) return;
      if (!s.copy) {
        out.push({ message: `Safeguard '${s.id}' does not say how to obtain a copy of it; add 'copy' with a link or an address to ask for it.`, path: ['transfers', 'safeguards', i, 'mechanism'] });
      } else if (!Object.values(s.copy).some((t) => t !== undefined && REACHABLE.test(t))) {
        const locale = notice.sourceLocale in s.copy ? notice.sourceLocale : Object.keys(s.copy)[0]!;
        out.push({ message: `The copy text of safeguard '${s.id}' gives no link, web or e-mail address; add where the document can be found or requested.`, path: ['transfers', 'safeguards', i, 'copy', locale] });
      }
    });
    return out;
  },
};
