/**
 * readBlobs: the file at many commits from one `git cat-file --batch`, in a real repository made
 * here. Each name gets its own answer, in order: the exact bytes of a blob (binary, empty, the same
 * blob twice), too-large past the limit (not read), missing, and `other` for what `git show` must
 * answer (a folder, a name with a line break).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBlobs } from '../../src/diff/read-blobs.js';
import { GitError } from '../../src/diff/index.js';

const repo = mkdtempSync(path.join(tmpdir(), 'noticekit-blobs-'));
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, env, encoding: 'utf8' }).trim();
// Every byte value, a LF at the end and none: the reader must not split or trim anything.
const BINARY = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256));
let first: string;
let second: string;

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  mkdirSync(path.join(repo, 'notices'));
  writeFileSync(path.join(repo, 'notices/a.yaml'), 'id: a\n');
  writeFileSync(path.join(repo, 'notices/bin'), BINARY);
  writeFileSync(path.join(repo, 'notices/empty'), '');
  git('add', '.');
  git('commit', '-q', '-m', 'one');
  first = git('rev-parse', 'HEAD');
  writeFileSync(path.join(repo, 'notices/a.yaml'), 'id: a\nversion: 2');
  writeFileSync(path.join(repo, 'notices/big'), 'x'.repeat(100));
  git('add', '.');
  git('commit', '-q', '-m', 'two');
  second = git('rev-parse', 'HEAD');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('readBlobs', () => {
  it('answers every name in order with what it names', async () => {
    const names = [`${first}:notices/a.yaml`, `${second}:notices/a.yaml`, `${first}:notices/bin`, `${first}:notices/empty`, `${first}:notices/big`, `${second}:notices/big`, `${first}:notices`, `${first}:notices/a.yaml`, `${first}:notices/a\nb.yaml`];
    const got = await readBlobs(repo, names, 99);
    expect(got).toEqual([
      { kind: 'blob', bytes: Buffer.from('id: a\n') },
      { kind: 'blob', bytes: Buffer.from('id: a\nversion: 2') },
      { kind: 'too-large' }, // 512 bytes > 99
      { kind: 'blob', bytes: Buffer.alloc(0) },
      { kind: 'missing' },
      { kind: 'too-large' },
      { kind: 'other' }, // a folder
      { kind: 'blob', bytes: Buffer.from('id: a\n') },
      { kind: 'other' }, // a batch cannot carry the line break
    ]);
    const [binary] = await readBlobs(repo, [`${first}:notices/bin`], BINARY.length);
    expect(binary).toEqual({ kind: 'blob', bytes: BINARY });
  });

  it('reads nothing for no names, and says when git cannot run there', async () => {
    expect(await readBlobs(repo, [], 10)).toEqual([]);
    await expect(readBlobs(path.join(repo, 'no-such-folder'), [`${first}:notices/a.yaml`], 10)).rejects.toBeInstanceOf(GitError);
  });
});
