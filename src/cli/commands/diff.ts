/**
 * `noticekit diff OLD NEW` or `noticekit diff FILE --from REV [--to REV]`: clause-level comparison
 * of two notice versions, with material changes flagged. Exit status as diff(1).
 */
import { parseArgs } from 'node:util';
import { formatDiagnostics } from '../../report/format-diagnostics.js';
import {
  diffNotices,
  formatDiffHtml,
  formatDiffJson,
  formatDiffMarkdown,
  formatDiffText,
  GitError,
  locateInRepo,
  readVersionAt,
  readVersionFile,
  type NoticeVersion,
} from '../../diff/index.js';
import { ExitError, UsageError, useColor, type CliIO } from '../io.js';
import type { Command } from './types.js';
import { appendStepSummary, stepSummary } from '../../report/format-github.js';

const FORMATS = ['text', 'md', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** `noticekit diff`: compare two versions of a notice and classify each change. */
export const diffCommand: Command = {
  name: 'diff',
  usage: `Usage: noticekit diff OLD.yaml NEW.yaml [options]
       noticekit diff FILE --from REV [--to REV] [options]

Compares two versions of a notice clause by clause (aligned by id), and classifies each change as
material (data subjects must be told, WP260 rev.01 paras 29-31), review (a person must decide:
facts written in text changed, or a translation says something new) or editorial (no change of
meaning).
With --from, the old version is read from git (git show REV:path, no checkout); the new one is
the working-tree file, or --to REV.

Options:
  --from REV              old version: FILE at this git revision (commit, tag, branch)
  --to REV                new version: FILE at this revision (default: the working tree)
  --format text|md|html|json
                          text (default), Markdown for a pull-request comment, a standalone
                          HTML redline page, or JSON; written to stdout
  --fail-on any|review|material
                          exit 1 on any difference (default), on material or review
                          changes, or only on material changes
  --timestamp             print a generation time in html/md (off: output is reproducible)
  --no-color              plain text even on a terminal (NO_COLOR is honoured too)
  -h, --help              show this help

Exit status: 0 no differences (or none of the --fail-on classes), 1 differences, 2 trouble
(an invalid notice, unknown revision, usage error).
Next: noticekit history FILE (every committed version with its material changes).`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'any' },
        timestamp: { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
      },
    });
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, md, html or json, not '${values.format}'.`);
    const failOn = values['fail-on'];
    if (failOn !== 'any' && failOn !== 'material' && failOn !== 'review') throw new UsageError(`--fail-on must be any, review or material, not '${failOn}'.`);
    if (values.to !== undefined && values.from === undefined) throw new UsageError('--to needs --from (the old revision).');

    const [older, newer] = await readSides(positionals, values.from, values.to, io);
    const invalid = [older, newer].filter((v) => !v.notice);
    if (invalid.length > 0) {
      const diagnostics = invalid.flatMap((v) => v.diagnostics);
      // No code frame for a file that could not be read at all.
      const sources = new Map(invalid.filter((v) => v.loaded.text !== '').map((v) => [v.label, v.loaded.text]));
      io.stderr.write(formatDiagnostics(diagnostics, { color: useColor(io, values['no-color']), sources }));
      const names = invalid.map((v) => v.label).join(' and ');
      io.stderr.write(`noticekit diff: ${invalid.length === 1 ? `${names} is not a valid notice` : `${names} are not valid notices`}; fix ${invalid.length === 1 ? 'it' : 'them'} first (noticekit validate).\n`);
      return 2;
    }
    const diff = diffNotices(
      { notice: older.notice!, file: older.label, sha256: older.sha256, rev: older.rev },
      { notice: newer.notice!, file: newer.label, sha256: newer.sha256, rev: newer.rev },
    );
    const timestamp = values.timestamp ? generationTime(io) : undefined;
    const color = !values['no-color'] && (io.env.NO_COLOR === undefined || io.env.NO_COLOR === '') && (Boolean(io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') || io.stdoutIsTTY);
    const output =
      format === 'json' ? formatDiffJson(diff) : format === 'html' ? formatDiffHtml(diff, { timestamp }) : format === 'md' ? formatDiffMarkdown(diff, { timestamp }) : formatDiffText(diff, { color });
    io.stdout.write(output);
    const summaryWarning = appendStepSummary(io.env, stepSummary('noticekit diff', [['changes', diff.changes.length], ['material changes', diff.summary.material], ['to review', diff.summary.review]]));
    if (summaryWarning) io.stderr.write(summaryWarning);
    if (failOn === 'material') return diff.summary.material > 0 ? 1 : 0;
    if (failOn === 'review') return diff.summary.material + diff.summary.review > 0 ? 1 : 0;
    return diff.changes.length > 0 ? 1 : 0;
  },
};

async function readSides(positionals: string[], from: string | undefined, to: string | undefined, io: CliIO): Promise<[NoticeVersion, NoticeVersion]> {
  try {
    if (from !== undefined) {
      if (positionals.length !== 1) throw new UsageError(`With --from, give exactly one notice file (got ${positionals.length}).`);
      const file = positionals[0]!;
      const place = await locateInRepo(file, io.cwd);
      const older = await readVersionAt(place, from);
      const newer = to !== undefined ? await readVersionAt(place, to) : await readVersionFile(file, io.cwd);
      return [older, newer];
    }
    if (positionals.length !== 2) throw new UsageError(`Give two notice files to compare, or one file with --from REV (got ${positionals.length} ${positionals.length === 1 ? 'file' : 'files'}).`);
    return [await readVersionFile(positionals[0]!, io.cwd), await readVersionFile(positionals[1]!, io.cwd)];
  } catch (error) {
    if (error instanceof GitError) throw new ExitError(2, error.message);
    throw error;
  }
}

/** Now, or SOURCE_DATE_EPOCH when set (reproducible builds). */
function generationTime(io: CliIO): string {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString();
}
