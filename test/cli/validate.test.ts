/**
 * `noticekit validate` through `run(argv, io)`: exit status 0/1/2, text and JSON output, operands
 * (default notices/, files, folders, globs) and help.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { run } from '../../src/cli/index.js';
import { walkNotice } from '../../src/notice/schema.js';
import { fakeIO } from './fake-io.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VALID = 'notices/kaspersky-technical-support.yaml';
const INVALID = 'test/fixtures/validate/invalid/email.yaml';
const reference = readFileSync(path.join(ROOT, VALID), 'utf8');

const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-validate-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Run `noticekit ...args` in `cwd`; returns exit code and output. */
async function cli(args: string[], cwd = ROOT) {
  const fake = fakeIO(cwd);
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('noticekit validate: exit status', () => {
  it('0 for valid notices', async () => {
    const { code, stdout, stderr } = await cli(['validate', VALID, 'test/fixtures/notices/praxisportal.v2.yaml']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('2 notices valid\n');
  });

  it('1 when a notice has errors, reported on stderr with position, code frame and summary', async () => {
    const { code, stdout, stderr } = await cli(['validate', VALID, INVALID]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(INVALID);
    expect(stderr).toMatch(/^ {2}77:12 +error .* invalid-email$/m);
    expect(stderr).toContain('77 |     email: info(at)kaspersky.de');
    expect(stderr).toMatch(/✖ 1 error\n$/);
  });

  it.each([
    ['an unknown option', ['validate', '--bogus', VALID], '--bogus'],
    ['--format xml', ['validate', '--format', 'xml', VALID], 'xml'],
    ['--format without a value', ['validate', VALID, '--format'], '--format'],
    ['a file that does not exist', ['validate', 'notices/missing.yaml'], 'notices/missing.yaml'],
    ['a glob that matches nothing', ['validate', 'notices/*.yml'], 'notices/*.yml'],
    ['an unknown command', ['validat', VALID], 'validat'],
  ])('2 for a usage error: %s', async (_, args, named) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    // The message names what was wrong and the way to help.
    expect(stderr).toContain(named);
    expect(stderr).toMatch(/--help/);
    expect(stderr).not.toMatch(/^ {4}at /m);
  });

  it('2 for a folder without notices', async () => {
    const empty = path.join(scratch, 'empty');
    mkdirSync(empty);
    const { code, stderr } = await cli(['validate', empty]);
    expect(code).toBe(2);
    expect(stderr).toContain('--help');
  });
});

describe('noticekit validate --format json', () => {
  it('prints only a JSON array of findings (the shape lint prints) to stdout', async () => {
    const { code, stdout, stderr } = await cli(['validate', '--format', 'json', VALID, INVALID]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const list = JSON.parse(stdout) as Record<string, unknown>[];
    expect(Array.isArray(list)).toBe(true);
    expect(list).toEqual([
      {
        file: INVALID,
        line: 77,
        column: 12,
        endLine: 77,
        endColumn: 32,
        code: 'invalid-email',
        rule: 'invalid-email',
        severity: 'error',
        message: expect.any(String) as unknown,
        path: 'representative.contact.email',
        clause: '',
      },
    ]);
    // One shape with lint's JSON (rule: the deprecated alias of code).
    for (const d of list) expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'code', 'rule', 'severity', 'message', 'path', 'clause']);
  });

  it('prints [] for valid notices', async () => {
    const { code, stdout, stderr } = await cli(['validate', '--format=json', VALID]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
    expect(stderr).toBe('');
  });

  it('lists warnings, which do not fail the run; --quiet leaves them out', async () => {
    const file = path.join(scratch, 'joiner.yaml');
    writeFileSync(file, reference.replace('en: Uploaded files', 'en: Uploaded\u200C files'));
    const loud = await cli(['validate', '--format', 'json', file]);
    expect(loud.code).toBe(0);
    expect((JSON.parse(loud.stdout) as { code: string; severity: string }[]).map((d) => [d.code, d.severity])).toEqual([['hidden-character', 'warning']]);
    const quiet = await cli(['validate', '--format', 'json', '--quiet', file]);
    expect(quiet.code).toBe(0);
    expect(JSON.parse(quiet.stdout)).toEqual([]);
  });
});

describe('noticekit validate operands', () => {
  it('defaults to notices/', async () => {
    const { code, stderr } = await cli(['validate']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\d+ notices valid\n$/);
  });

  it('defaults to notices/ of the working folder, and says when there is none', async () => {
    const { code, stderr } = await cli(['validate'], scratch);
    expect(code).toBe(2);
    expect(stderr).toContain("'notices'");
  });

  it('searches folders recursively for .yaml and .yml files, skipping dot-folders', async () => {
    const dir = path.join(scratch, 'tree');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    mkdirSync(path.join(dir, '.hidden'), { recursive: true });
    writeFileSync(path.join(dir, 'a.yaml'), reference);
    writeFileSync(path.join(dir, 'sub', 'b.yml'), reference.replace('gdpr: 6(1)(b)', 'gdpr: 6(1)(g)'));
    writeFileSync(path.join(dir, '.hidden', 'c.yaml'), 'broken: [');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a notice');
    const { code, stdout } = await cli(['validate', '--format', 'json', 'tree'], scratch);
    expect(code).toBe(1);
    const list = JSON.parse(stdout) as { file: string; code: string }[];
    expect(list.map((d) => [d.file, d.code])).toEqual([[path.join('tree', 'sub', 'b.yml'), 'not-allowed-value']]);
  });

  it('expands globs', async () => {
    const valid = await cli(['validate', 'test/fixtures/notices/praxisportal.v*.yaml']);
    expect(valid.code).toBe(0);
    expect(valid.stderr).toBe('2 notices valid\n');
    const invalid = await cli(['validate', '--format', 'json', 'test/fixtures/validate/invalid/{email,date}.yaml']);
    expect(invalid.code).toBe(1);
    expect((JSON.parse(invalid.stdout) as { code: string }[]).map((d) => d.code).sort()).toEqual(['invalid-date', 'invalid-email']);
  });
});

describe('help', () => {
  it('noticekit --help lists the commands and names the first one to run', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: noticekit <command>/m);
    expect(stdout).toMatch(/^ {2}validate {2,}Check notices/m);
    expect(stdout).toContain('noticekit validate notices/');
  });

  it('noticekit with no arguments prints the help on stderr and exits 2', async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: noticekit <command>/m);
  });

  it('noticekit validate --help shows its options and exit status', async () => {
    const { code, stdout } = await cli(['validate', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: noticekit validate/);
    expect(stdout).toContain('--format text|compact|json');
    expect(stdout).toContain('Exit status: 0 all valid, 1 problems found, 2 usage error.');
  });
});

