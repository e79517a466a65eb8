/**
 * What a command may touch of the outside world, so tests can pass fakes.
 */
import { NoticekitError } from '../errors.js';

/** Something text can be written to (process.stdout, or a fake in tests). */
export interface Sink {
  write(chunk: string): unknown;
}

/**
 * A sink that gathers lines and writes them together once per turn of the event loop, so that a
 * line per file of a large build is a few writes, not thousands (each a system call on a pipe).
 * Whatever is written with {@link BatchedSink.write} goes out at once, after the lines before it.
 */
export class BatchedSink implements Sink {
  private pending = '';

  constructor(private readonly sink: Sink) {}

  /** Queue a line (with its newline) for the next flush. */
  line(text: string): void {
    if (this.pending === '') setImmediate(() => this.flush());
    this.pending += text;
  }

  /** Write the queued lines, then `chunk`. */
  write(chunk: string): void {
    this.flush();
    this.sink.write(chunk);
  }

  /** Write the queued lines now. */
  flush(): void {
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.sink.write(text);
  }
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
  /** Present when stdin and stdout are both terminals: where a command may ask questions (`init`). */
  terminal?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
  /** Called to register cleanup on SIGINT/SIGTERM; returns an unregister function. */
  onSignal?: (handler: (signal: NodeJS.Signals) => void) => () => void;
}

/** A usage error: wrong flags or arguments. Exit code 2; the CLI adds a pointer to `--help`. */
export class UsageError extends NoticekitError {
  override name = 'UsageError';
  /** @param message what is wrong with the arguments and, where known, what was meant */
  constructor(message: string) {
    super(message, 2);
  }
}

/** An expected failure with a message already written for the user. */
export class ExitError extends NoticekitError {
  override name = 'ExitError';
  /**
   * @param exitCode process exit code to use
   * @param message shown on stderr (may be empty when the command already reported)
   */
  constructor(exitCode: number, message = '') {
    super(message, exitCode);
  }
}

/**
 * Whether to colour what is written to a stream: never with `--no-color` or NO_COLOR, always with
 * FORCE_COLOR, else when the stream is a terminal. The one place colour is decided.
 * @param stream the stream the coloured text goes to (default stderr, where reports go)
 */
export function useColor(io: CliIO, noColorFlag = false, stream: 'stdout' | 'stderr' = 'stderr'): boolean {
  if (noColorFlag || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '')) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
}
