/**
 * Art. 13(2)(d) / 14(2)(e), Art. 77: the right to lodge a complaint with a supervisory authority.
 */
import type { Finding, LintRule } from '../types.js';
import { rightsNamed } from './rights-listed.js';

/** Rule `complaint-right`: The notice tells people they can complain to a supervisory authority. */
export const complaintRight: LintRule = {
  id: 'complaint-right',
  article: 'Art. 13(2)(d), 14(2)(e), 77 GDPR',
  severity: 'error',
  summary: 'The notice tells people they can complain to a supervisory authority.',
  explanation:
    'Every notice must mention the right to lodge a complaint with a supervisory authority. The rule accepts a `complaint` item in `rights.items`, a `complaints.text` or a named `complaints.authority`, and reports a notice with none of them.',
  fix: 'Add `- id: complaint` with `right: complaint` to `rights.items`, or a `complaints.text` (naming the competent authority helps).',
  check({ notice }) {
    const out: Finding[] = [];
    const c = notice.complaints;
    if (!rightsNamed(notice).has('complaint') && !c?.text && !c?.authority) {
      out.push({ message: "The notice does not mention the right to complain to a supervisory authority; add 'complaints.text' or a rights item with 'right: complaint'.", path: c ? ['complaints'] : ['rights'], at: 'key' });
    }
    return out;
  },
};
