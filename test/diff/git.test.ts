/**
 * Git mode (`diff FILE --from REV [--to REV]`) and `history` against a temporary repository
 * created here: two commits of the praxisportal notice, then a rename.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import type { NoticeHistory } from '../../src/diff/index.js';
import { fakeIO, PRAXIS_V1, PRAXIS_V2 } from './helpers.js';

const repo = mkdtempSync(path.join(tmpdir(), 'noticekit-git-'));
const outside = mkdtempSync(path.join(tmpdir(), 'noticekit-nogit-'));
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: '2026-01-15T10:00:00Z', GIT_COMMITTER_DATE: '2026-01-15T10:00:00Z' };
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, env, encoding: 'utf8' });

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  mkdirSync(path.join(repo, 'notices'));
  copyFileSync(PRAXIS_V1, path.join(repo, 'notices/praxis.yaml'));
  git('add', '.');
  git('commit', '-q', '-m', 'Notice 1.0');
  copyFileSync(PRAXIS_V2, path.join(repo, 'notices/praxis.yaml'));
  git('commit', '-q', '-am', 'Notice 2.0: video consultations');
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('noticekit diff --from', () => {
  it('compares a revision with the working tree', async () => {
    const io = fakeIO(repo);
    expect(await run(['diff', 'notices/praxis.yaml', '--from', 'HEAD~1', '--format', 'json'], io)).toBe(1);
    const json = JSON.parse(io.out());
    expect(json.from).toMatchObject({ file: 'HEAD~1:notices/praxis.yaml', version: '1.0', rev: 'HEAD~1' });
    expect(json.to).toMatchObject({ file: 'notices/praxis.yaml', version: '2.0' });
    expect(json.from.sha256).toBe(execFileSync('sha256sum', [PRAXIS_V1], { encoding: 'utf8' }).split(' ')[0]);
    expect(json.summary.material).toBe(13);
  });

  it('compares two revisions', async () => {
    const io = fakeIO(repo);
    expect(await run(['diff', 'notices/praxis.yaml', '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'json'], io)).toBe(1);
    expect(JSON.parse(io.out()).to.file).toBe('HEAD:notices/praxis.yaml');
  });

  it('exits 0 when the working tree matches the revision', async () => {
    expect(await run(['diff', 'notices/praxis.yaml', '--from', 'HEAD'], fakeIO(repo))).toBe(0);
  });

  it('resolves the path from a subfolder', async () => {
    const io = fakeIO(path.join(repo, 'notices'));
    expect(await run(['diff', 'praxis.yaml', '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'json'], io)).toBe(1);
    expect(JSON.parse(io.out()).from.file).toBe('HEAD~1:notices/praxis.yaml');
  });

  it('sees uncommitted edits in the working tree', async () => {
    const file = path.join(repo, 'notices/praxis.yaml');
    const committed = readFileSync(file, 'utf8');
    writeFileSync(file, committed.replace('period: P2Y', 'period: P3Y'));
    try {
      const io = fakeIO(repo);
      expect(await run(['diff', 'notices/praxis.yaml', '--from', 'HEAD', '--fail-on', 'material'], io)).toBe(1);
      expect(io.out()).toContain('extended from P2Y to P3Y');
    } finally {
      writeFileSync(file, committed);
    }
  });

  it('exits 2 for an unknown revision, an option-like revision, or a file outside git', async () => {
    const unknown = fakeIO(repo);
    expect(await run(['diff', 'notices/praxis.yaml', '--from', 'no-such-rev'], unknown)).toBe(2);
    expect(unknown.err()).toContain('no-such-rev');
    const optionLike = fakeIO(repo);
    expect(await run(['diff', 'notices/praxis.yaml', '--from=--output=/tmp/x'], optionLike)).toBe(2);
    expect(optionLike.err()).toContain('not a git revision');
    copyFileSync(PRAXIS_V1, path.join(outside, 'n.yaml'));
    const noRepo = fakeIO(outside);
    expect(await run(['diff', 'n.yaml', '--from', 'HEAD'], noRepo)).toBe(2);
    expect(noRepo.err()).toContain('not inside a git repository');
  });

  it('exits 2 with diagnostics when the revision holds an invalid notice', async () => {
    const file = path.join(repo, 'notices/broken.yaml');
    writeFileSync(file, 'id: broken\nversion: "1"\n');
    git('add', 'notices/broken.yaml');
    git('commit', '-q', '-m', 'broken');
    const io = fakeIO(repo);
    expect(await run(['diff', 'notices/broken.yaml', '--from', 'HEAD'], io)).toBe(2);
    expect(io.err()).toContain('HEAD:notices/broken.yaml');
    expect(io.err()).toContain('missing-key');
    git('rm', '-q', 'notices/broken.yaml');
    git('commit', '-q', '-m', 'remove broken');
  });
});

describe('noticekit history', () => {
  it('lists every committed version oldest first, with material changes (json)', async () => {
    const io = fakeIO(repo);
    expect(await run(['history', 'notices/praxis.yaml', '--format', 'json'], io)).toBe(0);
    const history = JSON.parse(io.out()) as NoticeHistory;
    expect(history.file).toBe('notices/praxis.yaml');
    expect(history.entries.map((e) => e.version)).toEqual(['1.0', '2.0']);
    expect(history.entries.map((e) => e.effectiveDate)).toEqual(['2025-03-01', '2026-01-15']);
    expect(history.entries[0]!.comparedWith).toBeUndefined();
    const second = history.entries[1]!;
    expect(second.subject).toBe('Notice 2.0: video consultations');
    expect(second.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(second.date).toBe('2026-01-15T10:00:00+00:00');
    expect(second.comparedWith).toBe(history.entries[0]!.commit);
    expect(second.material).toBe(13);
    expect(second.materialChanges!.map((c) => c.rule)).toContain('new-purpose');
  });

  it('follows a rename (git log --follow)', async () => {
    git('mv', 'notices/praxis.yaml', 'notices/praxisportal.yaml');
    git('commit', '-q', '-m', 'Rename the notice file');
    const io = fakeIO(repo);
    expect(await run(['history', 'notices/praxisportal.yaml', '--format', 'json'], io)).toBe(0);
    const history = JSON.parse(io.out()) as NoticeHistory;
    expect(history.entries.map((e) => e.rel)).toEqual(['notices/praxis.yaml', 'notices/praxis.yaml', 'notices/praxisportal.yaml']);
    expect(history.entries[2]).toMatchObject({ valid: true, material: 0, editorial: 0 });
  });

  it('prints text and markdown timelines', async () => {
    const text = fakeIO(repo);
    expect(await run(['history', 'notices/praxisportal.yaml'], text)).toBe(0);
    expect(text.out()).toContain('version 2.0  effective 2026-01-15  13 material');
    expect(text.out()).toMatch(/! purposes\/video-consultation {2}added {2}new-purpose/);
    const md = fakeIO(repo);
    expect(await run(['history', 'notices/praxisportal.yaml', '--format', 'md'], md)).toBe(0);
    expect(md.out().split('\n').filter((l) => l.startsWith('| `')).length).toBe(3);
  });

  it('exits 2 outside git, for an uncommitted file, and on usage errors', async () => {
    copyFileSync(PRAXIS_V1, path.join(outside, 'n.yaml'));
    expect(await run(['history', 'n.yaml'], fakeIO(outside))).toBe(2);
    writeFileSync(path.join(repo, 'notices/new.yaml'), 'id: x\n');
    const io = fakeIO(repo);
    expect(await run(['history', 'notices/new.yaml'], io)).toBe(2);
    expect(io.err()).toContain('no committed versions');
    expect(await run(['history'], fakeIO(repo))).toBe(2);
    expect(await run(['history', 'a.yaml', '--format', 'html'], fakeIO(repo))).toBe(2);
  });
});