describe('noticekit validate: locales and phrase packs', () => {
  /** The reference notice with every English text copied to `tag` and `tag` declared. */
  function withLocale(tag: string): string {
    const doc = YAML.parseDocument(reference);
    walkNotice(doc.toJS() as Record<string, unknown>, ({ def, path: at }) => {
      if (def === 'Text') doc.setIn([...at, tag], doc.getIn([...at, 'en']));
    });
    doc.set('locales', doc.createNode(['lv', 'en', tag], { flow: true }));
    return doc.toString();
  }

  it('reports a declared locale that no pack serves at the locale, with its position', async () => {
    const file = path.join(scratch, 'tr.yaml');
    writeFileSync(file, withLocale('tr'));
    const { code, stdout } = await cli(['validate', file, '--format', 'json']);
    expect(code).toBe(1);
    const found = JSON.parse(stdout) as { code: string; line: number; column: number; message: string }[];
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('locales:')) + 1;
    expect(found.map((d) => [d.code, d.line])).toEqual([['missing-phrase-pack', line]]);
    const locales = readFileSync(file, 'utf8').split('\n')[line - 1]!;
    expect(found[0]!.column).toBe(locales.indexOf('tr') + 1);
    expect(found[0]!.message).toContain("There is no phrase pack for 'tr'");
  });

  it('accepts a regional tag served by its language pack (en-GB by en)', async () => {
    const file = path.join(scratch, 'en-gb.yaml');
    writeFileSync(file, withLocale('en-GB'));
    const { code, stderr } = await cli(['validate', file]);
    expect(stderr).toBe('1 notice valid\n');
    expect(code).toBe(0);
  });
});
