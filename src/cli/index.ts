/**
 * The CLI as a plain function: `run(argv, io)` returns an exit code. `bin.ts` only wires it to
 * the process. Errors map to exit codes here and nowhere else.
 */
import { closeMatch } from '../did-you-mean.js';
import { COMMANDS } from './commands/index.js';
import { NoticekitError } from '../errors.js';
import { UsageError, type CliIO } from './io.js';
import { toolVersion } from '../version.js';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `noticekit ${toolVersion()}: privacy notices as data

Usage: noticekit <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run 'noticekit <command> --help' for a command's options.
Start with: noticekit init (a new notice), noticekit import FILE (one you have), or
noticekit validate notices/ (the notices you keep).
`;
}

/**
 * Run the CLI.
 * @param argv arguments without `node` and the script, e.g. `['validate', 'notices/']`
 * @returns exit code: 0 ok, 1 problems found, 2 usage error or trouble
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  let [name, ...rest] = argv;
  // 'noticekit help build' is 'noticekit build --help'.
  if (name === 'help' && rest.length > 0) {
    if (!COMMANDS.some((c) => c.name === rest[0])) return unknownCommand(rest[0]!, io);
    [name, rest] = [rest[0], ['--help']];
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) return unknownCommand(name, io);
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, command.name, io);
  }
}

/**
 * The one place an error becomes an exit code. An expected failure (NoticekitError) carries its
 * code and a message written for the user; a file the user named that cannot be read or written is
 * bad input (1); anything else is a bug, said as one (2).
 */
function reportError(error: unknown, name: string, io: CliIO): number {
  if (error instanceof NoticekitError) {
    if (error.message) io.stderr.write(`noticekit ${name}: ${error.message}\n`);
    if (error instanceof UsageError) io.stderr.write(`Run 'noticekit ${name} --help' for usage.\n`);
    return error.exitCode;
  }
  // A FIFO, a loop of links, no permission: a problem with the input, said as such.
  const fs = error as NodeJS.ErrnoException;
  if (typeof fs?.code === 'string' && typeof fs.syscall === 'string' && /^E[A-Z]+$/.test(fs.code)) {
    io.stderr.write(`noticekit ${name}: cannot ${fs.syscall} ${fs.path ? `'${fs.path}'` : 'a file'} (${fs.code}).\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`noticekit ${name}: internal error: ${message}\nThis is a bug in noticekit; please report it with the command you ran.\n`);
  if (io.env.NOTICEKIT_DEBUG) io.stderr.write(`${(error as Error).stack ?? ''}\n`);
  return 2;
}

function unknownCommand(name: string, io: CliIO): number {
  const guess = closeMatch(name, COMMANDS.map((c) => c.name), 2);
  io.stderr.write(`noticekit: unknown command '${name}'.${guess ? ` Did you mean '${guess}'?` : ''}\n\n${mainHelp()}`);
  return 2;
}
