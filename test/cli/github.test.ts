/**
 * GitHub Actions: validate and build print workflow annotations as lint does (GITHUB_ACTIONS=true),
 * and validate, lint, build and diff append a short table to $GITHUB_STEP_SUMMARY when it is set.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, TODAY } from '../lint/util-cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const INVALID = 'test/fixtures/validate/invalid/email.yaml';
const TYPO = 'test/fixtures/validate/invalid/unknown-key-typo.yaml';
const VALID = 'test/fixtures/lint/rights-listed/pass.yaml';
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-github-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh summary file, already holding an earlier step's text (the runner appends). */
function summaryFile(name: string): string {
  const file = path.join(scratch, `${name}.md`);
  writeFileSync(file, 'earlier step\n');
  return file;
}

/** The `| label | value |` rows of a summary, as a map. */
function rows(markdown: string): Map<string, string> {
  return new Map([...markdown.matchAll(/^\| ([^|]+?) \| ([^|]+?) \|$/gm)].filter((m) => m[1] !== '---').map((m) => [m[1]!, m[2]!]));
}

describe('annotations', () => {
  it('validate prints one ::error per problem on stdout under GitHub Actions, with position and suggestion', async () => {
    const r = await cli(['validate', INVALID, TYPO], ROOT, { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^::error file=${INVALID.replace(/\./g, '\\.')},line=77,col=12,endLine=77,endColumn=32,title=noticekit invalid-email::representative\\.contact\\.email must be`)));
    expect(lines.find((l) => l.includes('title=noticekit unknown-key'))).toMatch(/Did you mean 'title'\?/);
    // The text report still goes to stderr.
    expect(r.stderr).toContain('invalid-email');
  });

  it('validate prints no annotations outside GitHub Actions, nor with --format json', async () => {
    expect((await cli(['validate', INVALID], ROOT)).stdout).toBe('');
    const json = await cli(['validate', INVALID, '--format', 'json'], ROOT, { GITHUB_ACTIONS: 'true' });
    expect(() => JSON.parse(json.stdout) as unknown).not.toThrow();
  });

  it('build prints annotations for the problems that stop it', async () => {
    const out = path.join(scratch, 'site');
    const r = await cli(['build', INVALID, '--out', out, '--formats', 'md'], ROOT, { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=test\/fixtures\/validate\/invalid\/email\.yaml,line=77,col=12,/m);
  });
});

describe('job summary', () => {
  it('validate appends notices, valid notices and problems by severity', async () => {
    const file = summaryFile('validate');
    expect((await cli(['validate', INVALID, VALID], ROOT, { GITHUB_STEP_SUMMARY: file })).code).toBe(1);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('earlier step\n### noticekit validate\n')).toBe(true);
    expect(Object.fromEntries(rows(text))).toEqual({ notices: '2', valid: '1', errors: '1', warnings: '0', infos: '0' });
  });

  it('lint appends notices, linted notices and findings by severity', async () => {
    const file = summaryFile('lint');
    const r = await cli(['lint', 'test/fixtures/lint/retention-vague/fail.yaml', '--date', TODAY, '--format', 'json'], ROOT, { GITHUB_STEP_SUMMARY: file });
    const findings = JSON.parse(r.stdout) as { severity: string }[];
    const table = rows(readFileSync(file, 'utf8'));
    expect(table.get('notices')).toBe('1');
    expect(table.get('linted (valid)')).toBe('1');
    expect(Number(table.get('warnings'))).toBe(findings.filter((f) => f.severity === 'warning').length);
    expect(Number(table.get('warnings')) + Number(table.get('errors'))).toBeGreaterThan(0);
  });

  it('build appends notices and documents', async () => {
    const file = summaryFile('build');
    const out = path.join(scratch, 'built');
    const r = await cli(['build', VALID, '--out', out, '--formats', 'md'], ROOT, { GITHUB_STEP_SUMMARY: file });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('### noticekit build\n');
    const table = rows(text);
    expect(table.get('notices')).toBe('1');
    expect(Number(table.get('documents'))).toBeGreaterThan(0);
    expect(table.get('errors')).toBe('0');
  });

  it('diff appends the number of material changes', async () => {
    const file = summaryFile('diff');
    const r = await cli(['diff', 'test/fixtures/lint/rights-listed/pass.yaml', 'test/fixtures/lint/rights-listed/fail.yaml', '--format', 'json'], ROOT, { GITHUB_STEP_SUMMARY: file });
    const diff = JSON.parse(r.stdout) as { summary: { material: number } };
    const table = rows(readFileSync(file, 'utf8'));
    expect(Number(table.get('material changes'))).toBe(diff.summary.material);
    expect(Number(table.get('changes'))).toBeGreaterThan(0);
  });

  it('a summary file that cannot be written is a warning, not a failure', async () => {
    const r = await cli(['validate', VALID], ROOT, { GITHUB_STEP_SUMMARY: path.join(scratch, 'missing-dir', 'x.md') });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: cannot write the job summary/);
  });
});
