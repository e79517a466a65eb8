/**
 * Art. 5(1)(a), 12(1), 13(1)(c): purposes are stated without "may", "some", "possible".
 */
import type { Finding, LintRule } from '../types.js';
import { findWording } from '../util/wording.js';

/** Rule `purpose-vague`: Purposes are stated plainly, without qualifiers such as "may", "some" or "possible". */
export const purposeVague: LintRule = {
  id: 'purpose-vague',
  article: 'Art. 12(1), 13(1)(c), 14(1)(c) GDPR; WP260 rev.01 paras 12-13',
  severity: 'warning',
  summary: 'Purposes are stated plainly, without qualifiers such as "may", "some" or "possible".',
  explanation:
    'Information must be concrete and definitive; the transparency guidelines name qualifiers such as "may", "might", "some", "often" and "possible" as making a notice unclear ("We may use your personal data to develop new services"). The rule looks for them in the description of every purpose, in every locale (patterns for each language in `src/lint/data/vague-wording.json`), and reports each description that uses them.',
  fix: 'Say what is done, when and with which data: "We use your e-mail address to answer your support request", not "we may use some data".',
  check({ notice }) {
    const out: Finding[] = [];
    notice.purposes.forEach((purpose, i) => {
      for (const [locale, text] of Object.entries(purpose.description)) {
        const matches = findWording('qualifiers', locale, text ?? '');
        if (matches.length > 0) {
          const words = [...new Set(matches.map((m) => `"${m}"`))].join(', ');
          out.push({ message: `Purpose '${purpose.id}' uses ${words} (${locale}); say what is done, not what might be.`, path: ['purposes', i, 'description', locale], match: matches[0]! });
        }
      }
    });
    return out;
  },
};
