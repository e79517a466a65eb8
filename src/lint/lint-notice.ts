/**
 * Run the lint rules on a valid notice: configuration (off / severity), positions (file, line,
 * column, clause), and the engine's checks of suppression comments.
 */
import type { Severity } from '../diagnostics.js';
import type { LoadedNotice } from '../load/read-notice.js';
import type { Notice } from '../model/notice.js';
import { scalarSource } from '../notice/locate.js';
import { Reporter, type At } from '../report/reporter.js';
import { checkSuppressions } from './check-suppressions.js';
import type { LintConfig } from './load-config.js';
import { RULES } from './rules/index.js';
import type { Finding, LintContext, LintDiagnostic, LintRule, RuleMeta } from './types.js';
import { clauseOf, collectTexts } from './util/notice.js';

/** Options for {@link lintNotice}. */
export interface LintOptions {
  /** Rule settings (default: every rule at its default severity). */
  config?: LintConfig;
  /** Day to judge adequacy decisions against, YYYY-MM-DD (default: today, UTC). */
  today?: string;
  /** The rules to run (default: all); the engine's checks run when theirs are among them. */
  rules?: readonly RuleMeta[];
}

/**
 * Lint a valid notice.
 * @param loaded the parsed file (for positions and comments)
 * @param notice the notice, as returned by validation (lint needs a valid notice)
 * @param options configuration, date, rules
 * @returns findings sorted by position, each with its rule id as `code` and its clause id
 */
export function lintNotice(loaded: LoadedNotice, notice: Notice, options: LintOptions = {}): LintDiagnostic[] {
  const rules = options.rules ?? RULES;
  const settings = options.config?.rules ?? {};
  const severityOf = (id: string): Severity | undefined => {
    const rule = rules.find((r) => r.id === id);
    if (!rule) return undefined;
    const s = settings[rule.id];
    return s === 'off' ? undefined : (s ?? rule.severity);
  };
  const context: LintContext = { notice, loaded, today: options.today ?? new Date().toISOString().slice(0, 10), texts: collectTexts(notice) };

  const report = new Reporter<LintDiagnostic>(loaded.file, loaded, { limit: Infinity });
  for (const rule of rules) {
    const severity = severityOf(rule.id);
    if (!severity || !isCheckedRule(rule)) continue;
    for (const finding of rule.check(context)) {
      report.add({ code: rule.id, severity, message: finding.message, path: finding.path, at: place(loaded, finding), fix: rule.fix, extra: { clause: clauseOf(notice, finding.path) } });
    }
  }
  checkSuppressions(loaded, report, new Set(RULES.map((r) => r.id)), severityOf, notice.id);
  return report.list();
}

/** True for a rule with a check of its own (not one of the engine's). */
function isCheckedRule(rule: RuleMeta): rule is LintRule {
  return typeof (rule as Partial<LintRule>).check === 'function';
}

/** Where a finding points: its own offset (a comment), the words it matches inside its text when found there, else its node. */
function place(loaded: LoadedNotice, finding: Finding): At {
  if (typeof finding.at === 'object') return finding.at;
  const offset = finding.match ? offsetOf(loaded, finding.path, finding.match) : undefined;
  return offset !== undefined ? { offset, end: offset + finding.match!.length } : (finding.at ?? 'value');
}

/**
 * Offset of some words inside the YAML source of the scalar at `path`. Folded and quoted scalars
 * differ from their value (line breaks, escapes), so shorter and shorter prefixes are tried.
 */
function offsetOf(loaded: LoadedNotice, path: (string | number)[], words: string): number | undefined {
  const scalar = scalarSource(loaded, path);
  if (!scalar) return undefined;
  // Whole words first (so "some" is not found inside "handsome"); a phrase folded over two lines
  // is found by its first words.
  for (let len = words.length; len >= 2; len = Math.floor(len / 2)) {
    const prefix = words.slice(0, len).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`(?<![\\p{L}\\p{N}])${prefix}${len === words.length ? '(?![\\p{L}\\p{N}])' : ''}`, 'iu').exec(scalar.source);
    if (m) return scalar.start + m.index;
  }
  return undefined;
}
