/**
 * What a command may touch of the outside world, so tests can pass fakes.
 */

/** Something text can be written to (process.stdout, or a fake in tests). */
export interface Sink {
  write(chunk: string): unknown;
}

/** The streams and environment a command runs with. */
export interface CliIO {
  stdout: Sink;
  stderr: Sink;
  /** Folder that relative paths are resolved against. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** True when stdout is a terminal (colours, progress). */
  stdoutIsTTY: boolean;
  /** True when stderr is a terminal. */
  stderrIsTTY: boolean;
  /** Called to register cleanup on SIGINT/SIGTERM; returns an unregister function. */
  onSignal?: (handler: (signal: NodeJS.Signals) => void) => () => void;
}

/** A usage error: wrong flags or arguments. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An expected failure with a message already written for the user. */
export class ExitError extends Error {
  override name = 'ExitError';
  /**
   * @param exitCode process exit code to use
   * @param message shown on stderr (may be empty when the command already reported)
   */
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
  }
}

/** Whether to colour output written to stderr. */
export function useColor(io: CliIO, noColorFlag = false): boolean {
  if (noColorFlag || io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stderrIsTTY;
}
