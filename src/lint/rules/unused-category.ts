/**
 * Art. 5(1)(c) with Art. 13(1)(c) / 14(1)(d): every category listed serves a purpose.
 */
import type { Finding, LintRule } from '../types.js';

/** Rule `unused-category`: Every category of personal data is used by at least one purpose. */
export const unusedCategory: LintRule = {
  id: 'unused-category',
  article: 'Art. 5(1)(c), 13(1)(c), 14(1)(d) GDPR',
  severity: 'warning',
  summary: 'Every category of personal data is used by at least one purpose.',
  explanation:
    'Data that serve no stated purpose may not be collected (data minimisation), and a reader must be able to tell why each category is processed. A purpose without a `categories` list uses every category; once every purpose lists its categories, a category that no purpose lists is reported.',
  fix: "Add the category's id to the `categories` of the purpose that uses it, or remove the category if it is not processed.",
  check({ notice }) {
    const out: Finding[] = [];
    if (notice.purposes.some((p) => !p.categories)) return out;
    const used = new Set(notice.purposes.flatMap((p) => p.categories ?? []));
    notice.categories.forEach((category, i) => {
      if (!used.has(category.id)) {
        out.push({ message: `No purpose uses the category '${category.id}'; list it in the categories of the purpose it serves, or remove it.`, path: ['categories', i] });
      }
    });
    return out;
  },
};
