/**
 * `noticekit validate [files|dirs|globs]`: schema and consistency checks with positioned errors.
 */
import { sortDiagnostics, type Diagnostic } from '../../diagnostics.js';
import { formatCompact } from '../../report/format-compact.js';
import { checkedLine, formatDiagnostics, noticeCount } from '../../report/format-diagnostics.js';
import { appendStepSummary, formatGithubAnnotations, severityRows, stepSummary, wantsGithubAnnotations } from '../../report/format-github.js';
import { toJsonFindings } from '../../report/format-json.js';
import { validateFilesParallel } from '../../validate/parallel.js';
import { expandNoticeFiles, isNoticeName } from '../files.js';
import { useColor, UsageError, type CliIO } from '../io.js';
import { refuseWatchFormat, watchNoticeFiles } from '../watch-files.js';
import { defineCommand } from './types.js';

export const validateCommand = defineCommand({
  name: 'validate',
  synopsis: ['noticekit validate [files|dirs|globs...] [options]'],
  description: 'Checks every notice (default: notices/) and reports each problem with file, line and column.',
  options: {
    format: { type: 'string', choices: ['text', 'compact', 'json'], default: 'text', help: 'text on stderr (default); compact: one line a problem on stdout,\n`file:line:col: severity: message [code]`; or a JSON array on stdout' },
    quiet: { type: 'boolean', help: 'print only errors, not warnings' },
    jobs: { type: 'int', arg: 'N', min: 1, max: 64, help: 'threads for large sets of files (default: number of cores)' },
    watch: { type: 'boolean', help: 'check again after every save until Ctrl-C; each run begins with\n`noticekit validate: checking N notices...` and ends with\n`N notices checked: <summary>` (text or compact)' },
    'no-color': { type: 'boolean', help: 'plain text even on a terminal' },
  },
  footer: `With GITHUB_ACTIONS=true, text mode also prints workflow annotations on stdout; with
GITHUB_STEP_SUMMARY set, a summary table is appended to that file.

Exit status: 0 all valid, 1 problems found, 2 usage error.
With --watch: 0 once stopped by Ctrl-C or SIGTERM.
Next: noticekit build (render), noticekit lint (GDPR checks).`,
  async run({ values, positionals }, io) {
    if (values.watch) refuseWatchFormat(values.format);
    const operands = positionals.length > 0 ? positionals : ['notices'];
    const files = await expandNoticeFiles(operands, io.cwd);
    if (files.length === 0) throw new UsageError('No notice files (*.yaml) found.');
    if (values.watch) {
      return watchNoticeFiles({
        command: 'validate',
        operands,
        files,
        io,
        format: values.format,
        // Notice files only: a lint configuration does not change what validate reports.
        accept: isNoticeName,
        besideFiles: () => false,
        check: async (current) => (await check(current, values, io, true)).shown,
      });
    }
    const { checked, diagnostics } = await check(files, values, io, false);
    const valid = checked.filter((c) => !c.diagnostics.some((d) => d.severity === 'error')).length;
    const summaryWarning = appendStepSummary(io.env, stepSummary('noticekit validate', [['notices', files.length], ['valid', valid], ...severityRows(diagnostics)]));
    if (summaryWarning) io.stderr.write(summaryWarning);
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  },
});

/** The options {@link check} reads. */
interface ReportValues {
  format: string;
  quiet: boolean;
  jobs: number | undefined;
  'no-color': boolean;
}

/**
 * Validate files and write the report in the format asked for.
 * @param watching under --watch: the summary line is left to the frame that ends the run, and no
 *   GitHub annotations are written
 */
async function check(files: readonly string[], values: ReportValues, io: CliIO, watching: boolean) {
  const checked = await validateFilesParallel(files.map((f) => resolveFrom(io.cwd, f)), values.jobs);
  const diagnostics: Diagnostic[] = [];
  checked.forEach((c, i) => diagnostics.push(...c.diagnostics.map((d) => ({ ...d, file: files[i]! }))));
  sortDiagnostics(diagnostics);
  const shown = values.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  if (values.format === 'json') {
    io.stdout.write(`${JSON.stringify(toJsonFindings(shown), null, 2)}\n`);
  } else if (values.format === 'compact') {
    io.stdout.write(formatCompact(shown));
    if (!watching) io.stderr.write(checkedLine(files.length, shown));
  } else {
    const sources = new Map(checked.map((c, i) => [files[i]!, c.text ?? '']));
    if (shown.length > 0) io.stderr.write(formatDiagnostics(shown, { color: useColor(io, values['no-color']), sources, summary: !watching }));
    else if (!watching) io.stderr.write(`${noticeCount(files.length)} valid\n`);
    if (!watching && wantsGithubAnnotations(io.env)) io.stdout.write(formatGithubAnnotations(shown));
  }
  return { checked, diagnostics, shown };
}

function resolveFrom(cwd: string, file: string): string {
  return file.startsWith('/') ? file : `${cwd}/${file}`;
}
