/**
 * Helpers for the lint tests: run the CLI with fake streams, and lint a file through the API.
 */
import { run } from '../../src/cli/index.js';
import { fakeIO } from '../cli/fake-io.js';
import { lintNotice, type LintDiagnostic, type LintOptions } from '../../src/lint/index.js';
import { checkNoticeFile } from '../../src/validate/index.js';

/** What a CLI run printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run `noticekit` with fake streams.
 * @param argv arguments after `noticekit`
 * @param cwd folder relative paths resolve against
 * @param env environment variables (default: none, so GITHUB_ACTIONS is unset)
 */
export async function cli(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  const fake = fakeIO(cwd, env);
  const code = await run(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** The day the tests judge adequacy decisions on (after Brazil's decision of 26 Jan 2026). */
export const TODAY = '2026-11-28';

/**
 * Validate and lint one file through the API.
 * @throws when the file is not a valid notice (a fixture bug)
 */
export async function lintFile(file: string, options: LintOptions = {}): Promise<LintDiagnostic[]> {
  const checked = await checkNoticeFile(file);
  if (!checked.notice) throw new Error(`${file} is not valid: ${JSON.stringify(checked.diagnostics.slice(0, 3))}`);
  return lintNotice(checked.loaded, checked.notice, { today: TODAY, ...options });
}
