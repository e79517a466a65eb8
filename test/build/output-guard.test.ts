/**
 * The output guard, through the CLI: `build --out X` and `merge-manifests --out X` never replace a
 * folder noticekit did not write (regression: `build --out .` deleted a whole project, .git too).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { clearLeftovers } from '../../src/build/swap.js';
import { guardOutputDir } from '../../src/build/output-guard.js';
import { fakeIO } from '../cli/fake-io.js';
import { fakeOutput, tree } from '../helpers/files.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A scratch project: notices/ with one notice, a templates folder, a file of the user's. */
function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-guard-'));
  made.push(dir);
  mkdirSync(path.join(dir, 'notices'));
  cpSync(path.join(ROOT, 'notices/praxisportal.yaml'), path.join(dir, 'notices/praxisportal.yaml'));
  mkdirSync(path.join(dir, 'my-templates/partials'), { recursive: true });
  writeFileSync(path.join(dir, 'my-templates/partials/footer.hbs'), '<footer><p>{{mdi versionLine}}</p></footer>\n');
  writeFileSync(path.join(dir, 'README.md'), '# my project\n');
  return dir;
}

async function cli(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  const fake = fakeIO(cwd, { PATH: process.env.PATH, CI: 'true', HOME: process.env.HOME, ...env });
  const code = await run(args, fake.io);
  return { code, stderr: fake.stderr() };
}

const build = (cwd: string, out: string, ...more: string[]) => cli(['build', 'notices', '--out', out, '--formats', 'md', '--no-cache', ...more], cwd);

describe('build --out refuses folders it did not write', () => {
  const refused: [string, (dir: string) => { out: string; cwd?: string; more?: string[] }, RegExp][] = [
    ['the current directory', () => ({ out: '.' }), /is the current directory/],
    ['an ancestor of the current directory', (dir) => ({ out: '..', cwd: path.join(dir, 'notices') }), /holds the current directory/],
    ['the filesystem root', () => ({ out: '/' }), /filesystem root/],
    ['the home directory', (dir) => ({ out: path.join(dir, 'home'), more: [] }), /home directory/],
    ['a folder holding an input notice', (dir) => ({ out: path.join(dir, 'notices'), cwd: path.join(dir, 'my-templates') }), /holds the input/],
    ['the templates folder', () => ({ out: 'my-templates', more: ['--templates', 'my-templates'] }), /input folder/],
    ['a folder holding the templates folder', (dir) => { mkdirSync(path.join(dir, 'site/t'), { recursive: true }); cpSync(path.join(dir, 'my-templates'), path.join(dir, 'site/t'), { recursive: true }); return { out: 'site', more: ['--templates', 'site/t'] }; }, /holds the input folder/],
    ['a git work tree root', (dir) => { mkdirSync(path.join(dir, 'docs/.git'), { recursive: true }); return { out: 'docs' }; }, /root of a git work tree/],
    ['a folder with files of the user', (dir) => { mkdirSync(path.join(dir, 'public2/sub'), { recursive: true }); for (let i = 0; i < 14; i++) writeFileSync(path.join(dir, `public2/sub/page-${i}.html`), 'x'); return { out: 'public2' }; }, /public2\/ holds 14 files noticekit did not write/],
    ['an earlier output with a file added', (dir) => { fakeOutput(path.join(dir, 'public'), { 'index.html': 'x' }); writeFileSync(path.join(dir, 'public/CNAME'), 'example.org'); return { out: 'public' }; }, /holds 1 file noticekit did not write \(CNAME\)/],
    ['a manifest without the marker (noticekit 0.1 or another tool)', (dir) => { mkdirSync(path.join(dir, 'public')); writeFileSync(path.join(dir, 'public/manifest.json'), '{"files": []}'); return { out: 'public' }; }, /without noticekit's marker/],
  ];
  for (const [what, arrange, message] of refused) {
    it(`refuses ${what}: exit 2, a sentence naming it, nothing touched`, async () => {
      const dir = project();
      const { out, cwd = dir, more = [] } = arrange(dir);
      const before = tree(dir);
      const notices = path.relative(cwd, path.join(dir, 'notices')) || '.';
      const env = what === 'the home directory' ? { HOME: path.join(dir, 'home') } : {};
      if (what === 'the home directory') mkdirSync(path.join(dir, 'home'));
      const fake = fakeIO(cwd, { PATH: process.env.PATH, CI: 'true', ...env });
      // os.homedir() follows HOME on POSIX.
      const saved = process.env.HOME;
      if (env.HOME) process.env.HOME = env.HOME;
      let code;
      try {
        code = await run(['build', notices, '--out', out, '--formats', 'md', '--no-cache', ...more], fake.io);
      } finally {
        process.env.HOME = saved;
      }
      expect(code, fake.stderr()).toBe(2);
      expect(fake.stderr()).toMatch(message);
      expect(fake.stderr()).toMatch(/Nothing was written/);
      expect(fake.stderr()).not.toMatch(/internal error|\n\s+at /);
      const after = tree(dir);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [f, bytes] of before) expect(after.get(f)!.equals(bytes), f).toBe(true);
      expect(readdirSync(path.dirname(path.resolve(cwd, out))).filter((n) => /\.(staging|old)-|\.lock$/.test(n))).toEqual([]);
    });
  }

  it('replaces a missing, an empty, and an earlier noticekit output, and drops the files that output listed', async () => {
    const dir = project();
    expect((await build(dir, 'public')).code).toBe(0);
    expect((await build(dir, 'public')).code).toBe(0);
    mkdirSync(path.join(dir, 'empty'));
    expect((await build(dir, 'empty')).code).toBe(0);
    fakeOutput(path.join(dir, 'old'), { 'gone/1.0/en.md': '# old' });
    expect((await build(dir, 'old')).code).toBe(0);
    expect(existsSync(path.join(dir, 'old/gone'))).toBe(false);
    expect(existsSync(path.join(dir, 'old/praxisportal/1.0/de.md'))).toBe(true);
  });
});

