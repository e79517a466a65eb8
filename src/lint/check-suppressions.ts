/**
 * The engine's own checks, of the suppression comments (`# noticekit-disable-next-line <rule> --
 * <reason>`): a valid comment hides its rules' findings on its target line; a comment without rule
 * or reason, or naming an unknown rule, is `invalid-suppression`; one that hides nothing is
 * `unused-suppression`. They are rules for documentation and configuration, with no `check` of their
 * own: only the engine sees every other rule's findings.
 */
import type { Severity } from '../diagnostics.js';
import type { LoadedNotice } from '../load/read-notice.js';
import type { Reporter } from '../report/reporter.js';
import { parseSuppressions } from './parse-suppressions.js';
import type { LintDiagnostic, RuleMeta } from './types.js';

/** Rule `invalid-suppression`: A suppression comment names known rules and gives a reason. */
export const invalidSuppression: RuleMeta = {
  id: 'invalid-suppression',
  article: 'noticekit',
  severity: 'error',
  summary: 'A suppression comment names known rules and gives a reason.',
  explanation:
    'A finding can be suppressed with a comment on the line before it: `# noticekit-disable-next-line <rule>[, <rule>] -- <reason>`. The reason is required, so that a reviewer can tell why the notice departs from the rule. A comment without a reason, without a rule, or with an unknown rule suppresses nothing and is reported itself. The engine checks the comments; this rule only describes the finding.',
  fix: 'Write the comment as `# noticekit-disable-next-line retention-vague -- the period is set by the contract in annex 2`.',
};

/** Rule `unused-suppression`: Every suppression comment suppresses a finding. */
export const unusedSuppression: RuleMeta = {
  id: 'unused-suppression',
  article: 'noticekit',
  severity: 'warning',
  summary: 'Every suppression comment suppresses a finding.',
  explanation:
    'A `noticekit-disable-next-line` comment whose rule reports nothing on the next line is reported, so that suppressions do not outlive the problem they were written for (and do not hide a later one). Rules turned off in the configuration are not counted as unused. The engine checks the comments; this rule only describes the finding.',
  fix: 'Delete the comment, or move it to the line before the finding it is meant for.',
};

/**
 * Apply the suppression comments to the findings reported so far and report the comments' problems.
 * @param report holds the rules' findings; suppressed ones are removed from it
 * @param known every rule id
 * @param severityOf the configured severity of a rule id among those run, undefined when off or not run
 * @param clause the clause id the comments' findings are about (the notice's)
 */
export function checkSuppressions(loaded: LoadedNotice, report: Reporter<LintDiagnostic>, known: ReadonlySet<string>, severityOf: (id: string) => Severity | undefined, clause: string): void {
  const found = [...report.all];
  const invalid = severityOf(invalidSuppression.id);
  const unused = severityOf(unusedSuppression.id);
  for (const s of parseSuppressions(loaded)) {
    const at = { line: s.line, column: s.column };
    const unknown = s.rules.filter((r) => !known.has(r));
    const problem =
      s.rules.length === 0
        ? 'names no rule'
        : unknown.length > 0
          ? `names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `'${r}'`).join(', ')}`
          : !s.reason
            ? 'gives no reason'
            : undefined;
    if (problem) {
      if (invalid) report.add({ code: invalidSuppression.id, severity: invalid, at, fix: invalidSuppression.fix, extra: { clause }, message: `This suppression comment ${problem}, so it suppresses nothing; write '# noticekit-disable-next-line <rule> -- <reason>'.` });
      continue;
    }
    for (const ruleId of s.rules) {
      // The lines between the comment and its target are blank or comments: only a finding about a
      // comment (todo-left) can be on one, and the suppression covers it too.
      const hits = new Set(found.filter((d) => d.code === ruleId && d.line > s.line && d.line <= s.target));
      report.remove((d) => hits.has(d));
      if (hits.size === 0 && severityOf(ruleId) !== undefined && unused) {
        report.add({ code: unusedSuppression.id, severity: unused, at, fix: unusedSuppression.fix, extra: { clause }, message: `'${ruleId}' reports nothing on line ${s.target}, so this suppression is unused; remove it.` });
      }
    }
  }
}
