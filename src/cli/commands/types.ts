import type { CliIO } from '../io.js';

/** A subcommand of the CLI. */
export interface Command {
  name: string;
  /** Full help text for `noticekit <cmd> --help`. */
  usage: string;
  /**
   * Run the command.
   * @param argv arguments after the command name
   * @returns the exit code
   */
  run(argv: string[], io: CliIO): Promise<number>;
}
