/**
 * Lint stage: GDPR Art. 13/14, transfer rules and translations, checked on a valid notice.
 */
export { lintNotice, type LintOptions } from './lint-notice.js';
export { RULES, CHECKED_RULES, ruleById } from './rules/index.js';
export { configCandidates, findConfigFile, loadLintConfig, parseLintConfig, LintConfigError, CONFIG_NAMES, type LintConfig, type RuleSetting } from './load-config.js';
export { parseSuppressions, type Suppression } from './parse-suppressions.js';
export { translationReport, markReviewed, MarkError, type TranslationReport, type TranslationState, type ReviewStatus, type MarkOptions, type MarkResult } from './review-translations.js';
export { toJsonFindings, toSarif, formatGithubAnnotations, formatLintText, RULES_DOC_URL, clauseIdPath, repositoryRoot, type JsonFinding, type SarifOptions } from './format-findings.js';
export { renderRuleList, replaceRuleList, RULES_BEGIN, RULES_END } from './render-docs.js';
export { collectTexts, hashText } from './util/notice.js';
export { isEea, adequacyForCountry, adequacyForOrganisation, ADEQUACY_CHECKED, type AdequacyDecision } from './util/adequacy.js';
export type { LintRule, RuleMeta, LintContext, Finding, LintDiagnostic, TextEntry, Path } from './types.js';
