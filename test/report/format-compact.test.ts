/**
 * `--format compact`: one line a problem, `file:line:col: severity: message [code]`, on validate
 * and lint; every line matched by COMPACT_LINE with the same file, place, severity and code as the
 * JSON output of the same run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { COMPACT_LINE, formatCompact } from '../../src/report/format-compact.js';
import { fakeIO } from '../cli/fake-io.js';
import { startWatch } from '../helpers/watch-process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function cli(args: string[]) {
  const fake = fakeIO(ROOT);
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** A finding of `--format json`, the parts a compact line repeats. */
interface Finding { file: string; line: number; column: number; severity: string; code: string }

/** Where a line's parts are, by group number (COMPACT_LINE's, or a problem matcher's pattern). */
interface Groups { file: number; line: number; column: number; severity: number; message: number; code: number }
const COMPACT_GROUPS: Groups = { file: 1, line: 2, column: 3, severity: 4, message: 5, code: 6 };

/**
 * Expect one line of stdout per finding, each matched by `regexp` with the finding's file, line,
 * column, severity and code in the groups `groups` names; returns the matches.
 */
function expectMatched(stdout: string, findings: Finding[], regexp: RegExp, groups: Groups = COMPACT_GROUPS): RegExpExecArray[] {
  const lines = stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(findings.length);
  return lines.map((line, i) => {
    const m = regexp.exec(line);
    expect(m, line).not.toBeNull();
    const f = findings[i]!;
    expect([m![groups.file], Number(m![groups.line]), Number(m![groups.column]), m![groups.severity], m![groups.code]]).toEqual([f.file, f.line, f.column, f.severity, f.code]);
    return m!;
  });
}

/** The compact lines and the JSON findings of one run, side by side. */
async function both(command: 'validate' | 'lint', files: string[]) {
  const compact = await cli([command, '--format', 'compact', ...files]);
  const json = await cli([command, '--format', 'json', ...files]);
  const findings = JSON.parse(json.stdout) as Finding[];
  return { compact, findings };
}

describe('formatCompact', () => {
  const base: Diagnostic = { code: 'invalid-country', severity: 'error', message: "controller.address.country must be a two-letter ISO code such as 'DE', not 'Germany'.", file: 'notices/a.yaml', line: 34, column: 14, path: 'controller.address.country' };

  it('writes file:line:col: severity: message [code], the suggestion in the message', () => {
    expect(formatCompact([{ ...base, expected: ['DE'] }])).toBe(`notices/a.yaml:34:14: error: ${base.message} Did you mean 'DE'? [invalid-country]\n`);
  });

  it("puts a lint finding's clause before its message", () => {
    expect(formatCompact([{ ...base, code: 'dpo-contact', severity: 'warning', clause: 'dpo' }])).toMatch(/^notices\/a\.yaml:34:14: warning: dpo: controller/);
  });

  it('keeps a message quoting a line break or an escape character on one line, off the terminal controls', () => {
    const out = formatCompact([{ ...base, message: "not 'Ger\nmany\u001b[2J [x]'." }]);
    expect(out.split('\n')).toHaveLength(2);
    expect(out).not.toContain('\u001b');
    expect(out).toContain('<U+001B>');
    const m = COMPACT_LINE.exec(out.trimEnd());
    expect(m?.[5]).toBe("not 'Ger many<U+001B>[2J [x]'.");
    expect(m?.[6]).toBe('invalid-country');
  });

  it('is empty for no diagnostics', () => {
    expect(formatCompact([])).toBe('');
  });
});

