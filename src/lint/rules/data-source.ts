/**
 * Art. 14(2)(f): where the data come from, and whether from publicly accessible sources (Art. 14 notices).
 */
import type { Finding, LintRule } from '../types.js';
import { isArt14 } from '../util/notice.js';

/** Rule `data-source`: An Art. 14 notice names the sources of the data; an Art. 13 notice gets no data from others. */
export const dataSource: LintRule = {
  id: 'data-source',
  article: 'Art. 14(2)(f) GDPR',
  severity: 'error',
  summary: 'An Art. 14 notice names the sources of the data; an Art. 13 notice gets no data from others.',
  explanation:
    'When data are not obtained from the data subject, the notice must say from which source they originate and, if applicable, whether it is publicly accessible (`kind: public`). The rule reports `art14` and `both` notices with no source other than the data subject, and `art13` notices with a category obtained from a third party or a public source: those need the Art. 14 information too (`noticeType: both`).',
  fix: 'List the sources in `sources` with their `kind` and link each category to its `source`; or, in an Art. 13 notice that also obtains data from others, set `noticeType: both`.',
  check({ notice }) {
    const out: Finding[] = [];
    const sources = notice.sources ?? [];
    if (isArt14(notice)) {
      if (!sources.some((s) => s.kind !== 'data-subject')) {
        out.push({ message: `This ${notice.noticeType === 'both' ? 'Art. 13 and 14' : 'Art. 14'} notice names no source other than the data subject; add the sources the data are obtained from in 'sources'.`, path: ['noticeType'] });
      }
      return out;
    }
    const external = new Map(sources.filter((s) => s.kind === 'third-party' || s.kind === 'public').map((s) => [s.id, s]));
    notice.categories.forEach((category, i) => {
      const source = category.source ? external.get(category.source) : undefined;
      if (source) {
        out.push({ message: `Category '${category.id}' comes from ${source.kind === 'public' ? 'a public source' : 'a third party'} ('${source.id}'), so Art. 14 applies; set 'noticeType: both' and give the Art. 14 information.`, path: ['categories', i, 'source'] });
      }
    });
    return out;
  },
};
