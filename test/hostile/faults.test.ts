/**
 * Faults during a build: Chromium killed mid-batch, SIGTERM and SIGINT (the real CLI as a child
 * process), an output path that cannot be written, a write failing half-way, a document that
 * prints too slowly. Each ends with a clear message, a non-zero exit, the previous output byte for
 * byte as it was, no staging folder beside it, and no Chromium left running.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fakeOutput } from '../helpers/files.js';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { run } from '../../src/cli/index.js';
import type { CliIO } from '../../src/cli/io.js';
import { cli, ENV, leftovers, REFERENCE, ROOT, tree } from './helpers.js';

const PRAXIS = path.join(ROOT, 'notices/praxisportal.yaml');
const BIN = path.join(ROOT, 'dist/cli/bin.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-faults-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An output folder holding a previous build (two files), and a snapshot of it. */
function previousOutput(name: string): { out: string; before: Map<string, Buffer> } {
  const out = path.join(scratch, name, 'public');
  fakeOutput(out, { 'index.html': '<!DOCTYPE html><title>previous</title>\n', 'old-notice/1.0/en.md': '# The previous build\n' });
  return { out, before: tree(out) };
}

function expectUnchanged(out: string, before: Map<string, Buffer>) {
  const after = tree(out);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
  expect(leftovers(out)).toEqual([]);
}

interface Proc {
  pid: number;
  ppid: number;
  state: string;
  cmdline: string;
}

/** Every process, from /proc. */
function processes(): Proc[] {
  const out: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(entry), ppid: Number(fields[1]), state: fields[0]!, cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Live (not zombie) processes descending from `root`. */
function descendants(root: number): Proc[] {
  const all = processes();
  const found = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (found.has(p.ppid) && !found.has(p.pid)) {
        found.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => p.pid !== root && found.has(p.pid) && p.state !== 'Z');
}

/** Chromium processes started by this test process (the test runner forks one process per file). */
function ourChromium(): Proc[] {
  return descendants(process.pid).filter((p) => /--user-data-dir=/.test(p.cmdline));
}

/** Wait until `check` is true or `ms` pass; returns the last result. */
async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
}

