/**
 * `noticekit validate [files|dirs|globs]`: schema and consistency checks with positioned errors.
 */
import { parseArgs } from 'node:util';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics.js';
import { formatDiagnostics } from '../../report/format-diagnostics.js';
import { appendStepSummary, formatGithubAnnotations, severityRows, stepSummary, wantsGithubAnnotations } from '../../report/format-github.js';
import { toJsonFindings } from '../../report/format-json.js';
import { validateFilesParallel } from '../../validate/parallel.js';
import { expandNoticeFiles } from '../files.js';
import { useColor, UsageError, type CliIO } from '../io.js';
import type { Command } from './types.js';

export const validateCommand: Command = {
  name: 'validate',
  usage: `Usage: noticekit validate [files|dirs|globs...] [options]

Checks every notice (default: notices/) and reports each problem with file, line and column.

Options:
  --format text|json   text on stderr (default), or a JSON array on stdout
  --quiet              print only errors, not warnings
  --jobs N             threads for large sets of files (default: number of cores)
  --no-color           plain text even on a terminal
  -h, --help           show this help

With GITHUB_ACTIONS=true, text mode also prints workflow annotations on stdout; with
GITHUB_STEP_SUMMARY set, a summary table is appended to that file.

Exit status: 0 all valid, 1 problems found, 2 usage error.
Next: noticekit build (render), noticekit lint (GDPR checks).`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        quiet: { type: 'boolean', default: false },
        jobs: { type: 'string' },
        'no-color': { type: 'boolean', default: false },
      },
    });
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not '${values.format}'.`);
    const files = await expandNoticeFiles(positionals.length > 0 ? positionals : ['notices'], io.cwd);
    if (files.length === 0) throw new UsageError('No notice files (*.yaml) found.');
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)) throw new UsageError(`--jobs must be a whole number from 1 to 64, not '${values.jobs}'.`);
    const checked = await validateFilesParallel(files.map((f) => resolveFrom(io.cwd, f)), jobs);
    const diagnostics: Diagnostic[] = [];
    checked.forEach((c, i) => diagnostics.push(...c.diagnostics.map((d) => ({ ...d, file: files[i]! }))));
    sortDiagnostics(diagnostics);
    const shown = values.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
    if (values.format === 'json') {
      io.stdout.write(`${JSON.stringify(toJsonFindings(shown), null, 2)}\n`);
    } else {
      const sources = new Map(checked.map((c, i) => [files[i]!, c.text ?? '']));
      if (shown.length > 0) io.stderr.write(formatDiagnostics(shown, { color: useColor(io, values['no-color']), sources }));
      else io.stderr.write(`${files.length} ${files.length === 1 ? 'notice' : 'notices'} valid\n`);
      if (wantsGithubAnnotations(io.env)) io.stdout.write(formatGithubAnnotations(shown));
    }
    const valid = checked.filter((c) => !c.diagnostics.some((d) => d.severity === 'error')).length;
    const summaryWarning = appendStepSummary(io.env, stepSummary('noticekit validate', [['notices', files.length], ['valid', valid], ...severityRows(diagnostics)]));
    if (summaryWarning) io.stderr.write(summaryWarning);
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  },
};

function resolveFrom(cwd: string, file: string): string {
  return file.startsWith('/') ? file : `${cwd}/${file}`;
}
