/**
 * `noticekit lint [files|dirs|globs]`: GDPR Art. 13/14, transfer and translation checks.
 */
import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics.js';
import {
  configCandidates,
  findConfigFile,
  formatGithubAnnotations,
  formatLintText,
  lintNotice,
  loadLintConfig,
  RULES,
  toJsonFindings,
  toSarif,
  type LintConfig,
  type LintDiagnostic,
} from '../../lint/index.js';
import { formatCompact } from '../../report/format-compact.js';
import { checkedLine, noticeCount } from '../../report/format-diagnostics.js';
import { appendStepSummary, severityRows, stepSummary, wantsGithubAnnotations } from '../../report/format-github.js';
import { checkNoticeFiles } from '../../validate/index.js';
import { expandNoticeFiles, isNoticeName } from '../files.js';
import { useColor, UsageError, type CliIO } from '../io.js';
import { isConfigName } from '../../watch/watch-paths.js';
import { refuseWatchFormat, watchNoticeFiles } from '../watch-files.js';
import { defineCommand } from './types.js';
import { toolVersion } from '../../version.js';

export const lintCommand = defineCommand({
  name: 'lint',
  synopsis: ['noticekit lint [files|dirs|globs...] [options]'],
  description: `Checks every valid notice (default: notices/) against the information GDPR Art. 13 and 14
require, the rules for transfers out of the EEA, vague wording and stale translations.
Invalid notices are reported as by 'noticekit validate' and not linted.`,
  options: {
    format: { type: 'string', choices: ['text', 'compact', 'json', 'sarif'], default: 'text', help: 'text on stderr (default); compact: one line a finding on stdout,\n`file:line:col: severity: clause: message [rule]`; a JSON array\nor a SARIF 2.1.0 log on stdout' },
    config: { type: 'string', arg: 'FILE', help: 'rule settings (default: noticekit.config.yaml or .json, searched\nupwards from each notice to the repository root)' },
    strict: { type: 'boolean', help: 'exit 1 on warnings too' },
    quiet: { type: 'boolean', help: 'report only errors' },
    date: { type: 'string', arg: 'YYYY-MM-DD', pattern: /^\d{4}-\d{2}-\d{2}$/, expected: 'YYYY-MM-DD', help: 'judge adequacy decisions as on this day (default: today)' },
    rules: { type: 'boolean', help: 'list the rules and exit' },
    watch: { type: 'boolean', help: 'check again after every save of a notice or of a configuration\n(where one is looked for), until Ctrl-C; runs framed as by\nvalidate --watch' },
    'no-color': { type: 'boolean', help: 'plain text even on a terminal' },
  },
  footer: `Suppress one finding with a comment on the line before it:
  # noticekit-disable-next-line <rule> -- <reason>
With GITHUB_ACTIONS=true, text mode also prints workflow annotations on stdout; with
GITHUB_STEP_SUMMARY set, a summary table is appended to that file.

Exit status: 0 no errors, 1 errors (or warnings with --strict) or invalid notices, 2 usage error.
With --watch: 0 once stopped by Ctrl-C or SIGTERM.
Next: noticekit translations status FILE (review state of the translations).`,
  async run({ values, positionals }, io) {
    if (values.rules) {
      const width = Math.max(...RULES.map((r) => r.id.length));
      io.stdout.write(RULES.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.article}\n`).join(''));
      return 0;
    }
    if (values.watch) refuseWatchFormat(values.format);
    const operands = positionals.length > 0 ? positionals : ['notices'];
    const files = await expandNoticeFiles(operands, io.cwd);
    if (files.length === 0) throw new UsageError('No notice files (*.yaml) found.');
    // A configuration named on the command line must be readable before anything is checked.
    if (values.config !== undefined) await loadLintConfig(path.resolve(io.cwd, values.config));
    if (values.watch) {
      // Every place a configuration is looked for, so that one saved there later counts too.
      const onePerFolder = new Map(files.map((f) => [path.dirname(path.resolve(io.cwd, f)), path.resolve(io.cwd, f)]));
      const configs = values.config !== undefined ? [path.resolve(io.cwd, values.config)] : (await Promise.all([...onePerFolder.values()].map(configCandidates))).flat();
      return watchNoticeFiles({
        command: 'lint',
        operands,
        files,
        io,
        format: values.format,
        // A configuration file changes what lint reports: the ones in use are watched too.
        alsoWatch: [...new Set(configs)],
        accept: (file) => isNoticeName(file) || isConfigName(file),
        besideFiles: isConfigName,
        check: async (current) => (await check(current, values, io, true)).shown,
      });
    }
    const { checked, all } = await check(files, values, io, false);
    const linted = checked.filter((c) => c.notice).length;
    const summaryWarning = appendStepSummary(io.env, stepSummary('noticekit lint', [['notices', files.length], ['linted (valid)', linted], ...severityRows(all)]));
    if (summaryWarning) io.stderr.write(summaryWarning);
    const invalid = checked.some((c) => !c.notice);
    const errors = all.some((d) => d.severity === 'error');
    const warnings = all.some((d) => d.severity === 'warning');
    return invalid || errors || (values.strict && warnings) ? 1 : 0;
  },
});

/** The options {@link check} reads. */
interface ReportValues {
  format: string;
  config: string | undefined;
  quiet: boolean;
  date: string | undefined;
  'no-color': boolean;
}

/**
 * Validate and lint files and write the report in the format asked for. Configurations are read
 * afresh on each call (under --watch, one may have been saved since).
 * @param watching under --watch: the summary line is left to the frame that ends the run, and no
 *   GitHub annotations are written
 */
async function check(files: readonly string[], values: ReportValues, io: CliIO, watching: boolean) {
  const configs = new Map<string, LintConfig | undefined>();
  const configFor = async (file: string): Promise<LintConfig | undefined> => {
    const found = values.config !== undefined ? path.resolve(io.cwd, values.config) : await findConfigFile(file);
    if (!found) return undefined;
    if (!configs.has(found)) {
      configs.set(found, await loadLintConfig(found));
    }
    return configs.get(found);
  };

  const checked = await checkNoticeFiles(files.map((f) => path.resolve(io.cwd, f)));
  const all: (Diagnostic | LintDiagnostic)[] = [];
  for (const [i, c] of checked.entries()) {
    const file = files[i]!;
    all.push(...c.diagnostics.map((d) => ({ ...d, file })));
    if (!c.notice) continue;
    const config = await configFor(c.file);
    all.push(...lintNotice({ ...c.loaded, file }, c.notice, { ...(config ? { config } : {}), ...(values.date ? { today: values.date } : {}) }));
  }
  sortDiagnostics(all);
  const shown = values.quiet ? all.filter((d) => d.severity === 'error') : all;

  if (values.format === 'json') {
    io.stdout.write(`${JSON.stringify(toJsonFindings(shown), null, 2)}\n`);
  } else if (values.format === 'compact') {
    io.stdout.write(formatCompact(shown));
    if (!watching) io.stderr.write(checkedLine(files.length, shown));
  } else if (values.format === 'sarif') {
    const data = new Map(checked.flatMap((c, i) => (c.loaded.data !== undefined ? [[files[i]!, c.loaded.data] as const] : [])));
    io.stdout.write(`${JSON.stringify(toSarif(shown, { version: toolVersion(), cwd: io.cwd, data }), null, 2)}\n`);
  } else {
    const sources = new Map(checked.map((c, i) => [files[i]!, c.loaded.text]));
    if (shown.length > 0) io.stderr.write(formatLintText(shown, { color: useColor(io, values['no-color']), sources, summary: !watching }));
    else if (!watching) io.stderr.write(`${noticeCount(files.length)}: no problems\n`);
    if (!watching && wantsGithubAnnotations(io.env)) io.stdout.write(formatGithubAnnotations(shown));
  }
  return { checked, all, shown };
}
