/**
 * The one way a stage reports a problem (vfile-message style): `report.add({code, message, path,
 * at?, related?, expected?, fix?})`. The reporter positions it in the source (a key path, a text
 * offset or a given line/column), keeps a range only when it ends on the line it starts on, writes
 * the path in the one format, drops exact repeats, sorts, and caps the list at the report limit.
 */
import { MAX_DIAGNOSTICS_PER_FILE, sortDiagnostics, type Diagnostic, type DiagnosticCode, type RelatedPlace, type Severity } from '../diagnostics.js';
import { locate, type Positions } from '../notice/locate.js';
import { formatPath, type KeyPath } from '../notice/path.js';

/** Where a problem is, besides its key path. */
export type At =
  /** The node at the key path (the default), or the key naming it. */
  | 'value'
  | 'key'
  /** A 0-based offset in the text (and optionally where the problem ends). */
  | { offset: number; end?: number }
  /** A known 1-based place (a template, a suppression comment). */
  | { line: number; column: number };

/** What a stage hands to {@link Reporter.add}. */
export interface ReportInput {
  code: DiagnosticCode;
  /** One sentence saying what is wrong and what to do; suggestions go in `expected`, places in `related`. */
  message: string;
  /** Key path of the node the problem is about (default: the file). */
  path?: readonly (string | number)[];
  /** Where to point, when not at the value of `path`. */
  at?: At;
  /** Default `error`. */
  severity?: Severity;
  /** What was probably meant, closest first. */
  expected?: readonly string[];
  /** Other places the problem involves. */
  related?: readonly { message: string; path: readonly (string | number)[]; at?: 'value' | 'key' }[];
  /** How to fix it, beyond the message. */
  fix?: string;
  /** Extra fields of a stage's own diagnostic type (lint's `clause`). */
  extra?: Record<string, unknown>;
}

/** Where positions come from: a loaded notice (read when a problem is added), or a way to get one. */
export type PositionSource = Positions | (() => Positions);

/** Options for a {@link Reporter}. */
export interface ReporterOptions {
  /** Most diagnostics kept (default {@link MAX_DIAGNOSTICS_PER_FILE}); the rest are counted in one `too-many-diagnostics`. */
  limit?: number;
  /**
   * What makes two diagnostics the same: `message` (the default) code, place, path and message;
   * `place` code and place only, for a stage where two checks report one thing in their own words
   * (the loader: its node walk and yaml's parser), the first report being kept.
   */
  same?: 'message' | 'place';
}

/** Collects the diagnostics of one file. */
export class Reporter<D extends Diagnostic = Diagnostic> {
  private readonly items: D[] = [];
  private readonly keys = new Set<string>();
  private source: Positions | undefined;
  private unreported = 0;

  /**
   * @param file the file name to put in every diagnostic
   * @param source the notice positions refer to (not needed when every problem gives a line and column)
   */
  constructor(
    readonly file: string,
    private readonly positions?: PositionSource,
    private readonly options: ReporterOptions = {},
  ) {}

  /**
   * Report a problem.
   * @returns the diagnostic, or undefined when the same one was reported already
   */
  add(input: ReportInput): D | undefined {
    const path = input.path ?? [];
    const d = { code: input.code, severity: input.severity ?? 'error', message: input.message, file: this.file, ...this.place(path, input.at ?? 'value'), path: formatPath(path) } as Diagnostic;
    if (input.expected && input.expected.length > 0) d.expected = [...input.expected];
    if (input.related && input.related.length > 0) d.related = input.related.map((r) => this.relatedPlace(r));
    if (input.fix) d.fix = input.fix;
    Object.assign(d, input.extra);
    return this.include(d as D);
  }

  /**
   * Take over a diagnostic made elsewhere (by an earlier stage, or another thread).
   * @returns the diagnostic, or undefined when the same one was reported already
   */
  include(d: D): D | undefined {
    const key = this.options.same === 'place' ? `${d.code}|${d.line}|${d.column}` : `${d.code}|${d.line}|${d.column}|${d.path}|${d.message}`;
    if (this.keys.has(key)) return undefined;
    this.keys.add(key);
    this.items.push(d);
    return d;
  }

  /** Count problems found but never reported (they show in the `too-many-diagnostics` total). */
  countUnreported(n: number): void {
    this.unreported += n;
  }

  /** Forget the diagnostics `drop` returns true for (a suppressed lint finding). */
  remove(drop: (d: D) => boolean): void {
    for (let i = this.items.length - 1; i >= 0; i--) if (drop(this.items[i]!)) this.items.splice(i, 1);
  }

  /** The diagnostics so far, in report order (unsorted, uncapped). */
  get all(): readonly D[] {
    return this.items;
  }

  /** True if an error was reported. */
  get failed(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** The 1-based line and column of a 0-based text offset. */
  lineColumn(offset: number): { line: number; column: number } {
    const pos = this.notice().lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  /** The report: sorted by position and code, capped at the limit. */
  list(): D[] {
    const sorted = sortDiagnostics([...this.items]) as D[];
    const max = this.options.limit ?? MAX_DIAGNOSTICS_PER_FILE;
    if (sorted.length <= max && this.unreported === 0) return sorted;
    const kept = sorted.slice(0, max);
    const last = kept[kept.length - 1];
    kept.push({
      code: 'too-many-diagnostics',
      severity: 'info',
      message: `${sorted.length - kept.length + this.unreported} more problems are not shown; fix these first and run again.`,
      file: this.file,
      line: last?.line ?? 1,
      column: last?.column ?? 1,
      path: '',
    } as D);
    return kept;
  }

  private notice(): Positions {
    if (this.source) return this.source;
    if (!this.positions) throw new Error(`Reporter for ${this.file}: a problem needs a line and column when no notice is given`);
    const source = typeof this.positions === 'function' ? this.positions() : this.positions;
    // A function is asked once (it may parse the file); a notice object is read live, because the
    // loader replaces its line table while it reads.
    if (typeof this.positions === 'function') this.source = source;
    return source;
  }

  private place(path: readonly (string | number)[], at: At): Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'> {
    if (typeof at === 'object' && 'line' in at) return { line: at.line, column: at.column };
    if (typeof at === 'object') {
      const start = this.lineColumn(at.offset);
      if (at.end === undefined) return start;
      const end = this.lineColumn(at.end);
      return end.line === start.line ? { ...start, endLine: end.line, endColumn: end.column } : start;
    }
    const place = locate(this.notice(), path as KeyPath, at);
    const out: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'> = { line: place.line, column: place.column };
    if (place.endLine === place.line) {
      out.endLine = place.endLine;
      out.endColumn = place.endColumn;
    }
    return out;
  }

  private relatedPlace(r: { message: string; path: readonly (string | number)[]; at?: 'value' | 'key' }): RelatedPlace {
    const place = locate(this.notice(), r.path as KeyPath, r.at ?? 'value');
    return { message: r.message, path: formatPath(r.path), line: place.line, column: place.column };
  }
}
