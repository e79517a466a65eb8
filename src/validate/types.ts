/**
 * The shape validation checks are written in, like lint rules: metadata plus a pure
 * `check(context) -> findings`; the validator positions and reports the findings.
 */
import type { DiagnosticCode } from '../diagnostics.js';
import type { LoadedNotice } from '../load/read-notice.js';
import type { KeyPath } from '../notice/path.js';
import type { WalkEntry } from '../notice/schema.js';
import type { ReportInput } from '../report/reporter.js';

/** What a check reports: a reporter input about a key path (severity: error unless given). */
export interface CheckFinding extends ReportInput {
  path: KeyPath;
}

/** A clause of the notice: a value whose schema definition has an `id`. */
export interface ClauseEntry {
  id: string;
  /** Its `$defs` name, e.g. `Purpose`. */
  def: string;
  path: KeyPath;
}

/** Everything a check may look at, built once per notice by the validator. */
export interface CheckContext {
  /** The parsed file (for offsets inside texts). */
  loaded: LoadedNotice;
  /** The notice data (valid YAML, not yet known to satisfy the schema). */
  data: Record<string, unknown>;
  /** The declared locales, as written. */
  declaredLocales: string[];
  /** The declared locales that are real language tags (texts are checked for these). */
  locales: string[];
  /** Every value the schema describes, parents first (one walk, shared by the checks). */
  entries: WalkEntry[];
  /**
   * The entries of each `$defs` name, parents first. A check that looks at a few kinds of value
   * goes through these: a loop over all entries runs before the engine optimises it, some
   * microseconds for each of a large notice's thousands of entries.
   */
  byDef: ReadonlyMap<string, readonly WalkEntry[]>;
  /** Every clause with an id, in document order. */
  clauses: ClauseEntry[];
  /** A custom templates folder whose phrase packs count as well as the built-in ones. */
  templatesDir?: string;
}

/** A check the schema cannot express (unique ids, references, locale maps, safe Markdown...). */
export interface ValidationCheck {
  /** Stable name, kebab-case. */
  id: string;
  /** The diagnostic codes it reports. */
  codes: readonly DiagnosticCode[];
  /** One line saying what it checks. */
  summary: string;
  /**
   * Check a notice.
   * @returns findings; an empty list when the notice passes
   */
  check(context: CheckContext): CheckFinding[];
}
