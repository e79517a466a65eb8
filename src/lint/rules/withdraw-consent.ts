/**
 * Art. 13(2)(c) / 14(2)(d), Art. 7(3): the right to withdraw consent, where consent is a basis.
 */
import type { Finding, LintRule } from '../types.js';
import { rightsNamed } from './rights-listed.js';

/** Rule `withdraw-consent`: A notice relying on consent tells people they can withdraw it at any time. */
export const withdrawConsent: LintRule = {
  id: 'withdraw-consent',
  article: 'Art. 13(2)(c), 14(2)(d), 7(3) GDPR',
  severity: 'error',
  summary: 'A notice relying on consent tells people they can withdraw it at any time.',
  explanation:
    'Where processing rests on consent (Art. 6(1)(a) or explicit consent under 9(2)(a)), the notice must say that consent can be withdrawn at any time without affecting the lawfulness of processing before the withdrawal. The rule reports notices with a consent basis and no `withdraw-consent` item in `rights.items`.',
  fix: 'Add `- id: withdraw-consent` with `right: withdraw-consent` to `rights.items`.',
  check({ notice }) {
    const out: Finding[] = [];
    const consenting = notice.purposes.filter((p) => (p.legalBases ?? []).some((b) => b.gdpr === '6(1)(a)' || b.gdpr === '9(2)(a)')).map((p) => p.id);
    if (consenting.length > 0 && !rightsNamed(notice).has('withdraw-consent')) {
      out.push({
        message: `Consent is the basis of ${consenting.map((id) => `'${id}'`).join(', ')}, but the rights do not include withdrawing it at any time; add an item with 'right: withdraw-consent'.`,
        path: ['rights', 'items'],
        at: 'key',
      });
    }
    return out;
  },
};