describe('validate and lint --format compact', () => {
  it('validate: one matched line per diagnostic of several files, as the JSON output has them', async () => {
    const { compact, findings } = await both('validate', ['test/fixtures/editor/compact']);
    expect(compact.code).toBe(1);
    expect(findings.length).toBeGreaterThanOrEqual(5);
    const lines = expectMatched(compact.stdout, findings, COMPACT_LINE).map((m) => m[0]);
    expect(lines.some((l) => l.startsWith('test/fixtures/editor/compact/praxisportal-broken.yaml:34:14: error: ') && l.endsWith(' [invalid-country]'))).toBe(true);
    expect(new Set(findings.map((f) => f.file)).size).toBe(2);
    expect(compact.stderr).toBe('2 notices checked: ✖ 5 errors\n');
  });

  it('validate: nothing on stdout for valid notices, exit 0', async () => {
    const r = await cli(['validate', '--format', 'compact', 'notices/praxisportal.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('1 notice checked: ✓ no problems\n');
  });

  it('lint: findings of several files, each matched, with its rule as the code', async () => {
    const files = ['test/fixtures/lint/dpo-contact/fail.yaml', 'test/fixtures/lint/retention-stated/fail.yaml', 'test/fixtures/validate/invalid/email.yaml'];
    const { compact, findings } = await both('lint', files);
    expect(compact.code).toBe(1);
    const codes = expectMatched(compact.stdout, findings, COMPACT_LINE).map((m) => m[6]);
    expect(codes).toEqual(expect.arrayContaining(['dpo-contact', 'retention-stated', 'invalid-email']));
  });
});

describe('.vscode/tasks.json', () => {
  interface Matcher { owner: string; fileLocation: [string, string]; pattern: Groups & { regexp: string }; background?: { beginsPattern: string; endsPattern: string } }
  interface Task { label: string; command: string; args: string[]; isBackground?: boolean; problemMatcher: Matcher }
  const tasks = (JSON.parse(readFileSync(path.join(ROOT, '.vscode/tasks.json'), 'utf8')) as { tasks: Task[] }).tasks;

  it('has validate and lint tasks, once and watching, each running the CLI with --format compact', () => {
    expect(tasks.map((t) => t.label)).toEqual(['noticekit: validate', 'noticekit: validate (watch)', 'noticekit: lint', 'noticekit: lint (watch)']);
    for (const t of tasks) {
      expect(t.command).toBe('node');
      expect(t.args.slice(0, 2)).toEqual(['dist/cli/bin.js', /^noticekit: (\w+)/.exec(t.label)![1]]);
      expect(t.args.join(' ')).toContain('--format compact');
      // Only the watch task runs in the background, and only it has the background patterns.
      const watch = t.label.endsWith('(watch)');
      expect([t.args.includes('--watch'), t.isBackground === true, t.problemMatcher.background !== undefined]).toEqual([watch, watch, watch]);
    }
  });

  it("matches every line the task's command prints, with the file, place, severity and code of the JSON output", async () => {
    const inputs: Record<string, string[]> = {
      validate: ['test/fixtures/editor/compact'],
      lint: ['test/fixtures/lint/dpo-contact/fail.yaml', 'test/fixtures/validate/invalid/email.yaml'],
    };
    for (const task of tasks.filter((t) => !t.isBackground)) {
      const { pattern, fileLocation } = task.problemMatcher;
      expect(fileLocation).toEqual(['relative', '${workspaceFolder}']);
      const regexp = new RegExp(pattern.regexp);
      const command = task.args[1] as 'validate' | 'lint';
      // The task's own arguments, with the folder it checks replaced by inputs that have problems.
      const { compact, findings } = await both(command, inputs[command]!);
      expect(findings.length).toBeGreaterThan(1);
      for (const m of expectMatched(compact.stdout, findings, regexp, pattern)) {
        expect(m[pattern.message]!.length).toBeGreaterThan(0);
        // fileLocation relative to the workspace folder: the file exists there.
        expect(existsSync(path.join(ROOT, m[pattern.file]!)), m[pattern.file]).toBe(true);
      }
    }
  });

  it.each(['validate', 'lint'])("the %s (watch) task: its begin and end patterns match the frame lines the process prints, its pattern every problem line between", async (command) => {
    const task = tasks.find((t) => t.isBackground && t.args[1] === command)!;
    const { pattern, background } = task.problemMatcher;
    const [regexp, begins, ends] = [new RegExp(pattern.regexp), new RegExp(background!.beginsPattern), new RegExp(background!.endsPattern)];
    const input = command === 'validate' ? 'test/fixtures/editor/compact' : 'test/fixtures/lint/dpo-contact';
    // The task's own arguments, with the folder it watches replaced by one with problems.
    const w = startWatch([...task.args.slice(1, -1), input], ROOT, 'stdout');
    let stdout: string;
    let stderr: string;
    try {
      await w.waitForRun(0, () => true);
      await w.waitFor(() => (w.stderr().endsWith('\n') ? true : undefined));
      [stdout, stderr] = [w.stdout(), w.stderr()];
    } finally {
      expect(await w.stop()).toBe(0);
    }
    const lines = stdout.trimEnd().split('\n');
    expect(begins.test(lines[0]!), lines[0]).toBe(true);
    expect(ends.test(lines.at(-1)!), lines.at(-1)).toBe(true);
    const between = lines.slice(1, -1);
    const findings = JSON.parse((await cli([command, '--format', 'json', input])).stdout) as Finding[];
    expect(findings.length).toBeGreaterThan(0);
    expectMatched(between.join('\n'), findings, regexp, pattern);
    // No line is taken for another kind: a frame line is no problem, a problem line no frame, and
    // the terminal's other line (stderr) neither.
    expect(regexp.test(lines[0]!) || regexp.test(lines.at(-1)!)).toBe(false);
    expect(between.filter((l) => begins.test(l) || ends.test(l))).toEqual([]);
    for (const line of stderr.trimEnd().split('\n')) expect([begins.test(line), ends.test(line), regexp.test(line)], line).toEqual([false, false, false]);
  }, 300_000);
});
