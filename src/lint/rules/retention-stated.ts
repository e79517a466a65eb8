/**
 * Art. 13(2)(a) / 14(2)(a): the storage period, or the criteria used to determine it, is stated.
 */
import type { Finding, LintRule } from '../types.js';

/** Rule `retention-stated`: The notice says how long the data are kept. */
export const retentionStated: LintRule = {
  id: 'retention-stated',
  article: 'Art. 13(2)(a), 14(2)(a) GDPR',
  severity: 'error',
  summary: 'The notice says how long the data are kept, or by which criteria that is decided.',
  explanation:
    'The notice must give the period for which the personal data will be stored, or the criteria used to determine it. A notice that does not say leaves out `retention`: noticekit then prints nothing about storage, and this rule reports the gap at the notice\'s purposes.',
  fix: 'Add a `retention` section with one rule per period (`period`, `trigger`, `law` or `criteria`), as the notice states it.',
  check({ notice }) {
    const out: Finding[] = [];
    if (!notice.retention) {
      out.push({ message: "The notice does not say how long the data are kept or by which criteria (Art. 13(2)(a) / 14(2)(a)); add a 'retention' section with what the notice states.", path: ['purposes'], at: 'key' });
    }
    return out;
  },
};
