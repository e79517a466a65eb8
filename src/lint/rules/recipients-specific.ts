/**
 * Art. 13(1)(e) / 14(1)(e): recipients are named, or their categories are specific.
 */
import type { Finding, LintRule } from '../types.js';
import { isWholly } from '../util/wording.js';

/** Rule `recipients-specific`: Recipients are named, or described as a specific category. */
export const recipientsSpecific: LintRule = {
  id: 'recipients-specific',
  article: 'Art. 13(1)(e), 14(1)(e) GDPR',
  severity: 'warning',
  summary: 'Recipients are named, or described as a specific category.',
  explanation:
    'The notice must give the recipients or categories of recipients. The transparency guidelines (WP260 annex) expect named recipients, or categories as specific as possible: the type of recipient by what it does, its industry or sector, and where it is. The rule reports recipients of kind `other`, or of no stated kind, without a name, and recipients described only as "third parties", "partners" or the like (patterns in `src/lint/data/vague-wording.json`).',
  fix: 'Name the recipient (`name`), or describe the category by what it does for you and where, e.g. "payment service providers in the EU".',
  check({ notice }) {
    const out: Finding[] = [];
    (notice.recipients ?? []).forEach((recipient, i) => {
      if (recipient.kind === undefined && !recipient.name) {
        out.push({ message: `Recipient '${recipient.id}' is unnamed and the notice does not say what kind of recipient it is; name it or give its kind (processor, group-company, authority, controller) as the notice states it.`, path: ['recipients', i], at: 'key' });
      } else if (recipient.kind === 'other' && !recipient.name) {
        out.push({ message: `Recipient '${recipient.id}' is of kind 'other' and unnamed; name it or pick a specific kind (processor, group-company, authority, controller).`, path: ['recipients', i, 'kind'] });
      }
      for (const [locale, text] of Object.entries(recipient.description)) {
        if (text && isWholly('genericRecipients', locale, text)) {
          out.push({ message: `Recipient '${recipient.id}' is described only as "${text.trim()}" (${locale}); say what kind of recipient it is, in which sector and where.`, path: ['recipients', i, 'description', locale] });
        }
      }
    });
    return out;
  },
};
