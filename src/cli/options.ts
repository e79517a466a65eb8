/**
 * A command's options, declared once. From the table come the parsing (node:util parseArgs), the
 * checks of each value (choices, whole numbers in a range, comma lists, patterns), the Options part
 * of `--help`, and "did you mean" for an unknown flag. Commands get typed values and never parse or
 * check an option by hand.
 */
import { parseArgs } from 'node:util';
import { closeMatch } from '../did-you-mean.js';
import { UsageError } from './io.js';

/** An on/off flag: `--strict`. */
export interface FlagOption {
  type: 'boolean';
  /** Help text; `\n` starts a continuation line. */
  help: string;
}

/** An option with a value: `--out DIR`. */
export interface StringOption {
  type: 'string';
  /** Placeholder for the value in `--help` (default: the choices joined by `|`). */
  arg?: string;
  help: string;
  default?: string;
  /** The only values accepted. */
  choices?: readonly string[];
  /** The value must match; `expected` says in words what it should look like. */
  pattern?: RegExp;
  expected?: string;
  /** May be given more than once; the value is then a list. */
  multiple?: boolean;
}

/** A whole number in a range: `--jobs N`. */
export interface IntOption {
  type: 'int';
  arg: string;
  help: string;
  default?: number;
  min: number;
  max: number;
}

/** A comma-separated list: `--formats html,md`. Empty items are dropped. */
export interface ListOption {
  type: 'list';
  arg: string;
  help: string;
  default?: readonly string[];
  /** The only items accepted. */
  choices?: readonly string[];
}

/** One entry of a command's option table. */
export type OptionSpec = FlagOption | StringOption | IntOption | ListOption;

/** A command's option table, keyed by the long name without `--`. */
export type OptionTable = Record<string, OptionSpec>;

type ValueOf<O> = O extends { type: 'boolean' }
  ? boolean
  : O extends { type: 'int'; default: number }
    ? number
    : O extends { type: 'int' }
      ? number | undefined
      : O extends { type: 'list'; default: readonly string[] }
        ? string[]
        : O extends { type: 'list' }
          ? string[] | undefined
          : O extends { multiple: true }
            ? string[]
            : O extends { default: string }
              ? string
              : string | undefined;

/** The checked values of a table's options, typed from the table. */
export type OptionValues<T extends OptionTable> = { -readonly [K in keyof T]: ValueOf<T[K]> };

/** What a command receives: its options' values and the operands. */
export interface ParsedArgs<T extends OptionTable> {
  values: OptionValues<T>;
  positionals: string[];
}

/**
 * Parse and check arguments against a table.
 * @throws UsageError naming the option, what is wrong and, for an unknown flag, the closest one
 */
export function parseOptions<T extends OptionTable>(table: T, argv: readonly string[]): ParsedArgs<T> {
  const config: Record<string, { type: 'boolean' | 'string'; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(table)) {
    config[name] = spec.type === 'boolean' ? { type: 'boolean' } : { type: 'string', ...(spec.type === 'string' && spec.multiple ? { multiple: true } : {}) };
  }
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error as Error & { code?: string }, table));
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) values[name] = checkValue(name, spec, parsed.values[name]);
  return { values: values as OptionValues<T>, positionals: parsed.positionals };
}

function checkValue(name: string, spec: OptionSpec, raw: unknown): unknown {
  const flag = `--${name}`;
  switch (spec.type) {
    case 'boolean':
      return raw === true;
    case 'int': {
      if (raw === undefined) return spec.default;
      const n = Number(raw);
      if (!/^\s*\d+\s*$/.test(String(raw)) || !Number.isInteger(n) || n < spec.min || n > spec.max) {
        throw new UsageError(`${flag} must be a whole number from ${spec.min} to ${spec.max}, not '${String(raw)}'.`);
      }
      return n;
    }
    case 'list': {
      if (raw === undefined) return spec.default === undefined ? undefined : [...spec.default];
      const items = String(raw).split(',').map((s) => s.trim()).filter(Boolean);
      const wrong = spec.choices ? items.filter((i) => !spec.choices!.includes(i)) : [];
      if (items.length === 0 || wrong.length > 0) {
        const known = spec.choices ? ` takes ${words(spec.choices, 'and')}, comma-separated;` : ' takes a comma-separated list;';
        const guess = wrong.length === 1 && spec.choices ? closeMatch(wrong[0]!, spec.choices, 2) : undefined;
        throw new UsageError(`${flag}${known} not '${String(raw)}'.${guess ? ` Did you mean '${guess}'?` : ''}`);
      }
      return [...new Set(items)];
    }
    case 'string': {
      if (raw === undefined) return spec.multiple ? [] : spec.default;
      const all = (Array.isArray(raw) ? raw : [raw]).map(String);
      for (const v of all) {
        if (spec.choices && !spec.choices.includes(v)) {
          const guess = closeMatch(v, spec.choices, 2);
          throw new UsageError(`${flag} must be ${words(spec.choices, 'or')}, not '${v}'.${guess ? ` Did you mean '${guess}'?` : ''}`);
        }
        if (spec.pattern && !spec.pattern.test(v)) throw new UsageError(`${flag} must be ${spec.expected ?? `like ${spec.pattern.source}`}, not '${v}'.`);
      }
      return spec.multiple ? all : all[0];
    }
  }
}

function words(list: readonly string[], last: 'and' | 'or'): string {
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} ${last} ${list.at(-1)}`;
}

/** Node's parseArgs wording, said in ours: the option, what is wrong, and the likely option meant. */
function parseArgsMessage(error: Error & { code?: string }, table: OptionTable): string {
  const option = /'(-[^' ]*)/.exec(error.message)?.[1] ?? '';
  const flag = option.replace(/=.*$/, '');
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const guess = closeMatch(flag, [...Object.keys(table).map((k) => `--${k}`), '--help'], 3);
    return `unknown option '${flag}'.${guess ? ` Did you mean '${guess}'?` : ''} (A file name starting with '-' goes after '--'.)`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(error.message) ? `option '${flag}' needs a value.` : `option '${flag}' takes no value.`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument '${/'([^']*)'/.exec(error.message)?.[1] ?? ''}'.`;
  return 'the arguments could not be read.';
}

/** The label of an option in `--help`: `--out DIR`, `--format text|json`, `--strict`. */
function label(name: string, spec: OptionSpec): string {
  if (spec.type === 'boolean') return `--${name}`;
  const arg = spec.arg ?? (spec.type === 'string' && spec.choices ? spec.choices.join('|') : 'VALUE');
  return `--${name} ${arg}`;
}

/** Labels longer than this put their help on the next line. */
const MAX_LABEL = 24;

/**
 * The Options part of `--help`, from the table, ending with `-h, --help`.
 * @returns lines without a trailing newline
 */
export function optionsHelp(table: OptionTable): string {
  const rows: [string, string][] = [...Object.entries(table).map(([name, spec]): [string, string] => [label(name, spec), spec.help]), ['-h, --help', 'show this help']];
  const width = Math.min(MAX_LABEL, Math.max(...rows.map(([l]) => l.length)));
  const indent = ' '.repeat(2 + width + 2);
  const out: string[] = [];
  for (const [l, help] of rows) {
    const [first, ...rest] = help.split('\n');
    if (l.length > width) out.push(`  ${l}`, `${indent}${first}`);
    else out.push(`  ${l.padEnd(width)}  ${first}`);
    for (const line of rest) out.push(`${indent}${line}`);
  }
  return out.join('\n');
}