/** A CliIO like fakeIO whose stderr calls `onLine` for every line written. */
function watchingIO(onLine: (line: string) => void): { io: CliIO; stderr: () => string } {
  let err = '';
  const io: CliIO = {
    stdout: { write: () => true },
    stderr: {
      write: (chunk: string) => {
        err += chunk;
        for (const line of chunk.split('\n')) if (line) onLine(line);
        return true;
      },
    },
    cwd: ROOT,
    env: ENV,
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  return { io, stderr: () => err };
}

function killChromium() {
  for (const p of ourChromium()) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

describe('Chromium killed mid-batch', () => {
  it('is relaunched once, and the build completes', async () => {
    const out = path.join(scratch, 'killed-once', 'public');
    let killed = 0;
    const result = await build({
      files: [REFERENCE, PRAXIS],
      outDir: out,
      formats: ['pdf'],
      jobs: 1,
      paper: 'a4',
      env: ENV,
      onProgress(event) {
        if (killed === 0 && event.path.endsWith('.pdf')) {
          killed = ourChromium().length;
          killChromium();
        }
      },
    });
    expect(killed).toBeGreaterThan(0);
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect([...tree(out).keys()].filter((f) => f.endsWith('.pdf') && !f.includes('latest'))).toHaveLength(4);
    expect(await eventually(() => ourChromium().length === 0)).toBe(true);
  });

  it('when it keeps failing, lists the documents that failed, exits 1 and publishes nothing', async () => {
    const { out, before } = previousOutput('killed-always');
    const { io, stderr } = watchingIO((line) => {
      if (/^wrote .*\.pdf$/.test(line)) killChromium();
    });
    const code = await run(['build', REFERENCE, PRAXIS, '--out', out, '--formats', 'pdf', '--jobs', '1', '--no-cache'], io);
    expect(code).toBe(1);
    expect(stderr()).toMatch(/failed: praxisportal\/1\.0\/\w+\.pdf: Chromium stopped/);
    expect(stderr()).toMatch(/already restarted once; not starting it again/);
    expect(stderr()).toMatch(/Nothing was published/);
    expect(stderr()).not.toMatch(/\n {4}at /);
    expectUnchanged(out, before);
    expect(await eventually(() => ourChromium().length === 0)).toBe(true);
  });
});

describe('signals', () => {
  for (const [signal, exitCode] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`${signal} once the first PDF is written: exit ${exitCode}, previous output intact, no staging folder, no Chromium left`, async () => {
      const { out, before } = previousOutput(`signal-${signal}`);
      const child = spawn(process.execPath, [BIN, 'build', REFERENCE, PRAXIS, '--out', out, '--no-cache', '--jobs', '1'], { cwd: ROOT, env: ENV });
      let stderr = '';
      let seen: Proc[] = [];
      let profiles: string[] = [];
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (seen.length === 0 && /wrote .*\.pdf/.test(stderr)) {
          seen = descendants(child.pid!);
          profiles = [...new Set(seen.flatMap((p) => /--user-data-dir=(\S+)/.exec(p.cmdline)?.[1] ?? []))];
          child.kill(signal);
        }
      });
      const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      expect(seen.length, stderr).toBeGreaterThan(0);
      expect(profiles).toHaveLength(1);
      expect(status, stderr).toBe(exitCode);
      expect(stderr).toContain(`Interrupted by ${signal}`);
      expect(stderr).not.toMatch(/\n {4}at /);
      expectUnchanged(out, before);
      // Every process the build started is gone, and nothing runs with its profile.
      const alive = () => processes().filter((p) => p.state !== 'Z' && (seen.some((s) => s.pid === p.pid && s.cmdline === p.cmdline) || p.cmdline.includes(profiles[0]!)));
      expect(await eventually(() => alive().length === 0, 500), alive().map((p) => p.cmdline.slice(0, 80)).join('\n')).toBe(true);
      expect(existsSync(profiles[0]!)).toBe(false);
    });
  }
});

/** Make `dir` refuse new entries, even for root; returns how, and the undo. */
function makeUnwritable(dir: string): { how: string; undo: () => void } {
  const probe = () => {
    try {
      mkdirSync(path.join(dir, 'probe'));
      rmSync(path.join(dir, 'probe'), { recursive: true });
      return false;
    } catch {
      return true;
    }
  };
  const attempts: [string, () => void, () => void][] = [
    ['chattr +i', () => execFileSync('chattr', ['+i', dir], { stdio: 'ignore' }), () => execFileSync('chattr', ['-i', dir], { stdio: 'ignore' })],
    ['a read-only bind mount', () => execFileSync('mount', ['--bind', '-o', 'ro', dir, dir], { stdio: 'ignore' }), () => execFileSync('umount', [dir], { stdio: 'ignore' })],
  ];
  for (const [how, apply, undo] of attempts) {
    try {
      apply();
    } catch {
      continue;
    }
    if (probe()) return { how, undo };
    undo();
  }
  throw new Error(`cannot make ${dir} read-only here (tried chattr and a bind mount)`);
}

