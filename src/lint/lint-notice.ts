/**
 * Run the lint rules on a valid notice: configuration (off / severity), positions (file, line,
 * column, clause), suppression comments.
 */
import { isScalar } from 'yaml';
import { sortDiagnostics, type Severity } from '../diagnostics.js';
import { formatPath } from '../notice/path.js';
import type { LoadedNotice } from '../load/read-notice.js';
import type { Notice } from '../model/notice.js';
import { locate, nodeAt } from '../notice/locate.js';
import type { LintConfig } from './load-config.js';
import { parseSuppressions } from './parse-suppressions.js';
import { RULES } from './rules/index.js';
import type { Finding, LintContext, LintDiagnostic, LintRule } from './types.js';
import { clauseOf, collectTexts } from './util-notice.js';

/** Options for {@link lintNotice}. */
export interface LintOptions {
  /** Rule settings (default: every rule at its default severity). */
  config?: LintConfig;
  /** Day to judge adequacy decisions against, YYYY-MM-DD (default: today, UTC). */
  today?: string;
  /** The rules to run (default: all). */
  rules?: readonly LintRule[];
}

/** Ids of the rules the engine reports itself, from the suppression comments. */
const ENGINE_RULES = new Set(['invalid-suppression', 'unused-suppression']);

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
  const severityOf = (rule: LintRule): Severity | undefined => {
    const s = settings[rule.id];
    return s === 'off' ? undefined : (s ?? rule.severity);
  };
  const context: LintContext = { notice, loaded, today: options.today ?? new Date().toISOString().slice(0, 10), texts: collectTexts(notice) };

  const found: LintDiagnostic[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule);
    if (!severity || ENGINE_RULES.has(rule.id)) continue;
    for (const finding of rule.check(context)) found.push(toDiagnostic(loaded, notice, rule.id, severity, finding));
  }

  // Suppression comments: a valid one hides the findings of its rules on its target line.
  const known = new Set(RULES.map((r) => r.id));
  const invalidRule = rules.find((r) => r.id === 'invalid-suppression');
  const unusedRule = rules.find((r) => r.id === 'unused-suppression');
  const invalidSeverity = invalidRule && severityOf(invalidRule);
  const unusedSeverity = unusedRule && severityOf(unusedRule);
  const kept = new Set(found);
  const meta: LintDiagnostic[] = [];
  const at = (line: number, column: number, code: string, severity: Severity, message: string): LintDiagnostic => ({
    code,
    severity,
    message,
    file: loaded.file,
    line,
    column,
    path: '',
    clause: notice.id,
  });
  for (const s of parseSuppressions(loaded)) {
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
      if (invalidSeverity) {
        meta.push(at(s.line, s.column, 'invalid-suppression', invalidSeverity, `This suppression comment ${problem}, so it suppresses nothing; write '# noticekit-disable-next-line <rule> -- <reason>'.`));
      }
      continue;
    }
    for (const ruleId of s.rules) {
      const hits = found.filter((d) => d.code === ruleId && d.line === s.target);
      hits.forEach((d) => kept.delete(d));
      const rule = rules.find((r) => r.id === ruleId);
      const active = rule !== undefined && severityOf(rule) !== undefined;
      if (hits.length === 0 && active && unusedSeverity) {
        meta.push(at(s.line, s.column, 'unused-suppression', unusedSeverity, `'${ruleId}' reports nothing on line ${s.target}, so this suppression is unused; remove it.`));
      }
    }
  }
  return sortDiagnostics([...found.filter((d) => kept.has(d)), ...meta]) as LintDiagnostic[];
}

/** Turn a rule's finding into a positioned diagnostic. */
function toDiagnostic(loaded: LoadedNotice, notice: Notice, code: string, severity: Severity, finding: Finding): LintDiagnostic {
  const place = locate(loaded, finding.path, finding.at ?? 'value');
  const d: LintDiagnostic = {
    code,
    severity,
    message: finding.message,
    file: loaded.file,
    line: place.line,
    column: place.column,
    path: formatPath(finding.path),
    clause: clauseOf(notice, finding.path),
  };
  const offset = finding.match ? offsetOf(loaded, finding.path, finding.match) : undefined;
  if (offset !== undefined) {
    const start = loaded.lineCounter.linePos(offset);
    const end = loaded.lineCounter.linePos(offset + finding.match!.length);
    d.line = start.line;
    d.column = start.col;
    if (end.line === start.line) {
      d.endLine = end.line;
      d.endColumn = end.col;
    }
  } else if (place.endLine === place.line) {
    d.endLine = place.endLine;
    d.endColumn = place.endColumn;
  }
  return d;
}

/**
 * Offset of some words inside the YAML source of the scalar at `path`. Folded and quoted scalars
 * differ from their value (line breaks, escapes), so shorter and shorter prefixes are tried.
 */
function offsetOf(loaded: LoadedNotice, path: (string | number)[], words: string): number | undefined {
  const node = nodeAt(loaded, path);
  if (!isScalar(node) || !node.range) return undefined;
  const source = loaded.text.slice(node.range[0], node.range[1]);
  // Whole words first (so "some" is not found inside "handsome"); a phrase folded over two lines
  // is found by its first words.
  for (let len = words.length; len >= 2; len = Math.floor(len / 2)) {
    const prefix = words.slice(0, len).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`(?<![\\p{L}\\p{N}])${prefix}${len === words.length ? '(?![\\p{L}\\p{N}])' : ''}`, 'iu').exec(source);
    if (m) return node.range[0] + m.index;
  }
  return undefined;
}
