/**
 * What the `noticekit init` tests share: scratch folders, the CLI with fake streams, the files a
 * folder holds, and the notice the standard answers make.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { run } from '../../src/cli/index.js';
import { fakeIO } from './fake-io.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
/** A new folder; `.git` in it when asked (an empty project folder may hold one). */
export function folder(withGit = false): string {
  const dir = path.join(scratch, `p${++n}`);
  mkdirSync(withGit ? path.join(dir, '.git') : dir, { recursive: true });
  return dir;
}

/** Run `noticekit ...args` in `cwd` with fake streams (and `extra` laid over them). */
export async function cli(args: string[], cwd: string, extra: Partial<ReturnType<typeof fakeIO>['io']> = {}) {
  const fake = fakeIO(cwd);
  Object.assign(fake.io, extra);
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** Every file below `dir` except .git's, as relative paths. */
export function filesIn(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile() && path.relative(dir, e.parentPath).split(path.sep)[0] !== '.git')
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The standard answers, as flags. */
export const BASE = ['init', '--id', 'acme-privacy', '--locales', 'de,en', '--controller', 'ACME GmbH', '--country', 'de', '--email', 'privacy@acme.example', '--title', 'Datenschutzhinweise'];
/**
 * The whole notice BASE's answers make, with `changes` laid over it: the answers, the empty
 * required fields, and not one key more.
 */
export function notice(changes: Record<string, unknown>): Record<string, unknown> {
  return {
    id: 'acme-privacy',
    version: '',
    effectiveDate: '',
    noticeType: '',
    locales: ['de', 'en'],
    sourceLocale: 'de',
    title: { de: 'Datenschutzhinweise', en: '' },
    controller: { id: 'controller', name: 'ACME GmbH', address: { country: 'DE' }, contact: { email: 'privacy@acme.example' } },
    purposes: [],
    categories: [],
    rights: { id: 'rights', items: [] },
    ...changes,
  };
}
/** What init writes in an empty folder with the standard answers. */
export const PROJECT = ['.github/workflows/noticekit.yml', '.vscode/extensions.json', '.vscode/settings.json', '.vscode/tasks.json', 'notices/acme-privacy.yaml', 'package.json'];
