/**
 * The action's pull-request comment: the size guard (scripts/action/comment-body.mjs) keeps the body
 * within GitHub's 65,536 characters, cutting only between notices or `###` parts and saying what was
 * left out; the comment step (scripts/action/post-comment.mjs) fails clearly on API errors without
 * printing the token.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksOf, buildCommentBody, COMMENT_LIMIT, joinSections, MARKER } from '../../scripts/action/comment-body.mjs';
import { startFakeGithub, type FakeGithub } from './fake-github.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-comment-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const AT = 'the artifact `noticekit-diff` of https://github.example/acme/notices/actions/runs/1';
const CUT = '---\n\n**This comment is cut';

/** Offsets in the whole body where the guard may cut: after the intro and after each block of each section. */
function boundaries(intro: string, sections: { markdown: string }[]): Set<number> {
  let offset = `${MARKER}\n${intro}\n\n`.length;
  const out = new Set([offset]);
  for (const s of sections) for (const b of blocksOf(`${s.markdown.trimEnd()}\n\n`)) out.add((offset += b.length));
  return out;
}

describe('size guard', () => {
  let large: string;
  beforeAll(() => {
    // A real diff of a large notice with dozens of changes of every kind (about 17 kB of Markdown).
    const dir = path.join(scratch, 'large');
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/gen-large-notice.mjs'), '--clauses', '1000', '--out', dir], { encoding: 'utf8' });
    large = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/bin.js'), 'diff', path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml'), '--format', 'md'], { encoding: 'utf8' }).stdout;
    expect(large).toMatch(/^### Material changes/m);
  }, 60_000);

  it('a diff longer than a comment is cut between parts, within 65,536 characters, naming what was left out and where the rest is', () => {
    const sections = [1, 2, 3, 4, 5].map((n) => ({ file: `notices/n${n}.yaml`, markdown: large.replace(/^## Notice changes: .*$/m, `## Notice changes: n${n}`) }));
    const whole = `${MARKER}\n${joinSections('five notices', sections)}`;
    expect(whole.length).toBeGreaterThan(COMMENT_LIMIT);

    const { body, cut } = buildCommentBody({ intro: 'five notices', sections, fullDiffAt: AT });
    expect(cut).toBe(true);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith(MARKER)).toBe(true);
    // What is kept is the start of the whole diff, up to a block boundary.
    const kept = body.slice(0, body.indexOf(CUT));
    expect(whole.startsWith(kept)).toBe(true);
    expect(boundaries('five notices', sections).has(kept.length)).toBe(true);
    // The note names the notice that was cut and its parts, every notice left out, and where the full diff is.
    const note = body.slice(body.indexOf(CUT));
    const firstCut = sections.findIndex((s) => !kept.includes(s.markdown.trimEnd()));
    expect(firstCut).toBe(3); // three of the five 17 kB diffs fit whole
    expect(note).toContain(`from \`notices/n${firstCut + 1}.yaml\`: `);
    expect(note).toMatch(/Editorial changes \(\d+\)/);
    for (const s of sections.slice(firstCut + 1)) expect(note).toContain(`- \`${s.file}\` (all of its changes)`);
    expect(note).toContain(`The full diff is in ${AT}`);
  });

  it('a diff that fits is the whole diff, with nothing said about cutting', () => {
    const sections = [{ file: 'notices/a.yaml', markdown: large }];
    const { body, cut } = buildCommentBody({ intro: 'one notice', sections, fullDiffAt: AT });
    expect(cut).toBe(false);
    expect(body).toBe(`${MARKER}\n${joinSections('one notice', sections)}`);
    expect(body).not.toContain('cut');
  });

  it('a first part too long for any comment leaves its notice out and says so', () => {
    const huge = `## Notice changes: big\n\n### Material changes (1)\n\n${'x'.repeat(COMMENT_LIMIT)}\n`;
    const { body } = buildCommentBody({ intro: 'two', sections: [{ file: 'notices/big.yaml', markdown: huge }, { file: 'notices/small.yaml', markdown: '## Notice changes: small\n' }], fullDiffAt: AT });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain('- from `notices/big.yaml`: Material changes (1)');
    expect(body).toContain('- `notices/small.yaml` (all of its changes)');
  });

  it('any sections under any limit: within the limit, and either whole or cut at a block boundary', () => {
    const section = fc.record({
      file: fc.stringMatching(/^notices\/[a-z]{1,12}\.yaml$/),
      markdown: fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 6 }).map((sizes) => sizes.map((n, i) => `${i === 0 ? '## Notice' : `### Part ${i}`}\n${'y'.repeat(n)}\n`).join('')),
    });
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 40 }), fc.integer({ min: 400, max: 40_000 }), (sections, limit) => {
        const { body, cut } = buildCommentBody({ intro: 'intro', sections, fullDiffAt: AT, limit });
        const whole = `${MARKER}\n${joinSections('intro', sections)}`;
        expect(body.length).toBeLessThanOrEqual(limit);
        if (!cut) {
          expect(body).toBe(whole);
          return;
        }
        const kept = body.includes(CUT) ? body.slice(0, body.indexOf(CUT)) : '';
        expect(whole.startsWith(kept)).toBe(true);
        if (kept !== '') expect(boundaries('intro', sections).has(kept.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the comment step', () => {
  const REPO = 'acme/notices';
  const TOKEN = 'ghs_secrettoken_abcdefghijklmnopqrstuvwxyz';
  let fake: FakeGithub;
  const body = path.join(scratch, 'comment.md');
  const event = path.join(scratch, 'event.json');
  beforeAll(async () => {
    fake = await startFakeGithub({ repo: REPO, token: TOKEN });
    writeFileSync(body, `${MARKER}\n**noticekit**: 1 changed notice\n`);
    writeFileSync(event, JSON.stringify({ pull_request: { number: 9, head: { repo: { full_name: REPO } } } }));
  });
  afterAll(() => fake.close());

  async function post(env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    const script = path.join(ROOT, 'scripts/action/post-comment.mjs');
    const all = { PATH: process.env.PATH!, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: REPO, GITHUB_EVENT_PATH: event, COMMENT_FILE: body, CHANGED: '1', ...env };
    try {
      const r = await promisify(execFile)(process.execPath, [script], { env: all });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('a refusal from the API: exit 1, the status, the server\'s message and what permission to grant; never the token', async () => {
    fake.failWith = { status: 403, body: { message: `Resource not accessible by integration (token ${TOKEN})` } };
    try {
      const r = await post();
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^::error title=noticekit comment::GET .*\/repos\/acme\/notices\/issues\/9\/comments answered 403 Forbidden: Resource not accessible by integration/);
      expect(r.stderr).toContain("'permissions: pull-requests: write'");
      expect(r.stdout + r.stderr).not.toContain(TOKEN);
      expect(fake.comments.get(9)).toBeUndefined();
    } finally {
      delete fake.failWith;
    }
  });

  it('a wrong token: exit 1 with 401, the token not printed', async () => {
    const r = await post({ GITHUB_TOKEN: 'ghs_wrong_token_0000' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('answered 401');
    expect(r.stdout + r.stderr).not.toContain('ghs_wrong_token_0000');
  });

  it('an API that cannot be reached: exit 1 saying so', async () => {
    // A port nothing listens on: one the system just gave out and took back.
    const closed = await startFakeGithub({ repo: REPO, token: TOKEN });
    await closed.close();
    const r = await post({ GITHUB_API_URL: closed.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach the GitHub API \(ECONNREFUSED/);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  it('a pull request from a fork: a warning, no API call, exit 0', async () => {
    const fork = path.join(scratch, 'fork.json');
    writeFileSync(fork, JSON.stringify({ pull_request: { number: 9, head: { repo: { full_name: 'someone/notices' } } } }));
    const before = fake.requests.length;
    const r = await post({ GITHUB_EVENT_PATH: fork });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::warning .*fork someone\/notices/);
    expect(fake.requests.length).toBe(before);
  });

  it('nothing changed and no earlier comment: nothing posted; with an earlier comment: it is updated', async () => {
    expect((await post({ CHANGED: '0' })).code).toBe(0);
    expect(fake.comments.get(9)).toBeUndefined();
    expect((await post()).code).toBe(0);
    writeFileSync(body, `${MARKER}\n**noticekit**: no notice file changed\n`);
    expect((await post({ CHANGED: '0' })).code).toBe(0);
    expect(fake.comments.get(9)!.map((c) => c.body)).toEqual([readFileSync(body, 'utf8')]);
  });
});
