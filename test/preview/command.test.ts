/**
 * `noticekit preview` as a user runs it: a process that prints its URL, serves the notice on
 * 127.0.0.1, re-checks on save and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'dist/cli/bin.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-preview-cmd-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  return new Promise((resolve) => {
    const tick = () => (check() ? resolve(true) : Date.now() > end ? resolve(false) : setTimeout(tick, 50));
    tick();
  });
}

describe('noticekit preview', () => {
  it('serves the notice on 127.0.0.1, re-checks it on save, and exits 0 on SIGTERM', async () => {
    const file = path.join(scratch, 'praxisportal.yaml');
    cpSync(path.join(ROOT, 'notices/praxisportal.yaml'), file);
    const child = spawn(process.execPath, [BIN, 'preview', file, '--port', '0'], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      expect(await until(() => /Preview: http:\/\/127\.0\.0\.1:\d+\//.test(stdout), 30_000), stderr).toBe(true);
      const url = /Preview: (\S+)/.exec(stdout)![1]!;
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/praxisportal/);
      expect(stderr).toMatch(/checked: 1 notice/);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/country: DE/, 'country: Germany'));
      expect(await until(() => /checked again: 1 notice, [1-9]\d* finding/.test(stderr), 20_000), stderr).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses a port outside 0-65535 as a usage error', async () => {
    const child = spawn(process.execPath, [BIN, 'preview', '--port', '70000'], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("--port must be a whole number from 0 to 65535, not '70000'.");
  });
});
