/**
 * `--watch` for the commands that check notice files (validate, lint): check once, then again after
 * every save, until Ctrl-C or SIGTERM. Each run is framed by two lines an editor's background
 * problem matcher keys on (.vscode/tasks.json):
 *
 *     noticekit validate: checking 2 notices...
 *     (the report, as without --watch)
 *     2 notices checked: ✖ 1 error
 *
 * Runs never overlap: a save during a run makes exactly one more run after it. Each run expands the
 * operands again, so a new file in a watched folder is checked and a deleted one drops out; a file
 * named on the command line that disappears is reported as unreadable, like any bad input.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import type { Diagnostic } from '../diagnostics.js';
import { NoticekitError } from '../errors.js';
import { checkedLine, noticeCount } from '../report/format-diagnostics.js';
import { serialRuns } from '../watch/serial-runs.js';
import { watchPaths } from '../watch/watch-paths.js';
import { expandNoticeFiles } from './files.js';
import { UsageError, type CliIO, type Sink } from './io.js';

/** Matches the line that begins a run (VS Code: `background.beginsPattern`). */
export const WATCH_BEGIN = /^noticekit (validate|lint): checking \d+ notices?\.\.\.$/;

/** Matches the line that ends a run (VS Code: `background.endsPattern`); a run that could not finish says `not checked`. */
export const WATCH_END = /^\d+ notices? (checked|not checked)\b/;

/** Options for {@link watchNoticeFiles}. */
export interface WatchFilesOptions {
  /** The command, named in the begin line. */
  command: 'validate' | 'lint';
  /** Files, folders and globs as given on the command line. */
  operands: readonly string[];
  /** The notice files the operands name now (expanded once by the command, which checked there are some). */
  files: readonly string[];
  io: CliIO;
  /** The report's format (text or compact, see {@link refuseWatchFormat}): the frame lines go to its stream, so they stay in order with it. */
  format: string;
  /** Further files whose saves start a run (absolute paths; lint's configuration files). */
  alsoWatch?: readonly string[];
  /** Which saved names inside a watched folder start a run. */
  accept: (file: string) => boolean;
  /** Which saved names beside a named file start a run too. */
  besideFiles: (file: string) => boolean;
  /**
   * Check the files and write the report (without the summary, which the end line gives).
   * @returns the diagnostics the report shows
   */
  check(files: readonly string[]): Promise<readonly Diagnostic[]>;
}

/**
 * A report format --watch cannot repeat after every save (one JSON or SARIF document a run) is a
 * usage error.
 */
export function refuseWatchFormat(format: string): void {
  if (format !== 'text' && format !== 'compact') throw new UsageError(`--watch prints a report after every save; use it with --format text or compact, not ${format}.`);
}

/** `noticekit validate: checking 2 notices...` */
export function beginLine(command: string, count: number): string {
  return `noticekit ${command}: checking ${noticeCount(count)}...\n`;
}

/**
 * Check, then watch and check again after each save, until a signal.
 * @returns 0 once stopped by Ctrl-C or SIGTERM (after one run when the IO cannot tell of signals)
 */
export async function watchNoticeFiles(options: WatchFilesOptions): Promise<number> {
  const { io, operands } = options;
  const frames: Sink = options.format === 'compact' ? io.stdout : io.stderr;
  const named = new Set<string>();
  const targets: string[] = [];
  for (const operand of operands) {
    const info = await stat(path.resolve(io.cwd, operand)).catch(() => undefined);
    if (info?.isFile()) named.add(operand);
    targets.push(info ? path.resolve(io.cwd, operand) : globBase(operand, io.cwd));
  }
  targets.push(...(options.alsoWatch ?? []));
  let files: readonly string[] = options.files;
  let runs = 0;
  const once = async () => {
    if (runs++ > 0) files = await currentFiles(operands, io.cwd, named);
    frames.write(beginLine(options.command, files.length));
    let shown: readonly Diagnostic[];
    try {
      shown = await options.check(files);
    } catch (error) {
      // An expected failure (a lint configuration saved half-written) is said; the watch goes on.
      if (!(error instanceof NoticekitError)) throw error;
      io.stderr.write(`noticekit ${options.command}: ${error.message}\n`);
      frames.write(`${noticeCount(files.length)} not checked.\n`);
      return;
    }
    frames.write(checkedLine(files.length, shown));
  };
  const queue = serialRuns(once);
  if (!io.onSignal) {
    await queue.run();
    return 0;
  }

  let failed: unknown;
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const unregister = io.onSignal(() => stop());
  const runNow = () =>
    void queue.run().catch((error: unknown) => {
      // A bug, not bad input: stop watching and let the CLI say so.
      failed = error;
      stop();
    });
  // Watching before the first run: a save during it makes one more run.
  const watcher = watchPaths(targets, runNow, { accept: options.accept, besideFiles: options.besideFiles });
  io.stderr.write(`Watching ${operands.join(', ')} for changes; Ctrl-C to stop.\n`);
  runNow();
  await stopped;
  unregister();
  watcher.close();
  await queue.idle();
  if (failed !== undefined) throw failed;
  return 0;
}

/**
 * The files the operands name now. An operand that no longer matches anything drops out, except a
 * file named on the command line, which stays so that it is reported as unreadable.
 * @param named operands that were files when the watch began
 */
async function currentFiles(operands: readonly string[], cwd: string, named: ReadonlySet<string>): Promise<string[]> {
  const found = new Set<string>();
  for (const operand of operands) {
    try {
      for (const file of await expandNoticeFiles([operand], cwd)) found.add(file);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      if (named.has(operand)) found.add(operand);
    }
  }
  return [...found].sort();
}

/** The folder to watch for a glob: the part before its first segment with a pattern (`notices/de/*.yaml`: notices/de). */
function globBase(pattern: string, cwd: string): string {
  const segments = pattern.split(/[\\/]/);
  const first = segments.findIndex((s) => isDynamicPattern(s));
  return path.resolve(cwd, first === -1 ? pattern : segments.slice(0, first).join('/') || '.');
}
