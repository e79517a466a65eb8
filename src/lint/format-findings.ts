/**
 * Lint output formats: JSON, SARIF 2.1.0 (GitHub code scanning), GitHub Actions annotations, and
 * the text report (vfile-reporter style, via the shared formatter).
 */
import path from 'node:path';
import { DIAGNOSTIC_CODES, type Diagnostic, type Severity } from '../diagnostics.js';
import { formatDiagnostics, type FormatOptions } from '../report/format-diagnostics.js';
import { RULES } from './rules/index.js';
import type { LintDiagnostic, LintRule } from './types.js';

/** Where the rule documentation lives; each rule has an anchor named after its id. */
export const RULES_DOC_URL = 'https://noticekit.dev/docs/lint';

/** A finding as `--format json` prints it. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  /** Clause id; empty for problems found before linting (validation, file errors). */
  clause: string;
  /** YAML key path. */
  path: string;
}

/** Findings (and validation diagnostics) as the objects `--format json` prints. */
export function toJsonFindings(list: readonly (Diagnostic | LintDiagnostic)[]): JsonFinding[] {
  return list.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    rule: d.code,
    severity: d.severity,
    message: d.message,
    clause: 'clause' in d ? d.clause : '',
    path: d.path,
  }));
}

/**
 * The text report: like `validate`, with the clause id before each message.
 * @param list findings, sorted
 * @param options colour and source texts for code frames
 */
export function formatLintText(list: readonly (Diagnostic | LintDiagnostic)[], options: FormatOptions = {}): string {
  return formatDiagnostics(
    list.map((d) => ('clause' in d && d.clause ? { ...d, message: `${d.clause}: ${d.message}` } : d)),
    options,
  );
}

/** Escape workflow-command data (`%`, CR, LF) and, for properties, `:` and `,`. */
function escapeCommand(text: string, property = false): string {
  const out = text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return property ? out.replace(/:/g, '%3A').replace(/,/g, '%2C') : out;
}

/**
 * GitHub Actions workflow commands (`::error file=...,line=...,col=...::message`), one line each,
 * which the runner shows as annotations on the pull request.
 */
export function formatGithubAnnotations(list: readonly (Diagnostic | LintDiagnostic)[]): string {
  return list
    .map((d) => {
      const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [`file=${escapeCommand(d.file, true)}`, `line=${d.line}`, `col=${d.column}`];
      if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
      if (d.endColumn !== undefined && d.endLine === d.line) props.push(`endColumn=${d.endColumn}`);
      props.push(`title=${escapeCommand(`noticekit ${d.code}`, true)}`);
      const clause = 'clause' in d && d.clause ? `${d.clause}: ` : '';
      return `::${level} ${props.join(',')}::${escapeCommand(clause + d.message)}\n`;
    })
    .join('');
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Options for {@link toSarif}. */
export interface SarifOptions {
  /** noticekit's version. */
  version: string;
  /** Folder file paths are made relative to (the repository root for code scanning). */
  cwd?: string;
  /** The rules to describe (default: all). */
  rules?: readonly LintRule[];
}

/**
 * A SARIF 2.1.0 log for GitHub code scanning: one run, `tool.driver.rules` describing every rule
 * (with `helpUri` and `fullDescription`), and one result per finding with its location.
 * @param list findings (lint findings and, for invalid notices, validation diagnostics)
 */
export function toSarif(list: readonly (Diagnostic | LintDiagnostic)[], options: SarifOptions): object {
  const descriptors: object[] = [];
  const index = new Map<string, number>();
  const describe = (id: string, d: object) => {
    index.set(id, descriptors.length);
    descriptors.push(d);
  };
  for (const rule of options.rules ?? RULES) {
    describe(rule.id, {
      id: rule.id,
      name: pascal(rule.id),
      shortDescription: { text: rule.summary },
      fullDescription: { text: `${rule.explanation} (${rule.article})` },
      help: { text: rule.fix, markdown: `**${rule.article}.** ${rule.fix}` },
      helpUri: `${RULES_DOC_URL}#${rule.id}`,
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { tags: ['gdpr', 'privacy-notice'], article: rule.article },
    });
  }
  // Validation diagnostics (invalid notices are reported, not linted) get a descriptor too.
  for (const d of list) {
    if (index.has(d.code)) continue;
    const text = (DIAGNOSTIC_CODES as Record<string, string>)[d.code] ?? 'A problem found while reading or validating the notice.';
    describe(d.code, {
      id: d.code,
      name: pascal(d.code),
      shortDescription: { text },
      fullDescription: { text: `${text} The notice must be valid (noticekit validate) before it can be linted.` },
      helpUri: `${RULES_DOC_URL}#validation`,
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['validation'] },
    });
  }
  const cwd = options.cwd ?? process.cwd();
  const results = list.map((d) => {
    const region: Record<string, number> = { startLine: d.line, startColumn: d.column };
    if (d.endLine !== undefined) region.endLine = d.endLine;
    if (d.endColumn !== undefined && d.endLine !== undefined) region.endColumn = d.endColumn;
    const location: Record<string, unknown> = {
      physicalLocation: { artifactLocation: { uri: artifactUri(d.file, cwd) }, region },
    };
    if ('clause' in d && d.clause) {
      location.logicalLocations = [{ name: d.clause, fullyQualifiedName: d.path || d.clause, kind: 'object' }];
    }
    return {
      ruleId: d.code,
      ruleIndex: index.get(d.code)!,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [location],
      partialFingerprints: { 'noticekit/v1': `${d.code}:${'clause' in d ? d.clause : ''}:${d.path}` },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'noticekit',
            version: options.version,
            semanticVersion: options.version,
            informationUri: RULES_DOC_URL,
            rules: descriptors,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** A file path as a SARIF artifact URI: relative to `cwd` with forward slashes, or a file:// URI. */
function artifactUri(file: string, cwd: string): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).map(encodeURIComponent).join('/');
  return new URL(`file://${abs.split(path.sep).map(encodeURIComponent).join('/')}`).href;
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
