/**
 * Diff stage: clause-level comparison of two notice versions, classification of each change as
 * material or editorial, the report formats, and the git timeline.
 */
export { diffNotices, sha256Hex, summarize, type DiffInput } from './diff-notices.js';
export { RULES, rule, type Rule } from './classify-rules.js';
export { formatDiffText } from './format-text.js';
export { formatDiffMarkdown } from './format-markdown.js';
export { formatDiffHtml } from './format-html.js';
export { formatDiffJson } from './format-json.js';
export { formatHistory } from './format-history.js';
export { historyAt, noticeHistory, type HistoryStore, type NoticeHistory, type HistoryEntry, type HistoryChange } from './history.js';
export { GitError, locateInRepo, readVersionAt, readVersionFile, type NoticeVersion, type RepoFolder, type RepoPlace } from './read-version.js';
export { compareDurations, parseDuration } from './util-duration.js';
export { EEA_COUNTRIES, SAFEGUARD_STRENGTH } from './util-transfer.js';
export type * from './types.js';
export type { FormatDiffOptions } from './util-format.js';
