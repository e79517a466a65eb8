/**
 * Nothing a user can type produces "internal error" or a stack trace: a few hundred random
 * argument vectors and odd paths (FIFOs, a folder named x.yaml, a symlink loop, names with
 * newlines, a notice that is a link out of the project, broken globs) thrown at every command.
 * Each must end with exit 0, 1 or 2 and a sentence on stderr.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { fakeIO } from './fake-io.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-fuzz-'));
const outside = mkdtempSync(path.join(os.tmpdir(), 'noticekit-fuzz-outside-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

// The scratch project the commands run in.
mkdirSync(path.join(dir, 'notices'));
cpSync(path.join(ROOT, 'notices/praxisportal.yaml'), path.join(dir, 'notices/praxisportal.yaml'));
cpSync(path.join(ROOT, 'notices/praxisportal.yaml'), path.join(outside, 'elsewhere.yaml'));
symlinkSync(path.join(outside, 'elsewhere.yaml'), path.join(dir, 'link-out.yaml'));
mkdirSync(path.join(dir, 'dir.yaml'));
symlinkSync(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'));
symlinkSync(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'));
mkdirSync(path.join(dir, 'loops'));
symlinkSync(path.join(dir, 'loops'), path.join(dir, 'loops/self'));
writeFileSync(path.join(dir, 'new\nline.yaml'), 'id: x\n');
writeFileSync(path.join(dir, 'empty.yaml'), '');
writeFileSync(path.join(dir, 'binary.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x01]));
execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);

const PATHS = ['notices', 'notices/praxisportal.yaml', 'link-out.yaml', 'dir.yaml', 'loop-a', 'loops', 'new\nline.yaml', 'empty.yaml', 'binary.yaml', 'fifo.yaml', 'missing.yaml', 'notices/x[.yaml', 'notices/*.yaml', '**/*.y{a,}ml', '(((', '[z-a]', '', '-', '--', '.', '..', '/', 'out'];
const FLAGS = ['--format', '--out', '--formats', '--locales', '--jobs', '--render-threads', '--paper', '--templates', '--print-timeout', '--cache-dir', '--no-cache', '--shard', '--no-color', '--quiet', '--strict', '--date', '--rules', '--config', '--from', '--to', '--fail-on', '--timestamp', '--locale', '--id', '--bogus', '-x', '--format=json', '--jobs=0', '--out='];
const VALUES = ['json', 'text', 'sarif', 'md', 'html', 'pdf', 'xml', '0', '1', '-1', '99999', 'a4', 'a3', '1/2', '3/2', 'x', 'en', 'zz', '2025-02-30', 'HEAD', 'HEAD~99', 'any', 'material', 'nope', 'status', 'mark-reviewed'];

const word = fc.oneof(fc.constantFrom(...PATHS), fc.constantFrom(...FLAGS), fc.constantFrom(...VALUES), fc.string({ maxLength: 6 }));
// PDFs are never printed: no browser can be found, which is a clean exit 1 when PDF is asked for.
const env = { PATH: '/nonexistent', CI: 'true', CHROME_PATH: '/nonexistent/chrome', HOME: dir, GIT_DIR: path.join(dir, 'no-git') };

describe('every command, random arguments', () => {
  it('exits 0, 1 or 2 with a sentence, never a stack trace or "internal error"', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS.map((c) => c.name), 'help', 'nosuch'), fc.array(word, { maxLength: 6 }), async (command, args) => {
        // Keep the scratch project whole: an out folder is only ever one of noticekit's own.
        const argv = [command, ...args.map((a) => (a === 'out' ? path.join(dir, 'out') : a))];
        const fake = fakeIO(dir, env);
        const code = await run(argv, fake.io);
        seen.add(code);
        const said = fake.stderr() + fake.stdout();
        expect([0, 1, 2], `${JSON.stringify(argv)}\n${said}`).toContain(code);
        expect(said, JSON.stringify(argv)).not.toMatch(/internal error|\n\s+at \S+ \(|ERR_[A-Z_]+/);
        if (code !== 0) expect(fake.stderr().trim().length, JSON.stringify(argv)).toBeGreaterThan(10);
      }),
      { numRuns: 300, seed: Number(process.env.NOTICEKIT_FUZZ_SEED ?? 20261202) },
    );
    expect([...seen].sort()).toEqual([0, 1, 2]);
  }, 300_000);
});
