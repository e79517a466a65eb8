/**
 * The user's notice is written atomically: `translations mark-reviewed` goes through
 * writeFileAtomic (temporary file beside it, then a rename), keeps the file's mode, writes
 * through a link to the file it points at, and a failure mid-write leaves the old file whole.
 */
import { chmodSync, cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/index.js';
import { writeFileAtomic } from '../src/util-fs.js';
import { fakeIO } from './cli/fake-io.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('leaves the old file whole and no temporary file when the write fails half-way', async () => {
    const file = path.join(dir, 'notice.yaml');
    cpSync(path.join(ROOT, 'notices/praxisportal.yaml'), file);
    const before = readFileSync(file);
    const failing = async (tmp: string, data: Buffer | string) => {
      await writeFile(tmp, String(data).slice(0, 100));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    await expect(writeFileAtomic(file, 'new text that never lands\n'.repeat(100), { write: failing, keepMode: true, durable: true })).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['notice.yaml']);
  });

  it('with noReplace, refuses an existing file (EEXIST), leaves it whole and no temporary file; writes a new one', async () => {
    const sub = mkdtempSync(path.join(dir, 'no-replace-'));
    const file = path.join(sub, 'kept.yaml');
    await writeFileAtomic(file, 'old: 1\n', { noReplace: true });
    expect(readFileSync(file, 'utf8')).toBe('old: 1\n');
    await expect(writeFileAtomic(file, 'new: 2\n', { noReplace: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(file, 'utf8')).toBe('old: 1\n');
    expect(readdirSync(sub)).toEqual(['kept.yaml']);
  });

  it('keeps the mode of the file it replaces', async () => {
    const file = path.join(dir, 'mode.yaml');
    cpSync(path.join(ROOT, 'notices/praxisportal.yaml'), file);
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'x: 1\n', { keepMode: true, durable: true });
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readFileSync(file, 'utf8')).toBe('x: 1\n');
  });
});

describe('translations mark-reviewed', () => {
  it('replaces the notice atomically, keeping its mode, and a link stays a link', async () => {
    const real = path.join(dir, 'real.yaml');
    cpSync(path.join(ROOT, 'notices/praxisportal.yaml'), real);
    chmodSync(real, 0o600);
    const link = path.join(dir, 'link.yaml');
    symlinkSync(real, link);
    const fake = fakeIO(dir, {});
    expect(await run(['translations', 'mark-reviewed', 'link.yaml'], fake.io), fake.stderr()).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toMatch(/translationReviews:/);
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
