/**
 * Validation stage: load + validate files into notices and diagnostics.
 */
import { loadNoticeFile, type LoadedNotice } from '../load/read-notice.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Notice } from '../model/notice.js';
import { validateNotice } from './validate-notice.js';

export { validateNotice, isCountryCode, type ValidationResult } from './validate-notice.js';
export { checkMarkdown, parseMarkdown, isSafeUrl, type MarkdownProblem } from './check-markdown.js';
export { walkNotice, noticeSchema, SCHEMA_PATH, type WalkEntry } from './schema.js';
export { locate, type Place } from './locate.js';

/** A file that was read and validated. */
export interface CheckedFile {
  file: string;
  loaded: LoadedNotice;
  /** Present when the file is valid. */
  notice?: Notice;
  diagnostics: Diagnostic[];
}

/**
 * Read and validate one notice file.
 * @param file path to a YAML notice
 */
export async function checkNoticeFile(file: string): Promise<CheckedFile> {
  const loaded = await loadNoticeFile(file);
  const result = validateNotice(loaded);
  return { file, loaded, notice: result.notice, diagnostics: result.diagnostics };
}

/**
 * Read and validate many files, a few at a time (I/O overlaps, parsing stays on this thread).
 * @param files paths, in the order results are wanted
 */
export async function checkNoticeFiles(files: readonly string[]): Promise<CheckedFile[]> {
  const results: CheckedFile[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await checkNoticeFile(files[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  return results;
}
