/**
 * Art. 9(1)-(2): a purpose using special-category data names an Art. 9(2) condition.
 */
import type { Finding, LintRule } from '../types.js';
import { basesOf } from '../util/notice.js';

/** Rule `special-category-basis`: A purpose that uses special-category data names an Art. 9(2) condition. */
export const specialCategoryBasis: LintRule = {
  id: 'special-category-basis',
  article: 'Art. 9(1), 9(2) GDPR',
  severity: 'error',
  summary: 'A purpose that uses special-category data names an Art. 9(2) condition.',
  explanation:
    'Processing health, biometric, genetic data, data on racial or ethnic origin, political opinions, religious or philosophical beliefs, trade-union membership, sex life or sexual orientation is prohibited unless one of the conditions of Art. 9(2) applies. The rule looks at every purpose that uses a category marked `special: true` (a purpose without `categories` uses all of them) and reports it when none of its legal bases is a `9(2)` condition.',
  fix: 'Add the Art. 9(2) condition to the purpose\'s `legalBases` (e.g. `9(2)(a)` explicit consent, `9(2)(h)` health care with the national law in `law`), or limit the purpose\'s `categories` to the data it really uses.',
  check({ notice }) {
    const out: Finding[] = [];
    const special = new Set(notice.categories.filter((c) => c.special).map((c) => c.id));
    if (special.size === 0) return out;
    notice.purposes.forEach((purpose, i) => {
      const used = (purpose.categories ?? notice.categories.map((c) => c.id)).filter((id) => special.has(id));
      if (used.length === 0 || basesOf(purpose).some((b) => b.startsWith('9('))) return;
      out.push({
        message: `Purpose '${purpose.id}' uses special-category data (${used.join(', ')}) but names no Art. 9(2) condition; add one, e.g. '9(2)(a)' explicit consent.`,
        path: ['purposes', i, purpose.categories ? 'categories' : 'legalBases'],
        at: 'key',
      });
    });
    return out;
  },
};
