/**
 * A suppression comment that suppresses nothing is reported, so stale ones get removed.
 */
import type { LintRule } from '../types.js';

/** Rule `unused-suppression`: Every suppression comment suppresses a finding. */
export const unusedSuppression: LintRule = {
  id: 'unused-suppression',
  article: 'noticekit',
  severity: 'warning',
  summary: 'Every suppression comment suppresses a finding.',
  explanation:
    'A `noticekit-disable-next-line` comment whose rule reports nothing on the next line is reported, so that suppressions do not outlive the problem they were written for (and do not hide a later one). Rules turned off in the configuration are not counted as unused. The engine checks the comments; this rule only describes the finding.',
  fix: 'Delete the comment, or move it to the line before the finding it is meant for.',
  check() {
    return [];
  },
};
