/**
 * `noticekit validate --watch` and `lint --watch` as an editor's background task runs them: a real
 * process on a temporary folder, saved into the way editors save (a new file renamed over the old
 * one) and in place; each save gives a run framed by the begin and end lines, with the problems of
 * that save.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { COMPACT_LINE } from '../../src/report/format-compact.js';
import { startWatch, type Run } from '../helpers/watch-process.js';
import { fakeIO } from './fake-io.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-validate-watch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Each wait is bounded by 60 s (the load is high with several test runs); the test by all of them. */
const LONG = 300_000;

const original = readFileSync(path.join(ROOT, 'notices/praxisportal.yaml'), 'utf8');

/** The 1-based line and column of the first `needle` in `text`. */
function placeOf(text: string, needle: string): [number, number] {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return [before.length, before.at(-1)!.length + 1];
}

/** Save as most editors do: write a new file beside it, then rename it over the old one. */
function saveAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp-${process.pid}`, text);
  renameSync(`${file}.tmp-${process.pid}`, file);
}

/** The compact lines of a run, each matched; groups 1 file, 2 line, 3 column, 6 code. */
function problems(r: Run): [string, number, number, string][] {
  return r.body.map((line) => {
    const m = COMPACT_LINE.exec(line);
    expect(m, line).not.toBeNull();
    return [m![1]!, Number(m![2]), Number(m![3]), m![6]!];
  });
}

describe('noticekit validate --watch --format compact', () => {
  it('checks again on every save: atomic and in-place saves, a new file, invalid YAML, a deleted file; SIGTERM exits 0', async () => {
    const dir = path.join(scratch, 'compact');
    mkdirSync(path.join(dir, 'notices'), { recursive: true });
    const file = path.join(dir, 'notices/praxisportal.yaml');
    writeFileSync(file, original);
    const w = startWatch(['validate', '--watch', '--format', 'compact', 'notices'], dir, 'stdout');
    try {
      const first = await w.waitForRun(0, () => true);
      expect(first).toEqual({ begin: 'noticekit validate: checking 1 notice...', body: [], end: '1 notice checked: ✓ no problems' });
      await w.waitFor(() => (w.stderr().endsWith('\n') ? true : undefined));
      expect(w.stderr()).toBe('Watching notices for changes; Ctrl-C to stop.\n');

      // One country broken, saved by rename: the run shows that one problem at its place.
      const broken = original.replace('country: DE', 'country: Germany');
      const [line, column] = placeOf(broken, 'Germany');
      let seen = w.runs().length;
      saveAtomically(file, broken);
      const afterBreak = await w.waitForRun(seen, (r) => r.body.length > 0);
      expect(problems(afterBreak)).toEqual([['notices/praxisportal.yaml', line, column, 'invalid-country']]);
      expect(afterBreak.end).toBe('1 notice checked: ✖ 1 error');

      // Fixed by writing in place: the next run has no problem lines.
      seen = w.runs().length;
      writeFileSync(file, original);
      const fixed = await w.waitForRun(seen, (r) => r.body.length === 0);
      expect(fixed.end).toBe('1 notice checked: ✓ no problems');

      // A new invalid file in the watched folder is checked too.
      seen = w.runs().length;
      cpSync(path.join(ROOT, 'test/fixtures/validate/invalid/email.yaml'), path.join(dir, 'notices/new.yaml'));
      const added = await w.waitForRun(seen, (r) => r.body.length > 0);
      expect(added.begin).toBe('noticekit validate: checking 2 notices...');
      const [expected] = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/validate/invalid/email.json'), 'utf8')) as { code: string; line: number; column: number }[];
      expect(problems(added)).toEqual([['notices/new.yaml', expected!.line, expected!.column, expected!.code]]);

      // The new file saved as invalid YAML: reported with its place, and the watch goes on.
      seen = w.runs().length;
      saveAtomically(path.join(dir, 'notices/new.yaml'), 'controller: [\n  name: x\n');
      const yamlBroken = await w.waitForRun(seen, (r) => r.body.some((l) => l.endsWith('[yaml-syntax]')));
      expect(problems(yamlBroken).map(([f, , , code]) => [f, code])).toEqual([['notices/new.yaml', 'yaml-syntax']]);

      // Deleted: it drops out.
      seen = w.runs().length;
      rmSync(path.join(dir, 'notices/new.yaml'));
      const dropped = await w.waitForRun(seen, (r) => r.begin === 'noticekit validate: checking 1 notice...');
      expect(dropped.body).toEqual([]);
      expect(w.stderr()).not.toMatch(/internal error|\n\s+at /);
    } finally {
      expect(await w.stop()).toBe(0);
    }
  }, LONG);

  it('reports a named file that disappears as unreadable at 1:1 and goes on watching', async () => {
    const dir = path.join(scratch, 'named');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'a.yaml');
    writeFileSync(file, original);
    const w = startWatch(['validate', '--watch', '--format', 'compact', 'a.yaml'], dir, 'stdout');
    try {
      await w.waitForRun(0, () => true);
      let seen = w.runs().length;
      rmSync(file);
      const gone = await w.waitForRun(seen, (r) => r.body.length > 0);
      expect(problems(gone)).toEqual([['a.yaml', 1, 1, 'file-unreadable']]);
      seen = w.runs().length;
      writeFileSync(file, original);
      expect((await w.waitForRun(seen, (r) => r.body.length === 0)).end).toBe('1 notice checked: ✓ no problems');
    } finally {
      expect(await w.stop()).toBe(0);
    }
  }, LONG);
});

describe('noticekit validate --watch (text)', () => {
  it('writes the frames and the report with code frames on stderr, nothing on stdout', async () => {
    const dir = path.join(scratch, 'text');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'praxisportal.yaml');
    writeFileSync(file, original.replace('country: DE', 'country: Germany'));
    const w = startWatch(['validate', '--watch', 'praxisportal.yaml'], dir, 'stderr');
    try {
      const first = await w.waitForRun(0, () => true);
      expect(first.body[0]).toBe('praxisportal.yaml');
      expect(first.body.join('\n')).toMatch(/^ {2}\d+:\d+ +error +controller\.address\.country .* invalid-country$/m);
      expect(first.body.some((l) => /^\s+\^$/.test(l))).toBe(true);
      // The end line carries the summary; the report does not repeat it.
      expect(first.body.some((l) => l.includes('✖'))).toBe(false);
      expect(first.end).toBe('1 notice checked: ✖ 1 error');
      const seen = w.runs().length;
      saveAtomically(file, original);
      expect(await w.waitForRun(seen, (r) => r.body.length === 0)).toEqual({ begin: 'noticekit validate: checking 1 notice...', body: [], end: '1 notice checked: ✓ no problems' });
      expect(w.stdout()).toBe('');
    } finally {
      expect(await w.stop()).toBe(0);
    }
  }, LONG);
});

describe('noticekit lint --watch --format compact', () => {
  it('checks again when a notice or a configuration in use is saved; a bad configuration is said and the watch goes on', async () => {
    const dir = path.join(scratch, 'lint');
    // A repository root: the configuration is looked for up to here.
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    mkdirSync(path.join(dir, 'notices'));
    cpSync(path.join(ROOT, 'test/fixtures/lint/dpo-contact/fail.yaml'), path.join(dir, 'notices/a.yaml'));
    const config = path.join(dir, 'noticekit.config.yaml');
    const w = startWatch(['lint', '--watch', '--format', 'compact', 'notices'], dir, 'stdout');
    try {
      const first = await w.waitForRun(0, () => true);
      expect(first.begin).toBe('noticekit lint: checking 1 notice...');
      expect(problems(first).map(([f, , , code]) => [f, code])).toEqual([['notices/a.yaml', 'dpo-contact']]);

      // A configuration made at the repository root after the start (no file there to watch yet).
      let seen = w.runs().length;
      saveAtomically(config, 'rules:\n  dpo-contact: off\n');
      expect(await w.waitForRun(seen, (r) => r.body.length === 0)).toEqual({ begin: 'noticekit lint: checking 1 notice...', body: [], end: '1 notice checked: ✓ no problems' });

      // Saved with a mistake: said on stderr, the run ends as not checked, and the watch goes on.
      seen = w.runs().length;
      writeFileSync(config, 'rules:\n  dpo-contakt: off\n');
      const bad = await w.waitForRun(seen, (r) => r.end === '1 notice not checked.');
      expect(bad.body).toEqual([]);
      await w.waitFor(() => (/dpo-contakt/.test(w.stderr()) ? true : undefined));
      expect(w.stderr()).toMatch(/^noticekit lint: .*noticekit\.config\.yaml: unknown rule 'dpo-contakt'/m);
      expect(w.stderr()).not.toMatch(/internal error|\n\s+at /);

      seen = w.runs().length;
      writeFileSync(config, 'rules:\n  dpo-contact: warning\n');
      const again = await w.waitForRun(seen, (r) => r.body.length > 0);
      expect(again.body).toEqual([expect.stringMatching(/^notices\/a\.yaml:\d+:\d+: warning: dpo: .* \[dpo-contact\]$/)]);
      expect(again.end).toBe('1 notice checked: ⚠ 1 warning');
    } finally {
      expect(await w.stop()).toBe(0);
    }
  }, LONG);
});

describe('noticekit lint --watch (text)', () => {
  it('writes the frames and the report on stderr; the end line, not the report, carries the summary', async () => {
    const dir = path.join(scratch, 'lint-text');
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    cpSync(path.join(ROOT, 'test/fixtures/lint/dpo-contact/fail.yaml'), path.join(dir, 'a.yaml'));
    const w = startWatch(['lint', '--watch', 'a.yaml'], dir, 'stderr');
    try {
      const first = await w.waitForRun(0, () => true);
      expect(first.body[0]).toBe('a.yaml');
      expect(first.body.join('\n')).toMatch(/^ {2}\d+:\d+ +error +dpo: .* dpo-contact$/m);
      expect(first.body.some((l) => l.includes('✖'))).toBe(false);
      expect(first.end).toBe('1 notice checked: ✖ 1 error');
      expect(w.stdout()).toBe('');
    } finally {
      expect(await w.stop()).toBe(0);
    }
  }, LONG);
});

describe('--watch: usage', () => {
  it.each([
    ['validate', 'json'],
    ['lint', 'json'],
    ['lint', 'sarif'],
  ])('%s --watch --format %s is a usage error (exit 2), before checking anything', async (command, format) => {
    const fake = fakeIO(ROOT);
    const code = await run([command, '--watch', '--format', format, 'notices'], fake.io);
    expect(code).toBe(2);
    expect(fake.stdout()).toBe('');
    expect(fake.stderr()).toBe(`noticekit ${command}: --watch prints a report after every save; use it with --format text or compact, not ${format}.\nRun 'noticekit ${command} --help' for usage.\n`);
  });
});
