/**
 * The one error/warning shape every stage reports in, and the fixed list of codes.
 */

/** How bad a finding is: `error` fails the command, `warning` fails it only under `--strict`. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Every diagnostic code, with a one-line explanation (shown by `noticekit validate --codes`).
 * Codes are part of the public contract: tests and editors key on them, never on message text.
 */
export const DIAGNOSTIC_CODES = {
  // Settings
  'lint-config': 'The lint settings file (noticekit.config.yaml or .json) cannot be used.',
  // Reading the file
  'file-unreadable': 'The file could not be read.',
  'file-too-large': 'The file is larger than the size limit.',
  'invalid-encoding': 'The file is not valid UTF-8.',
  'control-character': 'The file contains a NUL byte or another control character.',
  'hidden-character': 'The text contains an invisible bidirectional-control or zero-width character.',
  'empty-file': 'The file holds no notice.',
  // YAML structure
  'yaml-syntax': 'The YAML cannot be parsed.',
  'tab-indent': 'A tab is used for indentation; YAML needs spaces.',
  'duplicate-key': 'The same key appears twice in one mapping.',
  'multiple-documents': 'The file holds more than one YAML document.',
  'directive': 'A %YAML or %TAG directive is present.',
  'alias': 'An anchor (&name) or alias (*name) is used.',
  'merge-key': 'A << merge key is used.',
  'tag': 'An explicit YAML tag (!tag or !!type) is used.',
  'forbidden-key': 'A key such as __proto__ that could alter JavaScript objects.',
  'nesting-too-deep': 'The YAML is nested deeper than the limit.',
  'not-a-mapping': 'The top level of the file is not a mapping of keys to values.',
  // Schema
  'unknown-key': 'A key the notice schema does not know (often a typo).',
  'missing-key': 'A required key is missing.',
  'wrong-type': 'A value has the wrong type (text, number, list, mapping, true/false).',
  'not-allowed-value': 'A value is not one of the allowed choices.',
  'invalid-id': 'An id is not short lower-case kebab-case words.',
  'invalid-country': 'A country is not a two-letter ISO 3166-1 code.',
  'invalid-locale': 'A locale is not a BCP 47 language tag such as en or de-AT.',
  'invalid-date': 'A date is not YYYY-MM-DD.',
  'invalid-email': 'An e-mail address is malformed.',
  'invalid-url': 'A web address is malformed or not http(s).',
  'invalid-phone': 'A telephone number is malformed.',
  'invalid-duration': 'A period is not an ISO 8601 duration such as P6M.',
  'invalid-format': 'A value does not have the required form.',
  'too-long': 'A text is longer than the limit.',
  'too-many': 'A list or mapping has more entries than the limit.',
  'too-few': 'A list, mapping or text is empty or has too few entries.',
  'duplicate-item': 'A list holds the same entry twice.',
  // Checks the schema cannot express
  'duplicate-id': 'Two clauses share one id.',
  'conflicting-keys': 'Two keys that exclude each other are both given.',
  'unknown-reference': 'A reference names an id that does not exist or is of the wrong kind.',
  'missing-locale': 'A text lacks one of the declared locales.',
  'undeclared-locale': 'A text has a locale the notice does not declare.',
  'unknown-country': 'A two-letter code that is not an assigned ISO 3166-1 country.',
  'raw-html': 'Raw HTML in a text field.',
  'unsafe-url': 'A link whose scheme is not https, http, mailto or tel.',
  'image-not-allowed': 'An image in a text field.',
  'markdown-too-complex': 'A text nests quotes or lists too deeply, has too many lines or too many emphasis marks to render safely.',
  // Rendering
  'missing-phrase-pack': 'A declared locale has no phrase pack (templates/locales/<locale>.yaml).',
  'unknown-phrase': 'A phrase override names a phrase the pack does not have.',
  'duplicate-notice': 'Two files hold the same notice id and version.',
  'template-error': 'A template is invalid or failed while rendering.',
  'unknown-dpv-term': 'A dpv field names a term that is not in the W3C DPV term list (JSON-LD export).',
  'too-many-diagnostics': 'More problems than the report limit; the rest are not shown.',
} as const;

/**
 * Every lint rule id (the rules themselves are in `src/lint/rules/`; a test checks the two lists
 * agree). Listed here so that a diagnostic's `code` can be typed before the lint stage exists.
 */
export const LINT_RULE_IDS = [
  'controller-identity', 'eu-representative', 'dpo-contact', 'purpose-legal-basis', 'legitimate-interests',
  'special-category-basis', 'unused-category', 'categories-art14', 'recipients-stated', 'recipients-specific',
  'transfers-section', 'transfer-safeguard', 'adequacy-statement', 'adequacy-scope', 'safeguard-copy',
  'retention-stated', 'retention-vague', 'rights-listed', 'withdraw-consent', 'complaint-right',
  'requirement-to-provide', 'data-source', 'automated-decisions', 'purpose-vague', 'check-regularly',
  'version-stated', 'facts-in-text', 'translation-missing', 'translation-stale', 'translation-unreviewed', 'phrase-pack-unchecked',
  'todo-left',
  'invalid-suppression', 'unused-suppression',
] as const;

/** A lint rule id. */
export type LintRuleId = (typeof LINT_RULE_IDS)[number];

/** A code from {@link DIAGNOSTIC_CODES}, or a lint rule id (lint findings carry their rule as code). */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES | LintRuleId;

/** Another place a diagnostic refers to (the first use of a duplicated id, say). */
export interface RelatedPlace {
  /** What is there, e.g. `first use of the id`. */
  message: string;
  /** YAML key path of that place. */
  path: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** A problem found in a file, positioned for an editor. */
export interface Diagnostic {
  /** Fixed code, e.g. `unknown-key`, or a lint rule id. */
  code: DiagnosticCode;
  severity: Severity;
  /** One sentence a legal editor understands, saying what is wrong and what to do. */
  message: string;
  /** Path of the file as given on the command line. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column (in UTF-16 code units, as editors count). */
  column: number;
  /** 1-based end line, when the problem spans a range. */
  endLine?: number;
  /** 1-based end column, exclusive. */
  endColumn?: number;
  /** YAML key path such as `controller.address.country` or `purposes[1].legalBases[0].gdpr`; empty for the file. */
  path: string;
  /** What was probably meant ("Did you mean ...?"), closest first; printed by the formatters. */
  expected?: string[];
  /** Other places the problem involves; printed by the formatters, SARIF `relatedLocations`. */
  related?: RelatedPlace[];
  /** How to fix it, when known beyond the message (lint: the rule's advice). */
  fix?: string;
}

/** Most diagnostics reported per file; the rest are summarised in one `too-many-diagnostics`. */
export const MAX_DIAGNOSTICS_PER_FILE = 100;

/** Sort diagnostics by position, then code, so every report is stable. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

/** True if any diagnostic is an error. */
export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
