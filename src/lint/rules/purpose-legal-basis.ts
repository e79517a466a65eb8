/**
 * Art. 6(1) with Art. 13(1)(c) / 14(1)(c): every purpose has a lawful basis under Art. 6(1).
 */
import type { Finding, LintRule } from '../types.js';
import { basesOf } from '../util/notice.js';

/** Rule `purpose-legal-basis`: Every purpose names a lawful basis under Art. 6(1). */
export const purposeLegalBasis: LintRule = {
  id: 'purpose-legal-basis',
  article: 'Art. 6(1), 13(1)(c), 14(1)(c) GDPR',
  severity: 'error',
  summary: 'Every purpose names a lawful basis under Art. 6(1).',
  explanation:
    'The notice must give each purpose together with its legal basis. An Art. 9(2) condition only lifts the ban on special-category data; it does not replace a lawful basis under Art. 6(1), so a purpose needs at least one `6(1)(a)`-`6(1)(f)` basis. The rule reports purposes with no basis at all and purposes that name only Art. 9(2) conditions.',
  fix: 'Add the Art. 6(1) basis to `purposes[].legalBases`, e.g. `gdpr: 6(1)(b)` for a contract, beside any `9(2)` condition.',
  check({ notice }) {
    const out: Finding[] = [];
    notice.purposes.forEach((purpose, i) => {
      const bases = basesOf(purpose);
      if (bases.length === 0) {
        out.push({ message: `The notice states no legal basis for purpose '${purpose.id}' (Art. 13(1)(c) / 14(1)(c)); add the Art. 6(1) basis it gives under 'legalBases', e.g. 'gdpr: 6(1)(b)'.`, path: purpose.legalBases ? ['purposes', i, 'legalBases'] : ['purposes', i], at: 'key' });
      } else if (!bases.some((b) => b.startsWith('6('))) {
        out.push({
          message: `Purpose '${purpose.id}' names only ${bases.join(', ')}; an Art. 9(2) condition does not replace a lawful basis, so add one under Art. 6(1).`,
          path: ['purposes', i, 'legalBases'],
          at: 'key',
        });
      }
    });
    return out;
  },
};
