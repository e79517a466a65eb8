/**
 * A CliIO with in-memory streams, for calling `run(argv, io)` in tests.
 */
import type { CliIO } from '../../src/cli/io.js';

/** A fake CliIO plus what was written to it. */
export interface FakeIO {
  io: CliIO;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
}

/**
 * Make a CliIO that records output.
 * @param cwd folder relative paths resolve against
 * @param env environment variables the command sees (none by default: no colour, no debug)
 */
export function fakeIO(cwd: string, env: Record<string, string | undefined> = {}): FakeIO {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    cwd,
    env,
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  return { io, stdout: () => out, stderr: () => err };
}
