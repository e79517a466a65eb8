/**
 * Art. 13(1)(d) / 14(2)(b): the legitimate interests pursued, where Art. 6(1)(f) is the basis.
 */
import type { Finding, LintRule } from '../types.js';

/** Rule `legitimate-interests`: A purpose based on legitimate interests says which interests. */
export const legitimateInterests: LintRule = {
  id: 'legitimate-interests',
  article: 'Art. 13(1)(d), 14(2)(b) GDPR',
  severity: 'error',
  summary: 'A purpose based on legitimate interests says which interests.',
  explanation:
    'Where processing rests on Art. 6(1)(f), the notice must name the legitimate interests pursued by the controller or a third party; "our legitimate interests" alone does not. The rule checks that every purpose with a `6(1)(f)` basis has a `legitimateInterests` text.',
  fix: 'Add `legitimateInterests` to the purpose, saying whose interest it is and what it is (e.g. "to prevent fraud against our customers").',
  check({ notice }) {
    const out: Finding[] = [];
    notice.purposes.forEach((purpose, i) => {
      const j = (purpose.legalBases ?? []).findIndex((b) => b.gdpr === '6(1)(f)');
      if (j >= 0 && !purpose.legitimateInterests) {
        out.push({ message: `Purpose '${purpose.id}' relies on legitimate interests (6(1)(f)) but does not say which; add 'legitimateInterests'.`, path: ['purposes', i, 'legalBases', j, 'gdpr'] });
      }
    });
    return out;
  },
};
