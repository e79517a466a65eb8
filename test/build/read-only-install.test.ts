/**
 * A read-only install (global, or in a Docker image) run by a user who cannot write to the
 * package folder: `build` must not try to write there (it used to fail with "internal error:
 * EACCES ... mkdir .../node_modules/.cache"). The fonts ship in dist/fonts; the cache goes to the
 * user's project or $XDG_CACHE_HOME; an unwritable cache is one warning and the build goes on.
 * As root the commands run as `nobody` (setpriv); as another user, the copy's write bits are off.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOBODY = 65534;
const root = process.getuid?.() === 0;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'noticekit-ro-'));
chmodSync(scratch, 0o755);
afterAll(() => {
  spawnSync('chmod', ['-R', 'u+w', scratch]);
  rmSync(scratch, { recursive: true, force: true });
});

/** A copy of the installed package (what `files` ships, and the package's node_modules), made read-only. */
function install(): string {
  const pkg = path.join(scratch, 'lib/node_modules/noticekit');
  mkdirSync(pkg, { recursive: true });
  for (const part of ['dist', 'schema', 'templates', 'package.json']) cpSync(path.join(ROOT, part), path.join(pkg, part), { recursive: true });
  if (root) {
    // nobody may not be able to reach this checkout's node_modules (a clone in a 0700 folder):
    // the install gets its own, as hard links where it can (no chmod then: it would change the
    // shared files; they are root's and so unwritable by nobody anyway).
    const from = path.join(ROOT, 'node_modules');
    const to = path.join(pkg, 'node_modules');
    if (spawnSync('cp', ['-al', from, to]).status !== 0) {
      rmSync(to, { recursive: true, force: true });
      cpSync(from, to, { recursive: true });
    }
    spawnSync('chmod', ['-R', 'a-w', ...['dist', 'schema', 'templates', 'package.json'].map((p) => path.join(pkg, p))]);
    spawnSync('chmod', ['a-w', pkg]);
  } else {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
    spawnSync('chmod', ['-R', 'a-w', path.join(scratch, 'lib')]);
  }
  return pkg;
}

function projectDir(name: string, withPackageJson: boolean): string {
  const dir = path.join(scratch, name);
  mkdirSync(path.join(dir, 'notices'), { recursive: true });
  cpSync(path.join(ROOT, 'notices/praxisportal.yaml'), path.join(dir, 'notices/praxisportal.yaml'));
  if (withPackageJson) writeFileSync(path.join(dir, 'package.json'), '{ "name": "my-notices", "private": true }\n');
  if (root) spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir]);
  return dir;
}

function noticekit(pkg: string, cwd: string, args: string[], env: Record<string, string>) {
  const argv = [process.execPath, path.join(pkg, 'dist/cli/bin.js'), ...args];
  const [cmd, ...rest] = root ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...argv] : argv;
  return spawnSync(cmd!, rest, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH!, CI: 'true', ...env } });
}

describe('a read-only install', () => {
  const pkg = install();

  it('builds html, md and pdf with an unwritable home: one warning, no cache, nothing written to the package', () => {
    const dir = projectDir('no-package-json', false);
    const r = noticekit(pkg, dir, ['build', '--locales', 'en'], { HOME: '/nonexistent', XDG_CACHE_HOME: '/nonexistent/cache' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/internal error|EACCES.*mkdir|\n\s+at /);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('warning:'))).toEqual([expect.stringMatching(/cannot use the cache folder \/nonexistent\/cache\/noticekit\/build .*building without a cache/)]);
    expect(readdirSync(path.join(dir, 'public/praxisportal/1.0')).sort()).toEqual(['en.html', 'en.md', 'en.pdf']);
    expect(existsSync(path.join(pkg, 'node_modules/.cache/noticekit/build'))).toBe(existsSync(path.join(ROOT, 'node_modules/.cache/noticekit/build')));
  });

  it("keeps its cache in the user's project (<project>/node_modules/.cache/noticekit) and needs no font cache", () => {
    const dir = projectDir('with-package-json', true);
    const r = noticekit(pkg, dir, ['build', '--locales', 'en'], { HOME: '/nonexistent' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/warning:/);
    const cache = path.join(dir, 'node_modules/.cache/noticekit');
    expect(readdirSync(cache)).toEqual(['build']);
    const again = noticekit(pkg, dir, ['build', '--locales', 'en'], { HOME: '/nonexistent' });
    expect(again.stderr).toMatch(/3 from cache, 0 rendered/);
  });
});
