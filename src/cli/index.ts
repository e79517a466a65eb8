/**
 * The CLI as a plain function: `run(argv, io)` returns an exit code. `bin.ts` only wires it to
 * the process. Errors map to exit codes here and nowhere else.
 */
import { readFileSync } from 'node:fs';
import { closeMatch } from '../did-you-mean.js';
import { COMMANDS } from './commands/index.js';
import { ExitError, UsageError, type CliIO } from './io.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `noticekit ${version()}: privacy notices as data

Usage: noticekit <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run 'noticekit <command> --help' for a command's options.
Start with: noticekit validate notices/
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
    io.stdout.write(`${version()}\n`);
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
    if (error instanceof UsageError || isParseArgsError(error)) {
      const message = error instanceof UsageError ? error.message : parseArgsMessage(error as Error & { code: string }, command.usage);
      io.stderr.write(`noticekit ${command.name}: ${message}\nRun 'noticekit ${command.name} --help' for usage.\n`);
      return 2;
    }
    if (error instanceof ExitError) {
      if (error.message) io.stderr.write(`noticekit ${command.name}: ${error.message}\n`);
      return error.exitCode;
    }
    // A file the user named that cannot be read or written (a FIFO, a loop of links, no permission):
    // a problem with the input, said as such.
    const fs = error as NodeJS.ErrnoException;
    if (typeof fs?.code === 'string' && typeof fs.syscall === 'string' && /^E[A-Z]+$/.test(fs.code)) {
      io.stderr.write(`noticekit ${command.name}: cannot ${fs.syscall} ${fs.path ? `'${fs.path}'` : 'a file'} (${fs.code}).\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`noticekit ${command.name}: internal error: ${message}\nThis is a bug in noticekit; please report it with the command you ran.\n`);
    if (io.env.NOTICEKIT_DEBUG) io.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return 2;
  }
}

function unknownCommand(name: string, io: CliIO): number {
  const guess = closeMatch(name, COMMANDS.map((c) => c.name), 2);
  io.stderr.write(`noticekit: unknown command '${name}'.${guess ? ` Did you mean '${guess}'?` : ''}\n\n${mainHelp()}`);
  return 2;
}

/** Node's parseArgs wording, said in ours: the option, what is wrong, and the likely option meant. */
function parseArgsMessage(error: Error & { code: string }, usage: string): string {
  const option = /'(-[^' ]*)/.exec(error.message)?.[1] ?? '';
  const flag = option.replace(/=.*$/, '');
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = [...new Set(usage.match(/--[a-z][a-z0-9-]*/g) ?? [])];
    const guess = closeMatch(flag, known, 3);
    return `unknown option '${flag}'.${guess ? ` Did you mean '${guess}'?` : ''} (A file name starting with '-' goes after '--'.)`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(error.message) ? `option '${flag}' needs a value.` : `option '${flag}' takes no value.`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument '${/'([^']*)'/.exec(error.message)?.[1] ?? ''}'.`;
  return 'the arguments could not be read.';
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
