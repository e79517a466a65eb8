/**
 * A `noticekit ... --watch` process for tests: its output split into runs by the frame lines, and
 * a way to wait for a run that satisfies a condition, woken by the process's output, not by a clock.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { WATCH_BEGIN, WATCH_END } from '../../src/cli/watch-files.js';

const BIN = path.resolve(import.meta.dirname, '../../dist/cli/bin.js');

/** One run: its begin line, the lines between and its end line. */
export interface Run {
  begin: string;
  body: string[];
  end: string;
}

/** A running watch. */
export interface WatchProcess {
  child: ChildProcessWithoutNullStreams;
  /** Everything on stdout / stderr so far. */
  stdout(): string;
  stderr(): string;
  /** The finished runs so far on the stream the frames go to. */
  runs(): Run[];
  /** Wait until `check` holds of the output so far; fails with the output when it does not within `ms`. */
  waitFor<T>(check: () => T | undefined, ms?: number): Promise<T>;
  /**
   * Wait for a finished run after the first `after` runs that `accept` takes; fails with the output
   * so far when none comes within `ms`.
   */
  waitForRun(after: number, accept: (run: Run) => boolean, ms?: number): Promise<Run>;
  /** Send SIGTERM; resolves to the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Start `node dist/cli/bin.js ...args` in `cwd`.
 * @param frames the stream the frame lines are expected on (stdout for --format compact)
 */
export function startWatch(args: string[], cwd: string, frames: 'stdout' | 'stderr'): WatchProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  const waiters = new Set<() => void>();
  for (const name of ['stdout', 'stderr'] as const) {
    child[name].on('data', (d: Buffer) => {
      out[name] += d.toString();
      for (const wake of waiters) wake();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.on('exit', () => {
    for (const wake of waiters) wake();
  });

  const runs = (): Run[] => {
    const lines = out[frames].split('\n').slice(0, -1);
    const found: Run[] = [];
    let open: Run | undefined;
    for (const line of lines) {
      if (WATCH_BEGIN.test(line)) {
        // Runs never overlap: a begin line only after the previous run's end line.
        expect(open, `a run began before the one before it ended:\n${out[frames]}`).toBeUndefined();
        open = { begin: line, body: [], end: '' };
      } else if (WATCH_END.test(line)) {
        expect(open, `an end line without a begin line:\n${out[frames]}`).toBeDefined();
        found.push({ ...open!, end: line });
        open = undefined;
      } else if (open) open.body.push(line);
    }
    return found;
  };

  function waitFor<T>(check: () => T | undefined, ms = 60_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const look = () => {
        let found: T | undefined;
        try {
          found = check();
        } catch (error) {
          return done(() => reject(error as Error));
        }
        if (found !== undefined) done(() => resolve(found));
        else if (child.exitCode !== null) done(() => reject(new Error(`exited ${child.exitCode} first\nstdout:\n${out.stdout}\nstderr:\n${out.stderr}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`not seen within ${ms} ms\nstdout:\n${out.stdout}\nstderr:\n${out.stderr}`))), ms);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(look);
        settle();
      };
      waiters.add(look);
      look();
    });
  }

  return {
    child,
    stdout: () => out.stdout,
    stderr: () => out.stderr,
    runs,
    waitFor,
    waitForRun: (after, accept, ms) => waitFor(() => runs().slice(after).find(accept), ms),
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
