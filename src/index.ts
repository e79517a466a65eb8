/**
 * noticekit public API: re-exports only.
 */
export type * from './model/notice.js';
export { loadNotice, loadNoticeFile, MAX_FILE_BYTES, MAX_DEPTH, type LoadedNotice } from './load/read-notice.js';
export { validateNotice, checkNoticeFile, checkNoticeFiles, isCountryCode, type ValidationResult, type CheckedFile } from './validate/index.js';
export { walkNotice } from './notice/schema.js';
export { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics.js';
export { formatDiagnostics } from './report/format-diagnostics.js';
export { run, type CliIO } from './cli/public.js';
export { build, FORMATS, DEFAULT_FORMATS, type BuildOptions, type BuildResult, type ManifestEntry, type Format } from './build/build.js';
export { mergeShards } from './build/merge.js';
export { diffNotices, formatDiffText, formatDiffMarkdown, formatDiffHtml, formatDiffJson, noticeHistory } from './diff/index.js';
export { lintNotice, RULES as LINT_RULES, toSarif, type LintOptions } from './lint/index.js';
export { renderMarkdown } from './render/markdown/index.js';
export { renderHtml, loadTemplateSet } from './render/html/index.js';
export { renderJson, renderJsonLd, dpvTermProblems } from './render/json/index.js';
export { buildView, type NoticeView } from './model/view.js';
export { loadPhrasePack, Phrases } from './model/phrases.js';
