/**
 * noticekit public API: re-exports only.
 */
export type * from './model/notice.js';
export { loadNotice, loadNoticeFile, MAX_FILE_BYTES, MAX_DEPTH, type LoadedNotice } from './load/read-notice.js';
export { validateNotice, checkNoticeFile, checkNoticeFiles, isCountryCode, walkNotice, type ValidationResult, type CheckedFile } from './validate/index.js';
export { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics.js';
export { formatDiagnostics } from './report/format-diagnostics.js';
export { run, type CliIO } from './cli/public.js';