describe('the guard, called again on the same output', () => {
  it('reads the manifest afresh once it has changed: a file it no longer lists is refused', async () => {
    const dir = project();
    const out = path.join(dir, 'public');
    fakeOutput(out, { 'a/1.0/en.md': '# a', 'b/1.0/en.md': '# b' });
    const context = { cwd: dir };
    await expect(guardOutputDir(out, context)).resolves.toBeUndefined();
    // The same output with b no longer listed (the manifest rewritten, b left in place), as another
    // process could leave it between a build's first check and the one just before its swap.
    const manifest = path.join(out, 'manifest.json');
    const listed = JSON.parse(readFileSync(manifest, 'utf8')) as { files: { path: string }[] };
    writeFileSync(manifest, JSON.stringify({ ...listed, files: listed.files.filter((f) => f.path !== 'b/1.0/en.md') }));
    await expect(guardOutputDir(out, context)).rejects.toThrow(/holds 1 file noticekit did not write \(b\/1\.0\/en\.md\)/);
  });
});

describe('merge-manifests --out refuses folders it did not write', () => {
  it('refuses the current directory, a shard folder, a git root and a folder of the user; merges into an earlier output', async () => {
    const dir = project();
    expect((await build(dir, 'shard-1', '--shard', '1/1')).code).toBe(0);
    mkdirSync(path.join(dir, 'site/.git'), { recursive: true });
    mkdirSync(path.join(dir, 'mine'));
    writeFileSync(path.join(dir, 'mine/notes.txt'), 'mine');
    const before = tree(dir);
    for (const [out, message] of [['.', /current directory/], ['shard-1', /input folder/], ['site', /git work tree/], ['mine', /holds 1 file noticekit did not write/]] as const) {
      const result = await cli(['merge-manifests', 'shard-1', '--out', out], dir);
      expect(result.code, out).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    expect([...tree(dir).keys()].sort()).toEqual([...before.keys()].sort());
    expect((await cli(['merge-manifests', 'shard-1', '--out', 'public'], dir)).code).toBe(0);
    expect((await cli(['merge-manifests', 'shard-1', '--out', 'public'], dir)).code).toBe(0);
  });
});

describe('what killed builds leave behind', () => {
  it('removes staging and parked folders of dead processes, restores a parked output, never touches a live build', async () => {
    const dir = project();
    const out = path.join(dir, 'public');
    fakeOutput(out, { 'index.html': 'current' });
    // A process that has ended: its pid is free (the kernel does not reuse it at once).
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      mkdirSync(`${out}.staging-${dead}-deadbeef`);
      writeFileSync(`${out}.staging-${dead}-deadbeef/half.md`, 'half');
      mkdirSync(`${out}.staging-${live.pid}-cafebabe`);
      mkdirSync(`${out}.old-${dead}-00000000`);
      const done = await clearLeftovers(out);
      expect(done.sort()).toEqual([`removed public.old-${dead}-00000000`, `removed public.staging-${dead}-deadbeef`]);
      expect(existsSync(`${out}.staging-${live.pid}-cafebabe`)).toBe(true);
      expect(tree(out).get('index.html')!.toString()).toBe('current');

      // Killed between its two renames: the output is missing and parked; it comes back.
      rmSync(`${out}.staging-${live.pid}-cafebabe`, { recursive: true });
      cpSync(out, `${out}.old-${dead}-11111111`, { recursive: true });
      rmSync(out, { recursive: true });
      expect(await clearLeftovers(out)).toEqual([`restored public.old-${dead}-11111111`]);
      expect(tree(out).get('index.html')!.toString()).toBe('current');
      // And the next build replaces it as usual.
      expect((await build(dir, 'public')).code).toBe(0);
      expect(readdirSync(dir).filter((n) => n.startsWith('public.'))).toEqual([]);
    } finally {
      live.kill();
    }
  });

  it('two builds of the same folder at once both end cleanly, and the output is one whole build', async () => {
    const dir = project();
    cpSync(path.join(ROOT, 'notices/kaspersky-technical-support.yaml'), path.join(dir, 'notices/k.yaml'));
    const bin = path.join(ROOT, 'dist/cli/bin.js');
    const one = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [bin, 'build', 'notices', '--out', 'public', '--formats', 'md,html', '--no-cache'], { cwd: dir, stdio: 'ignore', env: { ...process.env, CI: 'true' } });
        child.on('exit', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([one(), one()])).toEqual([0, 0]);
    const files = tree(path.join(dir, 'public'));
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { generator: string; files: { path: string }[] };
    expect(manifest.generator).toBe('noticekit');
    expect(manifest.files.map((f) => f.path).sort()).toEqual([...files.keys()].filter((f) => f !== 'manifest.json').sort());
    expect(readdirSync(dir).filter((n) => n.startsWith('public.'))).toEqual([]);
  });
});
