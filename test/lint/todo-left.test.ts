/**
 * Rule `todo-left` on the drafts `noticekit import` and `noticekit init` really write: every
 * `# TODO:` comment is reported at its line and column, none once they are deleted; `# TODO:` text
 * in a block scalar and the word TODO in a text are not; a suppression comment hides one.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LintDiagnostic } from '../../src/lint/index.js';
import { lintNotice } from '../../src/lint/index.js';
import { loadNotice } from '../../src/load/read-notice.js';
import { validateNotice } from '../../src/validate/index.js';
import { cli, TODAY } from './util-cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-todo-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The TODO comment lines of a draft, counted line by line (the drafts here hold no block scalar with such a line). */
function todoLines(text: string): { line: number; column: number }[] {
  return text.split('\n').flatMap((l, i) => (/^\s*# TODO:/.test(l) ? [{ line: i + 1, column: l.indexOf('#') + 1 }] : []));
}

/** `noticekit lint FILE --format json` in `cwd`: the exit code and the todo-left findings. */
async function lintTodos(file: string, cwd: string) {
  const r = await cli(['lint', file, '--format', 'json'], cwd);
  expect(r.stderr).not.toMatch(/internal error/i);
  const found = (JSON.parse(r.stdout) as LintDiagnostic[]).filter((d) => d.code === 'todo-left');
  return { code: r.code, found, places: found.map((d) => ({ line: d.line, column: d.column })) };
}

/** Lint a notice given as text through the API. */
function lintText(text: string): LintDiagnostic[] {
  const loaded = loadNotice(text, 'case.yaml');
  const { notice, diagnostics } = validateNotice(loaded);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return lintNotice(loaded, notice!, { today: TODAY });
}

const withoutTodos = (text: string) => text.replace(/^[ \t]*# TODO:.*\n/gm, '');
const PASS = readFileSync(path.join(ROOT, 'test/fixtures/lint/todo-left/pass.yaml'), 'utf8');

describe('todo-left on real drafts', () => {
  it('reports every TODO of a `noticekit import` draft at its line and column, and none once they are deleted', async () => {
    const dir = path.join(scratch, 'import');
    mkdirSync(dir);
    const source = path.join(ROOT, 'test/fixtures/import/donkey-republic/source.md');
    const made = await cli(['import', source, '--out', 'draft.yaml', '--id', 'donkey-republic'], dir);
    expect(made.code, made.stderr).toBe(0);
    const text = readFileSync(path.join(dir, 'draft.yaml'), 'utf8');
    const todos = todoLines(text);
    expect(todos.length).toBeGreaterThan(10);

    const before = await lintTodos('draft.yaml', dir);
    expect(before.code).toBe(1);
    expect(before.places).toEqual(todos);
    // The placeholders import writes beside their TODO are called placeholders.
    const at = (key: string) => before.found.find((d) => d.path === key);
    expect(at('version')?.message).toContain("(version: 1.0) is a placeholder");
    expect(at('noticeType')?.message).toContain('(noticeType: art13) is a placeholder');
    for (const d of before.found) expect(d.message).toContain('write what the notice states, then delete the comment');

    writeFileSync(path.join(dir, 'draft.yaml'), withoutTodos(text));
    const after = await lintTodos('draft.yaml', dir);
    expect(after.found).toEqual([]);
  });

  it('reports every TODO of a `noticekit init --no-input` notice, and none once they are resolved', async () => {
    const dir = path.join(scratch, 'init');
    mkdirSync(dir);
    const made = await cli(['init', '--no-input', '--id', 'shop', '--locales', 'en', '--controller', 'Example GmbH', '--country', 'DE', '--email', 'privacy@example.com', '--type', 'art13', '--notice-version', '1.0', '--effective-date', '2026-01-01', '--title', 'Privacy notice'], dir);
    expect(made.code, made.stderr).toBe(0);
    // Fill the empty lists init leaves (so the notice validates), keeping the TODO comments above them.
    const text = readFileSync(path.join(dir, 'notices/shop.yaml'), 'utf8')
      .replace('purposes: []', 'purposes:\n  - id: orders\n    description:\n      en: To deliver your orders.\n    legalBases:\n      - id: contract\n        gdpr: 6(1)(b)')
      .replace('categories: []', 'categories:\n  - id: address\n    label:\n      en: Postal address')
      .replace('  items: []', '  items:\n    - id: access\n      right: access');
    writeFileSync(path.join(dir, 'notices/shop.yaml'), text);
    const todos = todoLines(text);
    expect(todos.length).toBe(5);

    const before = await lintTodos('notices/shop.yaml', dir);
    expect(before.code).toBe(1);
    expect(before.places).toEqual(todos);
    // The TODO at the top of the file is about the notice, the others about the key under them.
    expect(before.found.map((d) => d.path)).toEqual(['', 'controller.address', 'purposes', 'categories', 'rights.items']);

    writeFileSync(path.join(dir, 'notices/shop.yaml'), withoutTodos(text));
    expect((await lintTodos('notices/shop.yaml', dir)).found).toEqual([]);
  });

  it('the shipped notices hold no TODO', async () => {
    const r = await lintTodos('notices', ROOT);
    expect(r.found).toEqual([]);
  });
});

describe('todo-left: what is not a TODO comment', () => {
  it('a `# TODO:` line inside a block scalar is text', () => {
    // The fixture's clause is a `|` block holding a line that a regex over lines takes for a comment.
    expect(todoLines(PASS).length).toBe(1);
    expect(PASS).toMatch(/en: \|\n.*\n {8}# TODO: /);
    expect(lintText(PASS).filter((d) => d.code === 'todo-left')).toEqual([]);
  });

  it('the word TODO in a text is text, even as `# TODO:` inside quotes', () => {
    const text = PASS.replace('en: To send you the newsletter you subscribed to.', 'en: "To send you the newsletter you subscribed to (our Todo list: none) # TODO: inside quotes."');
    expect(text).toContain(' # TODO: inside quotes');
    expect(lintText(text)).toEqual([]);
  });

  it('only the prefix import and init write is a TODO comment (`# TODO:`, upper case)', () => {
    const text = PASS.replace('version: "1.0"', '# todo: lower case\n#TODO no colon\nversion: "1.0"  # TODO: the version of this notice');
    expect(lintText(text).map((d) => [d.code, d.line, d.column, d.path])).toEqual([['todo-left', 5, 17, 'version']]);
  });

  it('a suppression comment above a TODO hides it, and is not unused', () => {
    const text = PASS.replace('version: "1.0"', '# noticekit-disable-next-line todo-left -- the version is decided at release\n# TODO: the version of this notice\nversion: "1.0"');
    expect(lintText(text)).toEqual([]);
    expect(lintText(text.replace('# noticekit-disable-next-line todo-left -- the version is decided at release\n', '')).map((d) => d.code)).toEqual(['todo-left']);
  });
});