describe('output that cannot be written', () => {
  it('refuses an output folder whose parent is read-only, with a clear message', async () => {
    const { out, before } = previousOutput('read-only');
    const { how, undo } = makeUnwritable(path.dirname(out));
    let result;
    try {
      result = await cli(['build', REFERENCE, '--out', out, '--formats', 'md,html', '--no-cache']);
    } finally {
      undo();
    }
    expect(result.code, how).toBe(1);
    expect(result.stderr).toMatch(/Cannot write the output \((EPERM|EROFS|EACCES|ENOENT)/);
    expect(result.stderr).toMatch(/Nothing was published/);
    expect(result.stderr).not.toMatch(/internal error|\n {4}at /);
    expectUnchanged(out, before);
  });

  it('refuses an output path under a file, and an output path that is a file', async () => {
    const file = path.join(scratch, 'a-file');
    writeFileSync(file, 'not a folder');
    for (const out of [path.join(file, 'public'), file]) {
      const result = await cli(['build', REFERENCE, '--out', out, '--formats', 'md', '--no-cache']);
      expect(result.code, out).toBe(2);
      expect(result.stderr).toMatch(/is not a folder/);
      expect(result.stderr).not.toMatch(/internal error|\n {4}at /);
      expect(readFileSync(file, 'utf8')).toBe('not a folder');
    }
  });
});

describe('a write failing half-way', () => {
  it('on a full disk (a 64 KiB tmpfs): exit 1, ENOSPC named, previous output intact', async () => {
    const disk = path.join(scratch, 'small-disk');
    mkdirSync(disk);
    let mounted = true;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk], { stdio: 'ignore' });
    } catch {
      mounted = false;
    }
    try {
      const out = path.join(disk, 'public');
      fakeOutput(out, { 'index.html': '<!DOCTYPE html><title>previous</title>\n' });
      const before = tree(out);
      if (mounted) {
        const result = await cli(['build', REFERENCE, PRAXIS, '--out', out, '--formats', 'md,html', '--no-cache']);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/Cannot write the output \(ENOSPC/);
        expect(result.stderr).toMatch(/wrote /);
        expect(result.stderr).not.toMatch(/internal error|\n {4}at /);
      } else {
        // Without the right to mount, the same fault through the injection point.
        let writes = 0;
        const failing = async (file: string, data: Buffer | string) => {
          if (++writes === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
          await writeFile(file, data);
        };
        await expect(build({ files: [REFERENCE, PRAXIS], outDir: out, formats: ['md', 'html'], jobs: 1, paper: 'a4', writeFile: failing })).rejects.toMatchObject({ code: 'ENOSPC' });
      }
      expectUnchanged(out, before);
    } finally {
      if (mounted) execFileSync('umount', [disk], { stdio: 'ignore' });
    }
  });

  it('while PDFs print two at a time: the build stops, waits for the writes in flight, and leaves nothing', async () => {
    const { out, before } = previousOutput('write-fails');
    let writes = 0;
    const failing = async (file: string, data: Buffer | string) => {
      const n = ++writes;
      await new Promise((resolve) => setTimeout(resolve, n % 2 === 0 ? 40 : 5));
      if (n === 10) throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO', syscall: 'write' });
      await writeFile(file, data);
    };
    await expect(build({ files: [REFERENCE, PRAXIS], outDir: out, formats: ['md', 'html', 'pdf'], jobs: 2, paper: 'a4', env: ENV, writeFile: failing })).rejects.toMatchObject({ code: 'EIO' });
    // Writes still in flight must not recreate the staging folder after it was removed.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expectUnchanged(out, before);
    expect(await eventually(() => ourChromium().length === 0)).toBe(true);
  });
});

describe('print timeout', () => {
  it('gives up on a document that takes longer than --print-timeout, says so, exits 1', async () => {
    // A long notice: every English text of the reference padded by about 9500 characters (half a megabyte in all).
    const padded = readFileSync(REFERENCE, 'utf8').replace(/^(\s+en: )(?!["|>])(.+)$/gm, (_m, key: string, text: string) => `${key}${text} ${'lorem ipsum dolor sit amet '.repeat(350)}`);
    const file = path.join(scratch, 'long.yaml');
    writeFileSync(file, padded);
    const { out, before } = previousOutput('timeout');
    const started = performance.now();
    const result = await cli(['build', file, '--out', out, '--formats', 'pdf', '--locales', 'en', '--no-cache', '--print-timeout', '100']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/failed: kaspersky-technical-support\/1\.0\/en\.pdf: Printing took longer than 100 ms/);
    expect(result.stderr).toMatch(/--print-timeout/);
    expect(result.stderr).not.toMatch(/internal error|\n {4}at /);
    expect(performance.now() - started).toBeLessThan(20_000);
    expectUnchanged(out, before);
    expect(await eventually(() => ourChromium().length === 0)).toBe(true);
  });
});
