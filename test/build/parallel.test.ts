/**
 * Rendering in worker threads (the compiled CLI, as CI runs it after `npm ci`) writes exactly the
 * bytes one thread writes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tree } from '../helpers/files.js';

const ROOT = path.resolve(import.meta.dirname, '../..');


describe('build --render-threads', () => {
  it('renders the same Markdown and HTML with 2 threads as with 1', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-par-build-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-corpus.mjs'), '--count', '180', '--out', path.join(dir, 'corpus')]);
    const build = (jobs: string) => {
      const out = path.join(dir, `out-${jobs}`);
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/bin.js'), 'build', path.join(dir, 'corpus'), '--out', out, '--formats', 'md,html', '--no-cache', '--render-threads', jobs], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
      expect(r.status, r.stderr).toBe(0);
      return tree(out);
    };
    const one = build('1');
    const two = build('2');
    // More than POOL_THRESHOLD (400) views, so the worker pool is really used.
    expect([...one.keys()].filter((f) => f.endsWith('.md') && !f.includes('/latest/')).length).toBeGreaterThan(400);
    expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [name, bytes] of one) expect(two.get(name)!.equals(bytes), name).toBe(true);
  });

  it('renders notices whose validation came from the cache (sent to the workers with the document) as one thread does', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-par-cached-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-corpus.mjs'), '--count', '180', '--out', path.join(dir, 'corpus')]);
    const run = (out: string, formats: string, threads: string, cache: string[]) => {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/bin.js'), 'build', path.join(dir, 'corpus'), '--out', path.join(dir, out), '--formats', formats, '--render-threads', threads, ...cache], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
      expect(r.status, r.stderr).toBe(0);
      return r.stderr;
    };
    const cache = ['--cache-dir', path.join(dir, 'cache')];
    // The first build keeps every notice's validation; the second takes them all from the cache and
    // renders the HTML pages afresh (a page links to the formats built), in the workers.
    run('first', 'md', '2', cache);
    const second = run('second', 'md,html', '2', cache);
    expect(second).toMatch(/rendered\)/);
    run('one', 'md,html', '1', ['--no-cache']);
    const two = tree(path.join(dir, 'second'));
    const one = tree(path.join(dir, 'one'));
    expect([...one.keys()].filter((f) => f.endsWith('.html')).length).toBeGreaterThan(400);
    expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [name, bytes] of one) expect(two.get(name)!.equals(bytes), name).toBe(true);
  });

  it('reports an invalid notice among many, validated in the workers, with its position, and writes nothing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-par-invalid-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-corpus.mjs'), '--count', '100', '--out', path.join(dir, 'corpus')]);
    const bad = path.join(dir, 'corpus', 'notice-0077.yaml');
    const text = readFileSync(bad, 'utf8');
    writeFileSync(bad, text.replace(/^effectiveDate: .*$/m, 'effectiveDate: not-a-date'));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/bin.js'), 'build', path.join(dir, 'corpus'), '--out', path.join(dir, 'out'), '--formats', 'md,html', '--no-cache'], { encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    const line = text.split('\n').findIndex((l) => l.startsWith('effectiveDate:')) + 1;
    expect(r.stderr).toMatch(new RegExp(`notice-0077\\.yaml\\n  ${line}:\\d+  error .*invalid-date`));
    expect(r.stderr).not.toMatch(/internal error|\n {4}at /);
    expect(() => readFileSync(path.join(dir, 'out', 'index.html'))).toThrow();
  });
});
