/**
 * `noticekit history FILE`: every committed version of a notice, with its material changes
 * against the previous one.
 */
import { formatHistory, noticeHistory } from '../../diff/index.js';
import { ExitError, UsageError } from '../io.js';
import { defineCommand } from './types.js';

/** `noticekit history`: the committed versions of a notice with their material changes. */
export const historyCommand = defineCommand({
  name: 'history',
  synopsis: ['noticekit history FILE [--format text|json|md]'],
  description: `Lists every commit that changed FILE (following renames), oldest first: version, effective date,
commit, date, and the material changes against the previous valid version.`,
  options: {
    format: { type: 'string', choices: ['text', 'json', 'md'], default: 'text', help: 'text (default), JSON, or a Markdown table; written to stdout' },
  },
  footer: `Exit status: 0 ok, 2 trouble (not in a git repository, no history, usage error).
Next: noticekit diff FILE --from <commit> to see every change of one step.`,
  async run({ values, positionals }, io) {
    const format = values.format as 'text' | 'json' | 'md';
    if (positionals.length !== 1) throw new UsageError(`Give exactly one notice file (got ${positionals.length}).`);
    const history = await noticeHistory(positionals[0]!, io.cwd);
    if (history.entries.length === 0) throw new ExitError(2, `${positionals[0]} has no committed versions; commit it first.`);
    io.stdout.write(formatHistory(history, format));
    return 0;
  },
});
