/**
 * Validation in worker threads (the compiled CLI, as CI runs it after `npm ci`) reports exactly
 * what one thread reports.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('validate --jobs', () => {
  it('gives the same diagnostics with 2 and 3 threads as with 1', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-par-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-corpus.mjs'), '--count', '80', '--out', dir]);
    // Two broken files, one early and one late, so both threads have something to say.
    for (const name of ['notice-0003.yaml', 'notice-0077.yaml']) {
      const file = path.join(dir, name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/country: [A-Z]{2}/, 'country: Germany'));
    }
    cpSync(path.join(ROOT, 'test/fixtures/validate/invalid/alias.yaml'), path.join(dir, 'zz-alias.yaml'));
    const run = (jobs: string) => spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/bin.js'), 'validate', dir, '--format', 'json', '--jobs', jobs], { encoding: 'utf8' });
    const one = run('1');
    const two = run('2');
    // Two workers and this thread taking files from one counter.
    const three = run('3');
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(three.status).toBe(1);
    const parsed = JSON.parse(two.stdout) as { file: string; code: string }[];
    expect(parsed.map((d) => d.code)).toEqual(expect.arrayContaining(['invalid-country', 'alias']));
    expect(two.stdout).toBe(one.stdout);
    expect(three.stdout).toBe(one.stdout);
  });
});
