/**
 * `noticekit history FILE`: every committed version of a notice, with its material changes
 * against the previous one.
 */
import { parseArgs } from 'node:util';
import { formatHistory, GitError, noticeHistory } from '../../diff/index.js';
import { ExitError, UsageError } from '../io.js';
import type { Command } from './types.js';

/** `noticekit history`: the committed versions of a notice with their material changes. */
export const historyCommand: Command = {
  name: 'history',
  usage: `Usage: noticekit history FILE [--format text|json|md]

Lists every commit that changed FILE (following renames), oldest first: version, effective date,
commit, date, and the material changes against the previous valid version.

Options:
  --format text|json|md   text (default), JSON, or a Markdown table; written to stdout
  -h, --help              show this help

Exit status: 0 ok, 2 trouble (not in a git repository, no history, usage error).
Next: noticekit diff FILE --from <commit> to see every change of one step.`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' } },
    });
    const format = values.format;
    if (format !== 'text' && format !== 'json' && format !== 'md') throw new UsageError(`--format must be text, json or md, not '${format}'.`);
    if (positionals.length !== 1) throw new UsageError(`Give exactly one notice file (got ${positionals.length}).`);
    let history;
    try {
      history = await noticeHistory(positionals[0]!, io.cwd);
    } catch (error) {
      if (error instanceof GitError) throw new ExitError(2, error.message);
      throw error;
    }
    if (history.entries.length === 0) throw new ExitError(2, `${positionals[0]} has no committed versions; commit it first.`);
    io.stdout.write(formatHistory(history, format));
    return 0;
  },
};
