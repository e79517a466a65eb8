/**
 * Two large versions: the compiled CLI checks the newer one on a worker thread (check-versions.ts);
 * what it reports must be exactly what checking both on one thread gives, for valid versions,
 * for an invalid one (positions and code frame), and for versions read from git.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { PARALLEL_BYTES } from '../../src/diff/check-versions.js';
import { fakeIO, ROOT } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-diff-large-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Logs every module a thread loads, so the test can see that the worker ran.
const TRACE = path.join(scratch, 'trace.mjs');
const cli = (args: string[], cwd = ROOT) =>
  spawnSync(process.execPath, ['--no-warnings', '--loader', TRACE, path.join(ROOT, 'dist/cli/bin.js'), 'diff', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const workerRan = (stderr: string) => /^loaded .*\/version-worker\.js$/m.test(stderr);
const withoutTrace = (stderr: string) => stderr.replace(/^loaded .*\n/gm, '');

let a = '';
let b = '';
beforeAll(() => {
  writeFileSync(TRACE, "export async function load(url, context, next) { if (url.includes('/dist/')) process.stderr.write(`loaded ${url}\\n`); return next(url, context); }\n");
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-large-notice.mjs'), '--clauses', '1000', '--out', scratch]);
  a = path.join(scratch, 'a.yaml');
  b = path.join(scratch, 'b.yaml');
});

describe('noticekit diff of two large versions', () => {
  it('uses a worker for the newer version and reports what one thread reports', async () => {
    expect(readFileSync(a).length).toBeGreaterThan(PARALLEL_BYTES);
    const here = fakeIO(ROOT);
    expect(await run(['diff', a, b, '--format', 'json'], here)).toBe(1);
    const r = cli([a, b, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(workerRan(r.stderr)).toBe(true);
    expect(JSON.parse(r.stdout).changes.length).toBeGreaterThan(20);
    expect(r.stdout).toBe(here.out());
  });

  it('reports an invalid newer version with its position, as one thread does', async () => {
    const broken = path.join(scratch, 'broken.yaml');
    writeFileSync(broken, readFileSync(b, 'utf8').replace(/\bcountry: [A-Z]{2}\b/, 'country: XX'));
    const here = fakeIO(ROOT);
    expect(await run(['diff', a, broken, '--no-color'], here)).toBe(2);
    const r = cli([a, broken, '--no-color']);
    expect(r.status).toBe(2);
    expect(workerRan(r.stderr)).toBe(true);
    expect(withoutTrace(r.stderr)).toMatch(/broken\.yaml\n +\d+:\d+ +error .*unknown-country/);
    expect(withoutTrace(r.stderr)).toBe(here.err());
    expect(r.stdout).toBe('');
  });

  it('checks small versions on one thread', () => {
    const r = cli(['test/fixtures/notices/praxisportal.v1.yaml', 'test/fixtures/notices/praxisportal.v2.yaml', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(workerRan(r.stderr)).toBe(false);
    expect(r.stderr).toMatch(/^loaded .*\/read-version\.js$/m);
  });

  it('reads both versions from git (--from, --to) the same way', async () => {
    const repo = path.join(scratch, 'repo');
    const file = path.join(repo, 'notice.yaml');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo });
    execFileSync('git', ['init', '-q', repo]);
    writeFileSync(file, readFileSync(a));
    git('add', '.');
    git('commit', '-qm', 'a');
    writeFileSync(file, readFileSync(b));
    git('commit', '-qam', 'b');
    const here = fakeIO(repo);
    expect(await run(['diff', 'notice.yaml', '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'json'], here)).toBe(1);
    const r = cli(['notice.yaml', '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'json'], repo);
    expect(r.status).toBe(1);
    expect(workerRan(r.stderr)).toBe(true);
    expect(r.stdout).toBe(here.out());
  });
});
