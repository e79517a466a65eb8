/**
 * Art. 13(3), 14(4), WP260 rev.01 paras 29-31: a notice says which version it is, so readers can
 * tell whether it changed.
 */
import type { Finding, LintRule } from '../types.js';

/** Rule `version-stated`: The notice states its version or date. */
export const versionStated: LintRule = {
  id: 'version-stated',
  article: 'Art. 12(1), 13(3), 14(4) GDPR; WP260 rev.01 paras 29-31',
  severity: 'warning',
  summary: 'The notice states its version or date.',
  explanation:
    'Changes to a notice must be communicated to the data subjects, and a reader can only see that a notice changed when it says which version or date it is. The rule reports `versionStated: false`: the notice\'s text states neither, so the `version` and `effectiveDate` noticekit keeps for output paths and history are the editor\'s, not the notice\'s, and are not printed.',
  fix: 'State a version or an effective date in the notice itself, put it in `version` and `effectiveDate`, and remove `versionStated: false`.',
  check({ notice }) {
    const out: Finding[] = [];
    if (notice.versionStated === false) {
      out.push({ message: "The notice states no version and no date of its own (versionStated: false), so readers cannot tell whether it changed; state one in the notice.", path: ['versionStated'] });
    }
    return out;
  },
};
