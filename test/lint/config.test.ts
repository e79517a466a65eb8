/**
 * Configuration (noticekit.config.yaml / .json, searched upwards; --config) and suppression comments.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLintConfig, LintConfigError } from '../../src/lint/index.js';
import type { JsonFinding } from '../../src/lint/index.js';
import { cli, lintFile, TODAY } from './util-cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/lint/', import.meta.url));

let repo: string;
beforeEach(() => {
  // A throw-away repository: `.git` bounds the upward search for a configuration.
  repo = mkdtempSync(path.join(tmpdir(), 'noticekit-lint-'));
  mkdirSync(path.join(repo, '.git'));
  mkdirSync(path.join(repo, 'notices', 'de'), { recursive: true });
  copyFileSync(`${FIXTURES}retention-vague/fail.yaml`, path.join(repo, 'notices', 'de', 'notice.yaml'));
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

const lint = async (...extra: string[]) => {
  const r = await cli(['lint', 'notices/de/notice.yaml', '--format', 'json', '--date', TODAY, ...extra], repo);
  return { code: r.code, stderr: r.stderr, findings: r.code === 2 ? [] : (JSON.parse(r.stdout) as JsonFinding[]) };
};

describe('lint configuration', () => {
  it('uses the default severity without a configuration', async () => {
    const r = await lint();
    expect(r.code).toBe(0);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['retention-vague', 'warning']]);
    expect((await lint('--strict')).code).toBe(1);
  });

  it('finds noticekit.config.yaml at the repository root and raises a warning to an error', async () => {
    writeFileSync(path.join(repo, 'noticekit.config.yaml'), 'rules:\n  retention-vague: error\n');
    const r = await lint();
    expect(r.code).toBe(1);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['retention-vague', 'error']]);
  });

  it('turns a rule off, also from noticekit.config.json, and the nearest file wins', async () => {
    writeFileSync(path.join(repo, 'noticekit.config.yaml'), 'rules:\n  retention-vague: error\n');
    writeFileSync(path.join(repo, 'notices', 'noticekit.config.json'), '{ "rules": { "retention-vague": "off" } }\n');
    const r = await lint();
    expect(r.code).toBe(0);
    expect(r.findings).toEqual([]);
  });

  it('does not look above the repository root', async () => {
    const inner = path.join(repo, 'inner');
    mkdirSync(path.join(inner, '.git'), { recursive: true });
    mkdirSync(path.join(inner, 'notices', 'de'), { recursive: true });
    copyFileSync(`${FIXTURES}retention-vague/fail.yaml`, path.join(inner, 'notices', 'de', 'notice.yaml'));
    writeFileSync(path.join(repo, 'noticekit.config.yaml'), 'rules:\n  retention-vague: off\n');
    const r = await cli(['lint', 'notices/de/notice.yaml', '--format', 'json', '--date', TODAY], inner);
    expect((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.rule)).toEqual(['retention-vague']);
  });

  it('--config names the file and overrides the search', async () => {
    writeFileSync(path.join(repo, 'noticekit.config.yaml'), 'rules:\n  retention-vague: error\n');
    writeFileSync(path.join(repo, 'ci.yaml'), 'rules:\n  retention-vague: info\n');
    const r = await lint('--config', 'ci.yaml', '--strict');
    expect(r.code).toBe(0);
    expect(r.findings.map((f) => f.severity)).toEqual(['info']);
  });

  it('rejects an unknown rule or setting as a usage error (exit 2) with a hint', async () => {
    writeFileSync(path.join(repo, 'noticekit.config.yaml'), 'rules:\n  retention-vauge: off\n');
    const r = await lint();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown rule 'retention-vauge'. Did you mean 'retention-vague'?");
    expect((await lint('--config', 'missing.yaml')).code).toBe(2);
    expect(() => parseLintConfig('rules:\n  retention-vague: loud\n')).toThrow(LintConfigError);
    expect(() => parseLintConfig('extends: recommended\n')).toThrow(/unknown key 'extends'/);
    expect(parseLintConfig('').rules).toEqual({});
  });
});

describe('suppression comments', () => {
  const write = (name: string, text: string) => {
    const file = path.join(repo, name);
    writeFileSync(file, text);
    return file;
  };
  const vague = readFileSync(`${FIXTURES}retention-vague/fail.yaml`, 'utf8');
  const criteria = '      criteria:\n';

  it('a comment with a reason hides the finding on the next line', async () => {
    expect(await lintFile(`${FIXTURES}invalid-suppression/pass.yaml`)).toEqual([]);
  });

  it('a comment without a reason suppresses nothing and is itself an error', async () => {
    const found = await lintFile(`${FIXTURES}invalid-suppression/fail.yaml`);
    expect(found.map((d) => [d.code, d.severity])).toEqual([
      ['invalid-suppression', 'error'],
      ['retention-vague', 'warning'],
    ]);
  });

  it('a comment naming an unknown rule is reported', async () => {
    const file = write('unknown.yaml', vague.replace(criteria, `${criteria}        # noticekit-disable-next-line retention-vauge -- typo\n`));
    const found = await lintFile(file);
    expect(found.map((d) => d.code)).toEqual(['invalid-suppression', 'retention-vague']);
    expect(found[0]!.message).toContain("unknown rule 'retention-vauge'");
  });

  it('an unused comment is reported, except for a rule turned off', async () => {
    const found = await lintFile(`${FIXTURES}unused-suppression/fail.yaml`);
    const lines = readFileSync(`${FIXTURES}unused-suppression/fail.yaml`, 'utf8').split('\n');
    const comment = lines.findIndex((l) => l.includes('noticekit-disable-next-line')) + 1;
    expect(found.map((d) => [d.code, d.line, d.column])).toEqual([['unused-suppression', comment, 3]]);
    const off = await lintFile(`${FIXTURES}unused-suppression/fail.yaml`, { config: { rules: { 'purpose-vague': 'off' } } });
    expect(off).toEqual([]);
  });

  it('stacked comments each apply to the next line that is not a comment', async () => {
    const file = write(
      'stacked.yaml',
      vague.replace(criteria, `${criteria}        # noticekit-disable-next-line retention-vague -- set by contract\n        # noticekit-disable-next-line check-regularly, purpose-vague -- reviewed\n`),
    );
    const found = await lintFile(file);
    expect(found.map((d) => [d.code, d.message.includes("'check-regularly'") || d.message.includes("'purpose-vague'")])).toEqual([
      ['unused-suppression', true],
      ['unused-suppression', true],
    ]);
  });

  it('the same words inside a block scalar are text, not a comment', async () => {
    const file = write(
      'scalar.yaml',
      vague.replace('        en: We keep your data for as long as necessary for the purposes.', '        en: |-\n          # noticekit-disable-next-line retention-vague -- not a comment\n          We keep your data for as long as necessary for the purposes.'),
    );
    expect((await lintFile(file)).map((d) => d.code)).toEqual(['retention-vague']);
  });
});
