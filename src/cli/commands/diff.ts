/**
 * `noticekit diff OLD NEW` or `noticekit diff FILE --from REV [--to REV]`: clause-level comparison
 * of two notice versions, with material changes flagged. Exit status as diff(1).
 */
import { formatDiagnostics } from '../../report/format-diagnostics.js';
import { diffNotices } from '../../diff/diff-notices.js';
import type { NoticeDiff } from '../../diff/types.js';
import type { FormatDiffOptions } from '../../diff/util-format.js';
import { locateInRepo, readVersionAt, readVersionFile, type NoticeVersion } from '../../diff/read-version.js';
import { UsageError, useColor, type CliIO } from '../io.js';
import { defineCommand } from './types.js';
import { appendStepSummary, stepSummary } from '../../report/format-github.js';

const FORMATS = ['text', 'md', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** `noticekit diff`: compare two versions of a notice and classify each change. */
export const diffCommand = defineCommand({
  name: 'diff',
  synopsis: ['noticekit diff OLD.yaml NEW.yaml [options]', 'noticekit diff FILE --from REV [--to REV] [options]'],
  description: `Compares two versions of a notice clause by clause (aligned by id), and classifies each change as
material (data subjects must be told, WP260 rev.01 paras 29-31), review (a person must decide:
facts written in text changed, or a translation says something new) or editorial (no change of
meaning).
With --from, the old version is read from git (git show REV:path, no checkout); the new one is
the working-tree file, or --to REV.`,
  options: {
    from: { type: 'string', arg: 'REV', help: 'old version: FILE at this git revision (commit, tag, branch)' },
    to: { type: 'string', arg: 'REV', help: 'new version: FILE at this revision (default: the working tree)' },
    format: { type: 'string', choices: FORMATS, default: 'text', help: 'text (default), Markdown for a pull-request comment, a standalone\nHTML redline page, or JSON; written to stdout' },
    'fail-on': { type: 'string', choices: ['any', 'review', 'material'], default: 'any', help: 'exit 1 on any difference (default), on material or review\nchanges, or only on material changes' },
    timestamp: { type: 'boolean', help: 'print a generation time in html/md (off: output is reproducible)' },
    'no-color': { type: 'boolean', help: 'plain text even on a terminal (NO_COLOR is honoured too)' },
  },
  footer: `Exit status: 0 no differences (or none of the --fail-on classes), 1 differences, 2 trouble
(an invalid notice, unknown revision, usage error).
Next: noticekit history FILE (every committed version with its material changes).`,
  async run({ values, positionals }, io) {
    const format = values.format as Format;
    const failOn = values['fail-on'];
    if (values.to !== undefined && values.from === undefined) throw new UsageError('--to needs --from (the old revision).');

    const [older, newer] = await readSides(positionals, values.from, values.to, io);
    const invalid = [older, newer].filter((v) => !v.notice);
    if (invalid.length > 0) {
      const diagnostics = invalid.flatMap((v) => v.diagnostics);
      // No code frame for a file that could not be read at all.
      const sources = new Map(invalid.filter((v) => v.text !== '').map((v) => [v.label, v.text]));
      io.stderr.write(formatDiagnostics(diagnostics, { color: useColor(io, values['no-color']), sources }));
      const names = invalid.map((v) => v.label).join(' and ');
      io.stderr.write(`noticekit diff: ${invalid.length === 1 ? `${names} is not a valid notice` : `${names} are not valid notices`}; fix ${invalid.length === 1 ? 'it' : 'them'} first (noticekit validate).\n`);
      return 2;
    }
    const diff = diffNotices(
      { notice: older.notice!, file: older.label, sha256: older.sha256, rev: older.rev, entries: older.entries },
      { notice: newer.notice!, file: newer.label, sha256: newer.sha256, rev: newer.rev, entries: newer.entries },
    );
    const timestamp = values.timestamp ? generationTime(io) : undefined;
    const color = useColor(io, values['no-color'], 'stdout');
    const output = format === 'text' ? { color } : { timestamp };
    io.stdout.write((await formatter(format))(diff, output));
    const summaryWarning = appendStepSummary(io.env, stepSummary('noticekit diff', [['changes', diff.changes.length], ['material changes', diff.summary.material], ['to review', diff.summary.review]]));
    if (summaryWarning) io.stderr.write(summaryWarning);
    if (failOn === 'material') return diff.summary.material > 0 ? 1 : 0;
    if (failOn === 'review') return diff.summary.material + diff.summary.review > 0 ? 1 : 0;
    return diff.changes.length > 0 ? 1 : 0;
  },
});

async function readSides(positionals: string[], from: string | undefined, to: string | undefined, io: CliIO): Promise<[NoticeVersion, NoticeVersion]> {
  if (from !== undefined) {
    if (positionals.length !== 1) throw new UsageError(`With --from, give exactly one notice file (got ${positionals.length}).`);
    const file = positionals[0]!;
    const place = await locateInRepo(file, io.cwd);
    const older = await readVersionAt(place, from, true);
    const newer = to !== undefined ? await readVersionAt(place, to, true) : await readVersionFile(file, io.cwd, true);
    return [older, newer];
  }
  if (positionals.length !== 2) throw new UsageError(`Give two notice files to compare, or one file with --from REV (got ${positionals.length} ${positionals.length === 1 ? 'file' : 'files'}).`);
  // The versions keep their validation's schema walk, which the diff's index goes through again.
  return [await readVersionFile(positionals[0]!, io.cwd, true), await readVersionFile(positionals[1]!, io.cwd, true)];
}

/**
 * The formatter for one format, loaded when it is asked for: a run writes one format, so the
 * other three are never loaded.
 */
async function formatter(format: Format): Promise<(diff: NoticeDiff, options: FormatDiffOptions) => string> {
  switch (format) {
    case 'json':
      return (await import('../../diff/format-json.js')).formatDiffJson;
    case 'html':
      return (await import('../../diff/format-html.js')).formatDiffHtml;
    case 'md':
      return (await import('../../diff/format-markdown.js')).formatDiffMarkdown;
    case 'text':
      return (await import('../../diff/format-text.js')).formatDiffText;
  }
}

/** Now, or SOURCE_DATE_EPOCH when set (reproducible builds). */
function generationTime(io: CliIO): string {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString();
}
