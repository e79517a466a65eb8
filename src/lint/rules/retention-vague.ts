/**
 * Art. 13(2)(a) / 14(2)(a): retention "as long as necessary" with no period, trigger or law is too vague.
 */
import type { Finding, LintRule } from '../types.js';
import { findWording } from '../util/wording.js';

/** Rule `retention-vague`: A retention rule says more than "as long as necessary". */
export const retentionVague: LintRule = {
  id: 'retention-vague',
  article: 'Art. 13(2)(a), 14(2)(a) GDPR; WP260 rev.01 annex',
  severity: 'warning',
  summary: 'A retention rule says more than "as long as necessary".',
  explanation:
    'The notice must give the storage period, or the criteria used to determine it. The transparency guidelines call "as long as necessary for the legitimate purposes" insufficient: the period, the event it runs from, or the law that sets it must be given, per category or purpose where they differ. The rule reports a retention rule with no `period`, no `trigger` and no `law` whose `criteria` say only "as long as necessary" or "no longer than reasonably necessary" (patterns for each language in `src/lint/data/vague-wording.json`), in every locale.',
  fix: 'Give the period (`period: P6M`), the event it runs from (`trigger`: "after the support request is closed") or the law that sets it (`law`); split the rule where categories or purposes are kept for different times.',
  check({ notice }) {
    const out: Finding[] = [];
    notice.retention?.rules.forEach((rule, i) => {
      if (rule.period || rule.trigger || rule.law || !rule.criteria) return;
      for (const [locale, text] of Object.entries(rule.criteria)) {
        const [match] = findWording('retention', locale, text ?? '');
        if (match) {
          out.push({
            message: `Retention rule '${rule.id}' only says "${match}" (${locale}); give a period, the event it runs from or the law that sets it.`,
            path: ['retention', 'rules', i, 'criteria', locale],
            match,
          });
        }
      }
    });
    return out;
  },
};
