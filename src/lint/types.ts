/**
 * The shapes lint rules are written in: a rule, the context it checks, and the findings it returns.
 */
import type { Diagnostic, LintRuleId, Severity } from '../diagnostics.js';
import type { LoadedNotice } from '../load/read-notice.js';
import type { Notice } from '../model/notice.js';

/** A YAML key path: keys and list indices from the notice root. */
export type Path = (string | number)[];

/** What a rule reports: a message and the node it is about. The engine adds file, line, column, clause. */
export interface Finding {
  /** One sentence a legal editor understands, saying what is wrong and what to do. */
  message: string;
  /** Key path of the node the finding is about; a missing key points at its parent. */
  path: Path;
  /**
   * `key` to point at the key naming `path` rather than at its value (default `value`); a 0-based
   * text offset (and end) to point at something that is no node, such as a comment.
   */
  at?: 'key' | 'value' | { offset: number; end?: number };
  /** Words inside the text at `path` to point at (e.g. the vague phrase), when the text contains them. */
  match?: string;
}

/**
 * What every rule says about itself (documentation, SARIF descriptors, `--rules`, configuration).
 * The engine's own checks (suppression comments) are only this; the other rules add `check`.
 */
export interface RuleMeta {
  /** Stable rule id, kebab-case, listed in LINT_RULE_IDS (src/diagnostics.ts); findings carry it as their `code`. */
  id: LintRuleId;
  /** The provision the rule rests on, e.g. `Art. 13(1)(f), 14(1)(f) GDPR`. */
  article: string;
  /** Severity unless the configuration changes it. */
  severity: Severity;
  /** One line saying what the rule checks (SARIF `shortDescription`). */
  summary: string;
  /** One paragraph: what the law asks for and how the rule checks it. */
  explanation: string;
  /** How to fix a finding. */
  fix: string;
}

/** A lint rule: one GDPR requirement (or one piece of house keeping), checked on a valid notice. */
export interface LintRule extends RuleMeta {
  /**
   * Check a notice.
   * @param context the notice and everything derived from it
   * @returns findings; an empty list when the notice passes
   */
  check(context: LintContext): Finding[];
}

/** One human-readable text of the notice (a `Text` value), with what lint needs to know about it. */
export interface TextEntry {
  /** Stable key of the text: `<clause-id>.<field>`, or the field path for texts of the notice itself. */
  key: string;
  /** Key path of the Text mapping (its locales are the children). */
  path: Path;
  /** Id of the clause holding the text (the notice id for texts of the notice itself). */
  clause: string;
  /** `Def.property` of the schema slot holding the text, e.g. `Purpose.description`; `Phrases.*` for phrases. */
  slot: string;
  /** The text per locale. */
  text: Record<string, string>;
}

/** Everything a rule may look at. Built once per notice by the engine. */
export interface LintContext {
  /** The valid notice. */
  notice: Notice;
  /** The parsed file (text, YAML document, positions). */
  loaded: LoadedNotice;
  /** The day to judge dated facts (adequacy decisions) against, as YYYY-MM-DD. */
  today: string;
  /** Every text of the notice, in document order. */
  texts: TextEntry[];
}

/** A lint finding as reported: a Diagnostic whose `code` is the rule id, plus the clause it is about. */
export interface LintDiagnostic extends Diagnostic {
  code: LintRuleId;
  /** Id of the clause the finding is about (the notice id for notice-wide findings). */
  clause: string;
}
