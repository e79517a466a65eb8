/**
 * A `noticekit-disable-next-line` comment must name known rules and give a reason.
 */
import type { LintRule } from '../types.js';

/** Rule `invalid-suppression`: A suppression comment names known rules and gives a reason. */
export const invalidSuppression: LintRule = {
  id: 'invalid-suppression',
  article: 'noticekit',
  severity: 'error',
  summary: 'A suppression comment names known rules and gives a reason.',
  explanation:
    'A finding can be suppressed with a comment on the line before it: `# noticekit-disable-next-line <rule>[, <rule>] -- <reason>`. The reason is required, so that a reviewer can tell why the notice departs from the rule. A comment without a reason, without a rule, or with an unknown rule suppresses nothing and is reported itself. The engine checks the comments; this rule only describes the finding.',
  fix: 'Write the comment as `# noticekit-disable-next-line retention-vague -- the period is set by the contract in annex 2`.',
  check() {
    return [];
  },
};
