/**
 * `noticekit import` through `run(argv, io)`: stdout or --out, never replacing a file without
 * --force, atomic writes (no temporary file left), --stats, help and usage errors.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { loadNotice } from '../../src/load/read-notice.js';
import { validateNotice } from '../../src/validate/index.js';
import { fakeIO } from './fake-io.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE = path.join(ROOT, 'test/fixtures/import/donkey-republic/source.md');
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-import-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function cli(args: string[], cwd = scratch) {
  const fake = fakeIO(cwd);
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('noticekit import', () => {
  it('writes a valid draft to stdout and reports on stderr', async () => {
    const { code, stdout, stderr } = await cli(['import', SOURCE, '--id', 'donkey', '--stats']);
    expect(code).toBe(0);
    const checked = validateNotice(loadNotice(stdout, 'donkey.yaml'));
    expect(checked.notice?.id).toBe('donkey');
    expect(stderr).toMatch(/The draft validates/);
    expect(stderr).toMatch(/^sentences reproduced: (\d+)\/\1 \(100\.0 %\)$/m);
    expect(stderr).toMatch(/^facts held structured: \d+\/\d+/m);
  });

  it('--out writes atomically and never replaces an existing file without --force', async () => {
    const out = path.join(scratch, 'notices', 'donkey.yaml');
    expect((await cli(['import', SOURCE, '--out', 'notices/donkey.yaml'])).code).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect(first).toMatch(/^id: source$/m);
    writeFileSync(out, 'mine\n');
    const again = await cli(['import', SOURCE, '--out', 'notices/donkey.yaml']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists; use --force/);
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    expect((await cli(['import', SOURCE, '--out', 'notices/donkey.yaml', '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
    expect(readdirSync(path.dirname(out))).toEqual(['donkey.yaml']);
  });

  it('names what is missing when the draft cannot validate yet', async () => {
    const src = path.join(scratch, 'bare.md');
    writeFileSync(src, '# Privacy notice\n\nWe care about your privacy.\n');
    const { code, stdout, stderr } = await cli(['import', 'bare.md']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/does not validate yet/);
    expect(stdout).toMatch(/# TODO: no purpose with a GDPR legal basis was found/);
    expect(stdout).toContain('We care about your privacy.');
  });

  it.each([
    [['import'], 'Name the file'],
    [['import', 'a.md', 'b.md'], 'one file'],
    [['import', 'notice.pdf'], 'not a .md, .html or .docx'],
    [['import', SOURCE, '--locale', 'fr'], "--locale must be en, de or lv, not 'fr'"],
    [['import', SOURCE, '--id', 'Bad Id'], '--id must be'],
    [['import', SOURCE, '--bogus'], '--bogus'],
  ])('usage error %j exits 2', async (args, message) => {
    const { code, stderr } = await cli(args as string[]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('a missing file or a broken .docx exits 1 with a message, not a stack trace', async () => {
    const missing = await cli(['import', 'nowhere.md']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read nowhere\.md: no such file/);
    writeFileSync(path.join(scratch, 'broken.docx'), 'not a zip');
    const broken = await cli(['import', 'broken.docx']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/cannot read broken\.docx as a Word document/);
    expect(broken.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(path.join(scratch, 'broken.yaml'))).toBe(false);
  });

  it('--help', async () => {
    const { code, stdout } = await cli(['import', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: noticekit import FILE/);
  });
});
