/**
 * The hostile corpus (test/fixtures/hostile/<case>/case.json): every case through every command,
 * via `run(argv, io)`: validate, build (md, html and pdf, each on its own), diff against the
 * reference notice, lint. Each run ends with the exit code the case states and no stack trace;
 * a rejected input is reported at its line and column and nothing is written (the previous output
 * stays byte for byte, no staging folder is left); an accepted input renders inert; a case takes
 * less than 10 s; Object.prototype gains nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeOutput } from '../helpers/files.js';
import { cli, CORPUS, ROOT, htmlProblems, leftovers, loadCorpus, markdownProblems, materialize, pdfProblems, prototypeKeys, REFERENCE, tree, type ExpectedDiagnostic, type HostileCase } from './helpers.js';
import { cpuClock } from '../helpers/cpu-clock.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cases = loadCorpus();
const PREVIOUS = 'the previous output\n';
const FORMATS = ['md', 'html', 'pdf'] as const;

/** Every class SECURITY.md names, with at least one case each. */
const CLASSES = ['yaml-aliases', 'prototype-keys', 'directives', 'tags', 'encodings', 'bidi-zero-width', 'size-limits', 'markdown-html', 'markdown-urls', 'remote-images', 'pathological-markdown', 'templates'];

/** A run's stderr names each diagnostic: its code and its place. */
function expectReported(stderr: string, diagnostics: ExpectedDiagnostic[], what: string) {
  for (const d of diagnostics) {
    expect(stderr, `${what}: ${d.code} at ${d.line}:${d.column}`).toContain(`${d.line}:${d.column}`);
    expect(stderr, `${what}: ${d.code}`).toContain(d.code);
    if (d.file) expect(stderr, what).toContain(path.basename(d.file));
  }
}

function expectClean(stderr: string, what: string) {
  expect(stderr, `${what}: a stack trace`).not.toMatch(/\n {4}at /);
  expect(stderr, what).not.toMatch(/internal error/);
}

/** Check every file a successful build wrote: inert by structure, and none of the case's absent patterns. */
function expectInert(files: Map<string, Buffer>, absent: HostileCase['expect']['absent'], what: string) {
  for (const [name, bytes] of files) {
    const format = path.extname(name).slice(1);
    if (format === 'html') expect(htmlProblems(bytes.toString('utf8')), `${what}: ${name}`).toEqual([]);
    else if (format === 'md') expect(markdownProblems(bytes.toString('utf8')), `${what}: ${name}`).toEqual([]);
    else if (format === 'pdf') expect(pdfProblems(bytes), `${what}: ${name}`).toEqual([]);
    for (const pattern of absent?.[format as 'md' | 'html' | 'pdf'] ?? []) {
      expect(bytes.toString(format === 'pdf' ? 'latin1' : 'utf8'), `${what}: ${name} must not match ${pattern}`).not.toMatch(new RegExp(pattern));
    }
  }
}

