/**
 * The action's diff step (scripts/action/pr-diff.mjs) on its own, for what the end-to-end run does
 * not reach: a glob operand, a base version that is not a valid notice, files outside the notices,
 * and a checkout without the base commit.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutputs } from './composite.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PRAXIS = readFileSync(path.join(ROOT, 'notices/praxisportal.yaml'), 'utf8');
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-pr-diff-'));
const work = path.join(scratch, 'repo');
let base: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: work, encoding: 'utf8' }).trim();
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
  writeFileSync(path.join(work, file), text);
};

async function prDiff(baseSha: string, notices: string): Promise<{ code: number; stderr: string; outputs: Record<string, string>; comment: string }> {
  const n = Math.random().toString(36).slice(2);
  const event = path.join(scratch, `event-${n}.json`);
  const output = path.join(scratch, `output-${n}`);
  writeFileSync(event, JSON.stringify({ pull_request: { number: 3, base: { sha: baseSha, ref: 'main' } } }));
  writeFileSync(output, '');
  const env = { PATH: process.env.PATH!, NOTICES: notices, DIFF_DIR: path.join(scratch, `diff-${n}`), GITHUB_EVENT_PATH: event, GITHUB_OUTPUT: output };
  let code = 0;
  let stderr = '';
  try {
    stderr = (await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/action/pr-diff.mjs')], { cwd: work, env })).stderr;
  } catch (error) {
    ({ code, stderr } = error as { code: number; stderr: string });
  }
  const outputs = parseOutputs(readFileSync(output, 'utf8'));
  return { code, stderr, outputs, comment: outputs['comment-file'] ? readFileSync(outputs['comment-file'], 'utf8') : '' };
}

beforeAll(() => {
  mkdirSync(work);
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ci@example.org');
  git('config', 'user.name', 'CI');
  write('notices/broken.yaml', PRAXIS.replace('effectiveDate: "2025-03-01"', 'effectiveDate: "last spring"'));
  write('notices/old.yaml', PRAXIS.replace(/^id: praxisportal$/m, 'id: old'));
  write('docs/example.yaml', 'not: a notice\n');
  git('add', '.');
  git('commit', '-qm', 'base');
  base = git('rev-parse', 'HEAD');
  write('notices/broken.yaml', PRAXIS);
  git('rm', '-q', 'notices/old.yaml', 'docs/example.yaml');
  git('commit', '-qam', 'fix one notice, retire another, drop an example');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the diff step', () => {
  it('with a glob: the fixed notice cannot be compared (its base is invalid) and says why; the deleted notice is listed, the deleted example is not', async () => {
    const r = await prDiff(base, 'notices/*.yaml');
    expect(r.code).toBe(0);
    expect(r.outputs.changed).toBe('2');
    expect(r.comment).toContain('## Cannot compare `notices/broken.yaml`');
    expect(r.comment).toMatch(/not a valid notice; fix it first/);
    expect(r.comment).toContain('## Removed notice: `notices/old.yaml`');
    expect(r.comment).not.toContain('docs/example.yaml');
  });

  it('a base commit missing from the checkout (a shallow clone): exit 1, naming fetch-depth', async () => {
    const r = await prDiff('0123456789abcdef0123456789abcdef01234567', 'notices');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^::error title=noticekit diff::The base commit 0123456789abcdef0123456789abcdef01234567 is not in the checkout; .*'fetch-depth: 0'/m);
    expect(r.outputs).toEqual({});
  });
});
