/**
 * Validation stage: load + validate files into notices and diagnostics.
 */
import { loadNoticeFile, type LoadedNotice } from '../load/read-notice.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Notice } from '../model/notice.js';
import { validateNotice } from './validate-notice.js';

export { validateNotice, isCountryCode, type ValidationResult, type ValidateOptions } from './validate-notice.js';
export { checkMarkdown, findMarkdownProblems, type MarkdownProblem } from './check-markdown.js';

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
 * @param templatesDir a custom templates folder whose phrase packs count too
 */
export async function checkNoticeFile(file: string, templatesDir?: string): Promise<CheckedFile> {
  const loaded = await loadNoticeFile(file);
  const result = validateNotice(loaded, { templatesDir });
  return { file, loaded, notice: result.notice, diagnostics: result.diagnostics };
}

/**
 * Read and validate many files, a few at a time (I/O overlaps, parsing stays on this thread).
 * @param files paths, in the order results are wanted
 */
export async function checkNoticeFiles(files: readonly string[]): Promise<CheckedFile[]> {
  return mapFiles(files, checkNoticeFile);
}

/** The outcome of {@link validateNoticeFiles} for one file. */
export interface FileDiagnostics {
  file: string;
  diagnostics: Diagnostic[];
  /** The decoded text, kept only when there are diagnostics (for code frames). */
  text?: string;
}

/**
 * Validate many files keeping only what a report needs, so memory stays flat however many files
 * there are (a parsed document is many times the size of its file).
 * @param files paths, in the order results are wanted
 */
export async function validateNoticeFiles(files: readonly string[]): Promise<FileDiagnostics[]> {
  return mapFiles(files, validateNoticeFile);
}

/** Read and validate one file keeping only what a report needs (see {@link validateNoticeFiles}). */
export async function validateNoticeFile(file: string): Promise<FileDiagnostics> {
  const { loaded, diagnostics } = await checkNoticeFile(file);
  return diagnostics.length > 0 ? { file, diagnostics, text: loaded.text } : { file, diagnostics };
}

/** A file read and validated, reduced to what crosses a thread boundary cheaply. */
export interface CheckedText {
  file: string;
  /** The decoded text (BOM removed); positions in diagnostics refer to it. */
  text: string;
  /** SHA-256 (hex) of the text as UTF-8, when the check worked it out (a build's worker thread, the build cache). */
  textHash?: string;
  /**
   * The result as the build cache keeps it (`{ notice, diagnostics }` in V8's serialization), when
   * the check made it: a build's worker threads send results so, and the build stores those bytes.
   */
  entry?: Uint8Array;
  /** Present when the file is valid. */
  notice?: Notice;
  diagnostics: Diagnostic[];
}

/**
 * Read and validate many files keeping the text and notice but not the parsed document.
 * @param files paths, in the order results are wanted
 * @param templatesDir a custom templates folder whose phrase packs count too
 */
export async function checkNoticeTexts(files: readonly string[], templatesDir?: string): Promise<CheckedText[]> {
  return mapFiles(files, async (file) => {
    const { loaded, notice, diagnostics } = await checkNoticeFile(file, templatesDir);
    return notice ? { file, text: loaded.text, notice, diagnostics } : { file, text: loaded.text, diagnostics };
  });
}

/**
 * Run `task` over `files` (paths, or what was found out about them) with at most 8 in flight:
 * their I/O overlaps. Results are in input order.
 */
export async function mapFiles<F, T>(files: readonly F[], task: (file: F) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await task(files[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  return results;
}
