import type { CliIO } from '../io.js';
import { optionsHelp, parseOptions, type OptionTable, type ParsedArgs } from '../options.js';

/** A subcommand of the CLI, as `src/cli/index.ts` dispatches it. */
export interface Command {
  name: string;
  /** Full help text for `noticekit <cmd> --help`. */
  usage: string;
  /**
   * Run the command.
   * @param argv arguments after the command name
   * @returns the exit code of a normal outcome (0, or 1 when problems were found); expected
   *   failures are thrown as NoticekitError and mapped to their exit code by the CLI
   */
  run(argv: string[], io: CliIO): Promise<number>;
}

/** A command as written: its options table, help text around it, and what it does. */
export interface CommandSpec<T extends OptionTable> {
  name: string;
  /** The usage lines, each starting `noticekit <cmd>` (joined under `Usage:`). */
  synopsis: readonly string[];
  /** What the command does, before the options. */
  description: string;
  options: T;
  /** After the options: notes, exit status, the next command to run. */
  footer: string;
  /** The command's work, given checked option values. */
  run(args: ParsedArgs<T>, io: CliIO): Promise<number>;
}

/**
 * Make a command from its spec: `--help` text and argument checking both come from the options table.
 */
export function defineCommand<const T extends OptionTable>(spec: CommandSpec<T>): Command & { options: T } {
  const [first, ...more] = spec.synopsis;
  const usage = [
    `Usage: ${first}`,
    ...more.map((s) => `       ${s}`),
    '',
    spec.description,
    '',
    'Options:',
    optionsHelp(spec.options),
    '',
    spec.footer,
  ].join('\n');
  return {
    name: spec.name,
    usage,
    options: spec.options,
    run: (argv, io) => spec.run(parseOptions(spec.options, argv), io),
  };
}
