/**
 * Art. 13(1)(e) / 14(1)(e): the recipients or categories of recipients, if any, are stated.
 */
import type { Finding, LintRule } from '../types.js';

/** Rule `recipients-stated`: The notice says who receives the data, or that no one does. */
export const recipientsStated: LintRule = {
  id: 'recipients-stated',
  article: 'Art. 13(1)(e), 14(1)(e) GDPR',
  severity: 'warning',
  summary: 'The notice says who receives the data, or that no one does.',
  explanation:
    'The notice must give the recipients or categories of recipients, "if any". `recipients: []` records a notice that states there are none (and prints that); a notice that does not say leaves `recipients` out, nothing is printed, and this rule reports the gap. It is a warning, because a notice without recipients may say nothing; the transparency guidelines (WP260) ask that it says so.',
  fix: "List the recipients under `recipients` as the notice names them, or write `recipients: []` if the notice states that no one receives the data.",
  check({ notice }) {
    const out: Finding[] = [];
    if (notice.recipients === undefined) {
      out.push({ message: "The notice does not say who receives the data (Art. 13(1)(e) / 14(1)(e)); list them under 'recipients', or write 'recipients: []' if it states there are none.", path: ['categories'], at: 'key' });
    }
    return out;
  },
};
