/**
 * The option table: one declaration gives parsing, checking, --help and "did you mean".
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { UsageError } from '../../src/cli/io.js';
import { optionsHelp, parseOptions } from '../../src/cli/options.js';

const TABLE = {
  format: { type: 'string', choices: ['text', 'json'], default: 'text', help: 'output' },
  out: { type: 'string', arg: 'DIR', help: 'folder\nsecond line' },
  jobs: { type: 'int', arg: 'N', min: 1, max: 8, default: 2, help: 'threads' },
  formats: { type: 'list', arg: 'LIST', choices: ['html', 'md'], help: 'which' },
  locale: { type: 'string', arg: 'L', multiple: true, help: 'repeatable' },
  date: { type: 'string', arg: 'YYYY-MM-DD', pattern: /^\d{4}-\d{2}-\d{2}$/, expected: 'YYYY-MM-DD', help: 'day' },
  strict: { type: 'boolean', help: 'strict' },
} as const;

function usageMessage(argv: string[]): string {
  try {
    parseOptions(TABLE, argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('parseOptions', () => {
  it('gives defaults, typed values and operands', () => {
    const { values, positionals } = parseOptions(TABLE, ['a.yaml', '--jobs', '4', '--formats', 'md, html,md', '--locale', 'de', '--locale', 'lv', '--strict', 'b.yaml']);
    expect(values).toEqual({ format: 'text', out: undefined, jobs: 4, formats: ['md', 'html'], locale: ['de', 'lv'], date: undefined, strict: true });
    expect(positionals).toEqual(['a.yaml', 'b.yaml']);
    expect(parseOptions(TABLE, []).values).toMatchObject({ jobs: 2, formats: undefined, locale: [], strict: false });
  });

  it.each([
    [['--format', 'jsno'], "--format must be text or json, not 'jsno'. Did you mean 'json'?"],
    [['--jobs', '0'], "--jobs must be a whole number from 1 to 8, not '0'."],
    [['--jobs', '2.5'], "--jobs must be a whole number from 1 to 8, not '2.5'."],
    [['--formats', 'html,pfd'], "--formats takes html and md, comma-separated; not 'html,pfd'."],
    [['--formats', ','], "--formats takes html and md, comma-separated; not ','."],
    [['--date', '2026-1-1'], "--date must be YYYY-MM-DD, not '2026-1-1'."],
    [['--formta', 'json'], "unknown option '--formta'. Did you mean '--format'?"],
    [['--out'], "option '--out' needs a value."],
    [['--strict=yes'], "option '--strict' takes no value."],
  ])('%j: %s', (argv, message) => {
    expect(usageMessage(argv)).toContain(message);
  });
});

describe('optionsHelp', () => {
  it('lists every option with its value placeholder, continuation lines aligned, and --help', () => {
    const help = optionsHelp(TABLE);
    expect(help.split('\n')).toEqual([
      '  --format text|json  output',
      '  --out DIR           folder',
      '                      second line',
      '  --jobs N            threads',
      '  --formats LIST      which',
      '  --locale L          repeatable',
      '  --date YYYY-MM-DD   day',
      '  --strict            strict',
      '  -h, --help          show this help',
    ]);
  });

  it("is each command's Options section, so the help names exactly the flags the command accepts", async () => {
    for (const entry of COMMANDS) {
      const command = (await entry.load()) as { usage: string; options?: Record<string, unknown> };
      expect(command.options, entry.name).toBeDefined();
      const listed = new Set(command.usage.split('Options:\n')[1]!.split('\n\n')[0]!.match(/--[a-z][a-z-]*/g));
      expect([...listed].sort(), entry.name).toEqual([...Object.keys(command.options!).map((k) => `--${k}`), '--help'].sort());
    }
  });
});
