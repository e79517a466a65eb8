/**
 * The one JSON shape of `validate --format json` and `lint --format json`: an array of findings.
 */
import type { Diagnostic, DiagnosticCode, RelatedPlace, Severity } from '../diagnostics.js';

/** A finding as `--format json` prints it (validate and lint alike). */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  /** Present when the problem spans a range on one line. */
  endLine?: number;
  endColumn?: number;
  /** The diagnostic code or lint rule id. */
  code: DiagnosticCode;
  /** The same as `code`; kept because lint's JSON called it `rule` before 0.2. Deprecated. */
  rule: DiagnosticCode;
  severity: Severity;
  /** The message, without the suggestion (that is `expected`). */
  message: string;
  /** YAML key path, `a.b[0].c`; empty for the file. */
  path: string;
  /** Clause id the finding is about; empty for problems found before linting. */
  clause: string;
  /** What was probably meant, closest first. */
  expected?: string[];
  /** Other places the problem involves. */
  related?: RelatedPlace[];
  /** How to fix it (lint: the rule's advice). */
  fix?: string;
}

/** Diagnostics (and lint findings, which carry a `clause`) as the objects `--format json` prints. */
export function toJsonFindings(list: readonly (Diagnostic & { clause?: string })[]): JsonFinding[] {
  return list.map((d) => {
    const range = d.endLine !== undefined && d.endColumn !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {};
    const out: JsonFinding = { file: d.file, line: d.line, column: d.column, ...range, code: d.code, rule: d.code, severity: d.severity, message: d.message, path: d.path, clause: d.clause ?? '' };
    if (d.expected) out.expected = d.expected;
    if (d.related) out.related = d.related;
    if (d.fix) out.fix = d.fix;
    return out;
  });
}
