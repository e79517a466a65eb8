/**
 * Validate a loaded notice: the JSON Schema (ajv), then the checks of what the schema cannot say
 * (unique ids, references, complete locale maps, real country codes, safe Markdown). Every problem
 * is a positioned Diagnostic worded for a legal editor.
 */
import { MAX_DIAGNOSTICS_PER_FILE, type Diagnostic } from '../diagnostics.js';
import type { LoadedNotice } from '../load/read-notice.js';
import type { Notice } from '../model/notice.js';
import type { WalkEntry } from '../notice/schema.js';
import { Reporter } from '../report/reporter.js';
import { CHECKS, checkContext } from './checks/index.js';
import { schemaErrors } from './compile-schema.js';
import { schemaFindings } from './schema-errors.js';

export { isCountryCode } from './checks/index.js';

/** The outcome of validation: the typed notice when valid, and every diagnostic. */
export interface ValidationResult {
  /** The notice, present only when there are no errors. */
  notice?: Notice;
  diagnostics: Diagnostic[];
  /** With `keepEntries`, for a valid notice: every value the schema walk found, parents first. */
  entries?: readonly WalkEntry[];
}

/** Options for {@link validateNotice}. */
export interface ValidateOptions {
  /** A custom templates folder whose phrase packs count as well as the built-in ones. */
  templatesDir?: string;
  /** Keep the checks' schema walk in the result, for a caller that would walk the notice again. */
  keepEntries?: boolean;
}

/**
 * Validate a loaded notice file.
 * @param loaded the result of `loadNotice`/`loadNoticeFile`
 * @param options.templatesDir a custom templates folder that may hold phrase packs
 * @param options.keepEntries keep the schema walk's entries in the result (valid notices only)
 */
export function validateNotice(loaded: LoadedNotice, options: ValidateOptions = {}): ValidationResult {
  const report = new Reporter(loaded.file, loaded);
  for (const d of loaded.diagnostics) report.include(d);
  if (loaded.data === undefined || report.failed) return { diagnostics: report.list() };

  // Positioning one error searches the document; with thousands of errors (a file of unknown keys)
  // that alone took minutes. Only a report's worth are positioned; the rest are counted.
  const errors = schemaErrors(loaded.data);
  const reported = errors.slice(0, MAX_DIAGNOSTICS_PER_FILE + 1);
  report.countUnreported(errors.length - reported.length);
  for (const finding of schemaFindings(loaded.data, reported)) report.add(finding);
  const context = checkContext(loaded, options.templatesDir);
  for (const check of CHECKS) for (const finding of check.check(context)) report.add(finding);

  const diagnostics = report.list();
  const failed = diagnostics.some((d) => d.severity === 'error');
  if (failed) return { diagnostics };
  return options.keepEntries ? { notice: loaded.data as Notice, diagnostics, entries: context.entries } : { notice: loaded.data as Notice, diagnostics };
}
