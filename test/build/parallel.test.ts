/**
 * Rendering in worker threads (the compiled CLI, as CI runs it after `npm ci`) writes exactly the
 * bytes one thread writes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
});