describe('hostile corpus', () => {
  it('has a case for every class of hostile input, each with its expected outcome', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    const classes = new Set(cases.map((c) => c.class));
    for (const cls of CLASSES) expect(classes.has(cls), cls).toBe(true);
    for (const c of cases) {
      expect(CLASSES, c.name).toContain(c.class);
      expect(c.description, c.name).not.toBe('');
      const rejected = c.expect.exit.validate !== 0 || Object.values(c.expect.exit.build).some((code) => code !== 0);
      // A rejected case names where; an accepted one is checked for inertness.
      if (rejected) expect((c.expect.diagnostics ?? []).length + (c.expect.templateDiagnostics ?? []).length + (c.input?.fixture ? 1 : 0), c.name).toBeGreaterThan(0);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const before = prototypeKeys();
    const cpuMs = cpuClock();
    const { file, fixtureDiagnostics } = materialize(c, scratch);
    const diagnostics = c.expect.diagnostics ?? fixtureDiagnostics ?? [];
    const templatesArgs = c.templates ? ['--templates', path.join(CORPUS, name, c.templates)] : [];
    const rejected = c.expect.exit.validate !== 0;

    // validate
    const validate = await cli(['validate', '--format', 'json', file]);
    expect(validate.code, `validate: ${validate.stderr}`).toBe(c.expect.exit.validate);
    expectClean(validate.stderr, 'validate');
    const reported = JSON.parse(validate.stdout) as ExpectedDiagnostic[];
    for (const want of diagnostics) {
      const found = reported.find((d) => d.code === want.code && d.line === want.line && d.column === want.column);
      expect(found, `validate: ${want.code} at ${want.line}:${want.column}; got ${reported.map((d) => `${d.code} ${d.line}:${d.column}`).join(', ')}`).toBeDefined();
      expect(found!.severity).toBe(want.severity ?? 'error');
    }
    if (rejected) expect(reported.some((d) => d.severity === 'error')).toBe(true);

    // build, one format at a time, over a previous output that must survive any failure
    for (const format of FORMATS) {
      const out = path.join(scratch, `${name}-${format}`, 'public');
      fakeOutput(out, { 'previous.txt': PREVIOUS });
      const build = await cli(['build', file, '--out', out, '--formats', format, '--no-cache', ...templatesArgs]);
      const what = `build ${format}`;
      expect(build.code, `${what}: ${build.stderr}`).toBe(c.expect.exit.build[format]);
      expectClean(build.stderr, what);
      expect(leftovers(out), `${what}: folders left beside the output`).toEqual([]);
      const files = tree(out);
      if (build.code !== 0) {
        expect([...files.keys()].sort(), what).toEqual(['manifest.json', 'previous.txt']);
        expect(files.get('previous.txt')!.toString(), what).toBe(PREVIOUS);
        expect(build.stderr, what).toMatch(/Nothing was published/);
        if (rejected) expectReported(build.stderr, diagnostics.filter((d) => (d.severity ?? 'error') === 'error'), what);
        expectReported(build.stderr, c.expect.templateDiagnostics ?? [], what);
      } else {
        expect(files.has('previous.txt'), what).toBe(false);
        expect([...files.keys()].some((f) => f.endsWith(`.${format}`)), what).toBe(true);
        expectInert(files, c.expect.absent, what);
      }
      rmSync(path.dirname(out), { recursive: true, force: true });
    }

    // diff against the reference notice (2 when a side is invalid)
    // Compared with the notice the case was made from (the corpus's own base, or the reference).
    const against = c.input?.base ? path.join(ROOT, c.input.base) : REFERENCE;
    const diff = await cli(['diff', against, file]);
    expect(diff.code, `diff: ${diff.stderr}`).toBe(c.expect.exit.diff);
    expectClean(diff.stderr, 'diff');
    if (rejected) expectReported(diff.stderr, diagnostics.filter((d) => (d.severity ?? 'error') === 'error'), 'diff');
    for (const shown of c.expect.diffShows ?? []) expect(diff.stdout, 'diff').toContain(shown);
    if (diff.code === 1) {
      const html = await cli(['diff', against, file, '--format', 'html']);
      expect(html.code).toBe(1);
      expect(htmlProblems(html.stdout), 'diff --format html').toEqual([]);
    }

    // lint
    const lint = await cli(['lint', file]);
    expect(lint.code, `lint: ${lint.stderr}`).toBe(c.expect.exit.lint);
    expectClean(lint.stderr, 'lint');
    if (rejected) expectReported(lint.stderr, diagnostics.filter((d) => (d.severity ?? 'error') === 'error'), 'lint');

    expect(cpuMs(), 'CPU time for the case (ms)').toBeLessThan(10_000);
    expect(prototypeKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The generated input is no longer needed.
    if (file.startsWith(scratch)) rmSync(file, { force: true });
  });
});
