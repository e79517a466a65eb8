/**
 * GitHub Actions output: workflow-command annotations (shown on the pull request's lines) and the
 * job summary (`$GITHUB_STEP_SUMMARY`), for validate, lint and build alike.
 */
import { appendFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
import { fullMessage } from './format-diagnostics.js';

/**
 * True when annotations should be printed: running under GitHub Actions (`GITHUB_ACTIONS=true`),
 * the way `lint` has always decided.
 */
export function wantsGithubAnnotations(env: Record<string, string | undefined>): boolean {
  return env.GITHUB_ACTIONS === 'true';
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
export function formatGithubAnnotations(list: readonly (Diagnostic & { clause?: string })[]): string {
  return list
    .map((d) => {
      const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [`file=${escapeCommand(d.file, true)}`, `line=${d.line}`, `col=${d.column}`];
      if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
      if (d.endColumn !== undefined && d.endLine === d.line) props.push(`endColumn=${d.endColumn}`);
      props.push(`title=${escapeCommand(`noticekit ${d.code}`, true)}`);
      const clause = d.clause ? `${d.clause}: ` : '';
      return `::${level} ${props.join(',')}::${escapeCommand(clause + fullMessage(d))}\n`;
    })
    .join('');
}

/** One row of the job summary's table: a label and its figure. */
export type SummaryRow = [label: string, value: string | number];

/**
 * The job summary section of one command: a heading and a two-column Markdown table.
 * @param title e.g. `noticekit validate`
 */
export function stepSummary(title: string, rows: readonly SummaryRow[]): string {
  const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return [`### ${cell(title)}`, '', '| | |', '|---|---:|', ...rows.map(([label, value]) => `| ${cell(label)} | ${cell(value)} |`), '', ''].join('\n');
}

/** Rows counting diagnostics by severity: errors, warnings, infos. */
export function severityRows(list: readonly Pick<Diagnostic, 'severity'>[]): SummaryRow[] {
  const count = (s: Diagnostic['severity']) => list.filter((d) => d.severity === s).length;
  return [
    ['errors', count('error')],
    ['warnings', count('warning')],
    ['infos', count('info')],
  ];
}

/**
 * Append a summary section to the file `$GITHUB_STEP_SUMMARY` names, when it is set.
 * @returns a warning to print when the file cannot be written (the command's result stands)
 */
export function appendStepSummary(env: Record<string, string | undefined>, markdown: string): string | undefined {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return undefined;
  try {
    appendFileSync(file, markdown);
    return undefined;
  } catch (error) {
    return `warning: cannot write the job summary to ${file} (${(error as Error).message}).\n`;
  }
}
