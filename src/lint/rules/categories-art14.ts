/**
 * Art. 14(1)(d): an Art. 14 notice names the categories of data obtained from other sources.
 */
import type { Finding, LintRule } from '../types.js';
import { isArt14 } from '../util/notice.js';

/** Rule `categories-art14`: An Art. 14 notice says which categories of data were obtained from other sources. */
export const categoriesArt14: LintRule = {
  id: 'categories-art14',
  article: 'Art. 14(1)(d) GDPR',
  severity: 'error',
  summary: 'An Art. 14 notice says which categories of data were obtained from other sources.',
  explanation:
    'When data are not obtained from the data subject, the notice must name the categories of personal data concerned (for Art. 13 notices this is only good practice). In an `art14` or `both` notice with more than one source, the reader can only tell which categories came from elsewhere if each category names its `source`; the rule reports categories that do not, and notices that list no category at all.',
  fix: 'Give every category a `source` (the id of an entry in `sources`).',
  check({ notice }) {
    const out: Finding[] = [];
    if (!isArt14(notice)) return out;
    if (notice.categories.length === 0) {
      out.push({ message: 'This Art. 14 notice lists no categories of personal data; add them under categories.', path: ['categories'], at: 'key' });
      return out;
    }
    if ((notice.sources?.length ?? 0) < 2) return out;
    notice.categories.forEach((category, i) => {
      if (!category.source) {
        out.push({ message: `Category '${category.id}' does not say where it comes from; add 'source' so readers can tell which data were obtained from others.`, path: ['categories', i] });
      }
    });
    return out;
  },
};
