/**
 * `noticekit lint` as a command: exit codes, output formats, GitHub annotations, help, and the
 * generated rule list in docs/lint.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRuleList, RULES, RULES_BEGIN, RULES_END, type JsonFinding } from '../../src/lint/index.js';
import { cli, TODAY } from './util-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const F = 'test/fixtures/lint';

describe('noticekit lint exit codes', () => {
  it('0 for a clean notice, with a short note on stderr and nothing on stdout', async () => {
    const r = await cli(['lint', `${F}/rights-listed/pass.yaml`], ROOT);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '1 notice: no problems\n' });
  });

  it('1 when an error is found', async () => {
    expect((await cli(['lint', `${F}/rights-listed/fail.yaml`], ROOT)).code).toBe(1);
  });

  it('0 for warnings only, 1 with --strict; infos never fail', async () => {
    expect((await cli(['lint', `${F}/purpose-vague/fail.yaml`], ROOT)).code).toBe(0);
    expect((await cli(['lint', `${F}/purpose-vague/fail.yaml`, '--strict'], ROOT)).code).toBe(1);
    expect((await cli(['lint', `${F}/translation-unreviewed/fail.yaml`, '--strict'], ROOT)).code).toBe(0);
  });

  it('1 for an invalid notice, which is reported as by validate and not linted', async () => {
    const r = await cli(['lint', `${F}/broken.yaml`, '--format', 'json'], ROOT);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout) as JsonFinding[];
    expect(found.map((f) => f.rule)).toEqual(['missing-key']);
    expect(found[0]!.clause).toBe('');
  });

  it('2 for usage errors', async () => {
    expect((await cli(['lint', `${F}/rights-listed/pass.yaml`, '--format', 'xml'], ROOT)).code).toBe(2);
    expect((await cli(['lint', `${F}/rights-listed/pass.yaml`, '--date', '28.11.2026'], ROOT)).code).toBe(2);
    expect((await cli(['lint', `${F}/no-such-file.yaml`], ROOT)).code).toBe(2);
    const r = await cli(['lint', '--frobnicate'], ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Run 'noticekit lint --help' for usage.");
  });
});

describe('noticekit lint output', () => {
  it('--format json prints {file, line, column, rule, severity, message, clause, path} on stdout', async () => {
    const r = await cli(['lint', `${F}/adequacy-statement/fail.yaml`, '--format', 'json', '--date', TODAY], ROOT);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: `${F}/adequacy-statement/fail.yaml`,
        line: 41,
        column: 17,
        endLine: 41,
        endColumn: expect.any(Number) as unknown as number,
        code: 'adequacy-statement',
        rule: 'adequacy-statement',
        severity: 'error',
        message: expect.stringContaining('2000/518/EC') as unknown as string,
        clause: 'switzerland',
        path: 'transfers.destinations[0].adequacy',
        fix: expect.stringMatching(/adequacy/) as unknown as string,
      },
    ]);
  });

  it('text goes to stderr, vfile-reporter style: position, severity, clause and message, rule, code frame, summary', async () => {
    const r = await cli(['lint', `${F}/adequacy-statement/fail.yaml`, '--date', TODAY], ROOT);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe(`${F}/adequacy-statement/fail.yaml`);
    expect(lines[1]).toMatch(/^ {2}41:17 {2}error {4}switzerland: Switzerland \(CH\) has an adequacy decision, .* {2}adequacy-statement$/);
    expect(lines[2]).toBe('    41 |       adequacy: false');
    expect(lines[3]).toBe(`${' '.repeat(4 + 5 + 16)}^`);
    expect(r.stderr.trimEnd().endsWith('✖ 1 error')).toBe(true);
  });

  it('--quiet reports only errors', async () => {
    const r = await cli(['lint', `${F}/invalid-suppression/fail.yaml`, '--quiet', '--format', 'json'], ROOT);
    expect((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.rule)).toEqual(['invalid-suppression']);
  });

  it('prints GitHub Actions annotations on stdout when GITHUB_ACTIONS=true', async () => {
    const file = `${F}/invalid-suppression/fail.yaml`;
    const r = await cli(['lint', file], ROOT, { GITHUB_ACTIONS: 'true' });
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      `::error file=${file},line=41,col=9,title=noticekit invalid-suppression::invalid-suppression-fail: This suppression comment gives no reason, so it suppresses nothing; write '# noticekit-disable-next-line <rule> -- <reason>'.`,
      expect.stringMatching(new RegExp(`^::warning file=${file},line=42,col=31,endLine=42,endColumn=55,title=noticekit retention-vague::subscription-data: Retention rule`)) as unknown as string,
    ]);
    expect(r.stderr).toContain('invalid-suppression');
    expect((await cli(['lint', file], ROOT)).stdout).toBe('');
  });

  it('escapes newlines, percent signs, colons and commas in annotations', async () => {
    const { formatGithubAnnotations } = await import('../../src/lint/index.js');
    const out = formatGithubAnnotations([{ code: 'yaml-syntax', severity: 'info', message: '50% done\nnext', file: 'a,b:c.yaml', line: 1, column: 2, path: '' }]);
    expect(out).toBe('::notice file=a%2Cb%3Ac.yaml,line=1,col=2,title=noticekit yaml-syntax::50%25 done%0Anext\n');
  });

  it('lists lint and translations in the main help, and --rules lists every rule', async () => {
    const help = await cli(['--help'], ROOT);
    expect(help.stdout).toMatch(/\n {2}lint +Check notices against GDPR/);
    expect(help.stdout).toMatch(/\n {2}translations +Show which translations need review/);
    const rules = await cli(['lint', '--rules'], ROOT);
    expect(rules.code).toBe(0);
    expect(rules.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(RULES.map((r) => r.id));
  });
});

describe('docs/lint.md', () => {
  it('has the rule list generated from the rule objects (run: npx tsc -p tsconfig.json && node scripts/gen-lint-docs.mjs)', () => {
    const doc = readFileSync(`${ROOT}docs/lint.md`, 'utf8');
    const a = doc.indexOf(RULES_BEGIN);
    const b = doc.indexOf(RULES_END);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(doc.slice(a, b + RULES_END.length + 1)).toBe(renderRuleList(RULES));
  });
});
