/**
 * `noticekit.config.yaml` / `.json`: turn lint rules off or change their severity.
 *
 *     rules:
 *       translation-unreviewed: off
 *       retention-vague: error
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { closeMatch } from '../did-you-mean.js';
import YAML from 'yaml';
import type { Severity } from '../diagnostics.js';
import { RULES } from './rules/index.js';
import { NoticekitError } from '../errors.js';

/** A rule's setting: `off`, or the severity to report it with. */
export type RuleSetting = 'off' | Severity;

/** Lint configuration. */
export interface LintConfig {
  /** Settings per rule id; rules not named keep their default severity. */
  rules: Record<string, RuleSetting>;
  /** The file it was read from, if any. */
  file?: string;
}

/** File names searched for, in this order, in each folder. */
export const CONFIG_NAMES = ['noticekit.config.yaml', 'noticekit.config.yml', 'noticekit.config.json'];

const SETTINGS = new Set(['off', 'info', 'warning', 'error']);

/** A configuration file that cannot be used; the CLI reports it as a usage error. */
export class LintConfigError extends NoticekitError {
  override name = 'LintConfigError';
  /** @param message said to the user as it is */
  constructor(message: string) {
    super(message, 2);
  }
}

/**
 * Find the configuration for a notice: the first config file in the notice's folder or a parent,
 * stopping at the repository root (a folder with `.git`) or the file-system root.
 * @param noticeFile path of the notice
 * @returns the config file's path, or undefined
 */
export async function findConfigFile(noticeFile: string): Promise<string | undefined> {
  for (const candidate of await configCandidates(noticeFile)) if (await exists(candidate)) return candidate;
  return undefined;
}

/**
 * Every path {@link findConfigFile} looks at for a notice, in the order it looks (what a watch of
 * the configuration must watch, whether the files exist yet or not).
 * @param noticeFile path of the notice
 */
export async function configCandidates(noticeFile: string): Promise<string[]> {
  const out: string[] = [];
  let dir = path.dirname(path.resolve(noticeFile));
  for (;;) {
    for (const name of CONFIG_NAMES) out.push(path.join(dir, name));
    const parent = path.dirname(dir);
    if (parent === dir || (await exists(path.join(dir, '.git')))) return out;
    dir = parent;
  }
}

/**
 * Read and check a configuration file.
 * @param file path of a `.yaml`, `.yml` or `.json` file
 * @throws LintConfigError when it cannot be read or says something wrong
 */
export async function loadLintConfig(file: string): Promise<LintConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new LintConfigError(`${file} cannot be read; check the path.`);
  }
  return parseLintConfig(text, file);
}

/**
 * Parse and check configuration text.
 * @param text YAML or JSON (JSON is YAML)
 * @param file the name to put in messages
 */
export function parseLintConfig(text: string, file = 'noticekit.config.yaml'): LintConfig {
  let data: unknown;
  try {
    const doc = YAML.parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, merge: false, prettyErrors: false });
    if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message.split('\n')[0]);
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    throw new LintConfigError(`${file} is not valid YAML/JSON: ${(error as Error).message}`);
  }
  if (data === null || data === undefined) return { rules: {}, file };
  if (typeof data !== 'object' || Array.isArray(data)) throw new LintConfigError(`${file} must be a mapping with a 'rules' key.`);
  for (const key of Object.keys(data)) {
    if (key !== 'rules' && key !== '$schema') throw new LintConfigError(`${file}: unknown key '${key}'; the only key is 'rules'.`);
  }
  const rules = (data as { rules?: unknown }).rules ?? {};
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) throw new LintConfigError(`${file}: 'rules' must map rule ids to off, info, warning or error.`);
  const known: string[] = RULES.map((r) => r.id);
  const out: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(rules)) {
    if (!known.includes(id)) {
      const guess = closeMatch(id, known);
      const hint = guess ? ` Did you mean '${guess}'?` : ` Run 'noticekit lint --rules' for the list.`;
      throw new LintConfigError(`${file}: unknown rule '${id}'.${hint}`);
    }
    if (typeof setting !== 'string' || !SETTINGS.has(setting)) {
      throw new LintConfigError(`${file}: rule '${id}' must be set to off, info, warning or error, not ${JSON.stringify(setting)}.`);
    }
    out[id] = setting as RuleSetting;
  }
  return { rules: out, file };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
