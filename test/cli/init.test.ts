/**
 * `noticekit init`: the notice holds exactly the answers, validate stops only at its TODOs, the
 * project files in an empty folder, never a file replaced, bad answers refused (flags: exit 2;
 * on a real pseudo-terminal: asked again).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { run } from '../../src/cli/index.js';
import { initCommand } from '../../src/cli/commands/init.js';
import { QUESTIONS } from '../../src/init/questions.js';
import { fakeIO } from './fake-io.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
/** A new folder; `.git` in it when asked (an empty project folder may hold one). */
function folder(withGit = false): string {
  const dir = path.join(scratch, `p${++n}`);
  mkdirSync(withGit ? path.join(dir, '.git') : dir, { recursive: true });
  return dir;
}

async function cli(args: string[], cwd: string, extra: Partial<ReturnType<typeof fakeIO>['io']> = {}) {
  const fake = fakeIO(cwd);
  Object.assign(fake.io, extra);
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** Every file below `dir` except .git's, as relative paths. */
function filesIn(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && path.relative(dir, e.parentPath).split(path.sep)[0] !== '.git')
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

const BASE = ['init', '--id', 'acme-privacy', '--locales', 'de,en', '--controller', 'ACME GmbH', '--country', 'de', '--email', 'privacy@acme.example', '--title', 'Datenschutzhinweise'];
/**
 * The whole notice BASE's answers make, with `changes` laid over it: the answers, the empty
 * required fields, and not one key more.
 */
function notice(changes: Record<string, unknown>): Record<string, unknown> {
  return {
    id: 'acme-privacy',
    version: '',
    effectiveDate: '',
    noticeType: '',
    locales: ['de', 'en'],
    sourceLocale: 'de',
    title: { de: 'Datenschutzhinweise', en: '' },
    controller: { id: 'controller', name: 'ACME GmbH', address: { country: 'DE' }, contact: { email: 'privacy@acme.example' } },
    purposes: [],
    categories: [],
    rights: { id: 'rights', items: [] },
    ...changes,
  };
}
const PROJECT = ['.github/workflows/noticekit.yml', '.vscode/extensions.json', '.vscode/settings.json', '.vscode/tasks.json', 'notices/acme-privacy.yaml', 'package.json'];

describe('noticekit init without a terminal', () => {
  it('in an empty folder (only .git) writes the notice and the project around it', async () => {
    const dir = folder(true);
    const { code, stderr, stdout } = await cli(BASE, dir);
    expect(code, stderr).toBe(0);
    expect(stdout).toBe('');
    expect(filesIn(dir)).toEqual(PROJECT);
    for (const f of PROJECT) expect(stderr).toContain(`wrote ${f}`);
    expect(stderr).toContain('Next: npm install, fill in the TODOs in notices/acme-privacy.yaml');
    // The country named from its code, the languages from their tags.
    expect(stderr).toContain('wrote notices/acme-privacy.yaml (ACME GmbH, Germany; German (source), English; 9 TODOs)');
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.devDependencies).toEqual({ noticekit: `^${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}` });
    expect(Object.keys(pkg.scripts)).toEqual(['validate', 'lint', 'build']);
    const ci = YAML.parse(readFileSync(path.join(dir, '.github/workflows/noticekit.yml'), 'utf8'));
    expect(ci.permissions).toEqual({ contents: 'read' });
    const runs = ci.jobs.notices.steps.map((s: { run?: string }) => s.run).filter(Boolean);
    expect(runs.slice(-3)).toEqual(['npx noticekit validate notices', 'npx noticekit lint notices', 'npx noticekit build notices']);
    expect(readFileSync(path.join(dir, '.github/workflows/noticekit.yml'), 'utf8')).not.toMatch(/secrets\./);
  });

  it('the notice holds exactly the answers; every other required field is empty under a TODO', async () => {
    const dir = folder();
    expect((await cli(BASE, dir)).code).toBe(0);
    const text = readFileSync(path.join(dir, 'notices/acme-privacy.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/noticekit/schema/notice.schema.json');
    expect(YAML.parse(text)).toEqual(notice({}));
  });

  it('writes the optional answers when given, and no TODO for them', async () => {
    const dir = folder();
    const { code } = await cli(['init', '--no-input', '--id', 'x', '--locales', 'en', '--controller', 'X Ltd', '--type', 'art14', '--notice-version', '2.1', '--effective-date', '2025-03-01'], dir);
    expect(code).toBe(0);
    const text = readFileSync(path.join(dir, 'notices/x.yaml'), 'utf8');
    const data = YAML.parse(text);
    expect([data.noticeType, data.version, data.effectiveDate, data.sourceLocale]).toEqual(['art14', '2.1', '2025-03-01', 'en']);
    // No country given: no address at all (lint reports it), and a TODO for the missing contact.
    expect(data.controller).toEqual({ id: 'controller', name: 'X Ltd', contact: {} });
    expect(text).not.toMatch(/TODO: the version|TODO: the date|TODO: art13/);
    expect(text).toMatch(/# TODO: how to contact the controller/);
  });

  it('validate stops only at the TODOs, naming each field; filled in there, it validates and lint reports the gaps', async () => {
    const dir = folder();
    expect((await cli(BASE, dir)).code).toBe(0);
    const file = path.join(dir, 'notices/acme-privacy.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const checked = await cli(['validate', '--format', 'json', 'notices'], dir);
    expect(checked.code).toBe(1);
    const errors = JSON.parse(checked.stdout) as { line: number; path: string; message: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual(['categories', 'effectiveDate', 'noticeType', 'purposes', 'rights.items', 'title.en', 'version']);
    for (const e of errors) {
      expect(lines[e.line - 2], `${e.path}: the line above the error is its TODO`).toMatch(/^\s*# TODO: /);
      expect(e.message.startsWith(e.path)).toBe(true);
    }
    // What the TODOs ask for, and nothing else, makes it valid.
    const doc = YAML.parseDocument(lines.join('\n'));
    doc.set('version', '1.0');
    doc.set('effectiveDate', '2025-01-01');
    doc.set('noticeType', 'art13');
    doc.setIn(['title', 'en'], 'Privacy notice');
    doc.set('purposes', [{ id: 'support', description: { de: 'Support', en: 'Support' } }]);
    doc.set('categories', [{ id: 'name', label: { de: 'Name', en: 'Name' } }]);
    doc.setIn(['rights', 'items'], [{ id: 'access', right: 'access' }]);
    writeFileSync(file, doc.toString());
    expect((await cli(['validate', 'notices'], dir)).code).toBe(0);
    const lint = await cli(['lint', '--format', 'json', 'notices'], dir);
    const rules = (JSON.parse(lint.stdout) as { rule: string }[]).map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['retention-stated', 'recipients-stated', 'purpose-legal-basis', 'complaint-right', 'controller-identity']));
  });

  it('in a folder that is not empty writes only the notice', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'README.md'), 'mine\n');
    const { code, stderr } = await cli(BASE, dir);
    expect(code).toBe(0);
    expect(filesIn(dir)).toEqual(['README.md', 'notices/acme-privacy.yaml']);
    expect(stderr).toContain('Next: fill in the TODOs');
  });

  it('never replaces a file: an existing notice means exit 2 and nothing written', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'notices'));
    writeFileSync(path.join(dir, 'notices/acme-privacy.yaml'), 'mine\n');
    const { code, stderr } = await cli(BASE, dir);
    expect(code).toBe(2);
    expect(stderr).toContain('notices/acme-privacy.yaml exists; init never replaces a file, so nothing was written.');
    expect(readFileSync(path.join(dir, 'notices/acme-privacy.yaml'), 'utf8')).toBe('mine\n');
    expect(filesIn(dir)).toEqual(['notices/acme-privacy.yaml']);
  });

  it.each([
    ['--country', 'XX', "--country must be a two-letter ISO 3166-1 country code such as 'DE' (Greece is 'GR'), not 'XX'."],
    ['--country', 'Germany', "not 'Germany'."],
    ['--id', 'Acme Privacy', "--id must be short lower-case words joined by hyphens, such as 'privacy-notice', at most 64 characters, not 'Acme Privacy'."],
    ['--locales', 'de,klingon', "--locales must list language tags such as 'en', 'de' or 'de-AT'; 'klingon' is not one, not 'de,klingon'."],
    ['--locales', 'de,ja', "there is none for 'ja'"],
    ['--source-locale', 'fr', "--source-locale must be one of the --locales (de, en), not 'fr'."],
    ['--email', 'privacy(at)acme', "--email must be an e-mail address such as 'privacy@example.com', not 'privacy(at)acme'."],
    ['--type', 'art15', "--type must be 'art13', 'art14' or 'both', not 'art15'."],
    ['--effective-date', '2025-02-30', "--effective-date must be a real date written YYYY-MM-DD"],
    ['--title', '<script>alert(1)</script>', '--title must be text or Markdown without raw HTML, images or links other than'],
    ['--controller', ' ', "--controller must not be empty (the legal name), not ''."],
    ['--controller', 'ACME\u202E GmbH', '--controller must be one line of text without control or invisible characters'],
  ])('%s %s: exit 2 with the message, nothing written', async (flag, value, message) => {
    const dir = folder(true);
    const args = [...BASE];
    const at = args.indexOf(flag);
    if (at >= 0) args[at + 1] = value;
    else args.push(flag, value);
    const { code, stderr } = await cli(args, dir);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(filesIn(dir)).toEqual([]);
  });

  it.each(['id', 'locales', 'controller'])('without --%s and without a terminal: exit 2 naming the flag', async (flag) => {
    const dir = folder(true);
    const args = [...BASE];
    args.splice(args.indexOf(`--${flag}`), 2);
    const { code, stderr } = await cli(args, dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^noticekit init: --${flag} is needed`));
    expect(filesIn(dir)).toEqual([]);
  });

  it('--dir naming a file: exit 2', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'f'), '');
    const { code, stderr } = await cli([...BASE, '--dir', 'f'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('--dir f is a file, not a folder.');
  });

  it('--dir: the project goes there, a missing folder is made', async () => {
    const dir = folder();
    const { code, stderr } = await cli([...BASE, '--dir', 'new/site'], dir);
    expect(code).toBe(0);
    expect(filesIn(path.join(dir, 'new/site'))).toEqual(PROJECT);
    expect(stderr).toContain('wrote new/site/notices/acme-privacy.yaml');
    expect(stderr).toContain('Next: cd new/site, npm install,');
  });

  it('--no-input asks nothing even with a terminal', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const { code, stderr } = await cli(['init', '--no-input'], folder(), { terminal: { input, output } });
    expect(code).toBe(2);
    expect(stderr).toContain('--id is needed');
    expect(output.read()).toBeNull();
  });

  it('has a flag in its option table for every question', () => {
    for (const q of QUESTIONS) expect(Object.keys(initCommand.options)).toContain(q.flag);
  });
});

describe('the project templates', () => {
  const repoTasks = JSON.parse(readFileSync(path.join(ROOT, '.vscode/tasks.json'), 'utf8')).tasks;
  const template = JSON.parse(readFileSync(path.join(ROOT, 'templates/init/vscode/tasks.json'), 'utf8')).tasks;

  it("tasks.json: the same tasks and problem matcher as this repository's, run with npx noticekit", () => {
    expect(template.map((t: { label: string }) => t.label)).toEqual(repoTasks.map((t: { label: string }) => t.label));
    template.forEach((t: { command: string; args: string[]; problemMatcher: unknown }, i: number) => {
      expect(t.problemMatcher).toEqual(repoTasks[i].problemMatcher);
      expect([t.command, ...t.args]).toEqual(['npx', 'noticekit', ...repoTasks[i].args.slice(1)]);
    });
  });

  it('init writes them as they are', async () => {
    const dir = folder();
    expect((await cli(BASE, dir)).code).toBe(0);
    expect(readFileSync(path.join(dir, '.vscode/tasks.json'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'templates/init/vscode/tasks.json'), 'utf8'));
    const settings = JSON.parse(readFileSync(path.join(dir, '.vscode/settings.json'), 'utf8'));
    expect(Object.keys(settings['yaml.schemas'])).toEqual(['./node_modules/noticekit/schema/notice.schema.json']);
    expect(JSON.parse(readFileSync(path.join(dir, '.vscode/extensions.json'), 'utf8')).recommendations).toEqual(['redhat.vscode-yaml']);
  });
});

describe('the written project, once noticekit is installed', () => {
  it("resolves the notice's modeline and the settings' schema path; each task's command prints only lines its matcher takes", async () => {
    const dir = folder(true);
    expect((await cli(BASE, dir)).code).toBe(0);
    // What `npm install` makes of the devDependency: the package folder and its linked bin.
    mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
    symlinkSync(ROOT, path.join(dir, 'node_modules/noticekit'));
    writeFileSync(path.join(dir, 'node_modules/.bin/noticekit'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, 'dist/cli/bin.js'))} "$@"\n`, { mode: 0o755 });

    const notice = readFileSync(path.join(dir, 'notices/acme-privacy.yaml'), 'utf8');
    const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(notice)![1]!;
    expect(readFileSync(path.resolve(dir, 'notices', modeline), 'utf8')).toBe(readFileSync(path.join(ROOT, 'schema/notice.schema.json'), 'utf8'));
    const settings = JSON.parse(readFileSync(path.join(dir, '.vscode/settings.json'), 'utf8'));
    for (const schema of Object.keys(settings['yaml.schemas'])) expect(existsSync(path.resolve(dir, schema)), schema).toBe(true);

    const tasks = JSON.parse(readFileSync(path.join(dir, '.vscode/tasks.json'), 'utf8')).tasks;
    for (const task of tasks as { type: string; command: string; args: string[]; problemMatcher: { pattern: { regexp: string; file: number; line: number } } }[]) {
      expect(task.type).toBe('shell');
      const out = spawnSync([task.command, ...task.args].join(' '), { cwd: dir, shell: true, encoding: 'utf8' });
      expect(out.status, out.stderr).toBe(1);
      const lines = out.stdout.trimEnd().split('\n');
      expect(lines.length).toBe(7);
      for (const line of lines) {
        const m = new RegExp(task.problemMatcher.pattern.regexp).exec(line);
        expect(m, line).not.toBeNull();
        expect(m![task.problemMatcher.pattern.file]).toBe('notices/acme-privacy.yaml');
      }
    }
  }, 30_000);
});

/**
 * Run `noticekit init` (the built CLI) on a real pseudo-terminal (util-linux `script`), answering
 * each prompt when it appears.
 * @param answers pairs of the prompt's start and the line to type
 */
function onTerminal(args: string, cwd: string, answers: [string, string][]): Promise<{ code: number | null; screen: string }> {
  const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, 'dist/cli/bin.js'))} init ${args}`;
  const child = spawn('script', ['-qfec', cmd, '/dev/null'], { cwd, env: { ...process.env, TERM: 'dumb', NO_COLOR: '1' } });
  let screen = '';
  let seen = 0;
  let next = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
    const at = next < answers.length ? screen.indexOf(answers[next]![0], seen) : -1;
    if (at >= 0 && screen.indexOf(': ', at) >= 0) {
      seen = screen.indexOf(': ', at) + 2;
      const answer = answers[next++]![1];
      // A control character (Ctrl-D) is typed as it is, anything else as a line.
      child.stdin.write(/^[\x00-\x1f]$/.test(answer) ? answer : `${answer}\r`);
    }
  });
  const timer = setTimeout(() => child.kill(), 20_000);
  return new Promise((resolve) => child.on('close', (code) => (clearTimeout(timer), resolve({ code, screen }))));
}

describe('noticekit init on a terminal', () => {
  it('asks what no flag answers, asks again after a bad answer, and writes only the answers', async () => {
    expect(existsSync('/usr/bin/script') || existsSync('/bin/script')).toBe(true);
    const dir = folder(true);
    const { code, screen } = await onTerminal('--type art13', dir, [
      ['Notice id', 'Acme Privacy'],
      ['Notice id', 'acme'],
      ['Languages', 'de,en'],
      ['Language it is written in', ''],
      ['Title', 'Datenschutzhinweise'],
      ["Controller's legal name", 'ACME GmbH'],
      ["Controller's country", 'XX'],
      ["Controller's country", 'de'],
      ["Controller's e-mail", ''],
      ['Version', '1.0'],
      ['Date from which', ''],
    ]);
    expect(code, screen).toBe(0);
    expect(screen).toContain("This must be short lower-case words joined by hyphens, such as 'privacy-notice', at most 64 characters, not 'Acme Privacy'. Please answer again.");
    expect(screen).toContain("This must be a two-letter ISO 3166-1 country code such as 'DE' (Greece is 'GR'), not 'XX'. Please answer again.");
    expect(screen).toContain('Germany');
    expect(screen).toContain('Language it is written in (the others are translations) [de]');
    expect(screen).not.toContain('Where the data come from');
    expect(filesIn(dir)).toEqual(PROJECT.map((f) => f.replace('acme-privacy', 'acme')).sort());
    expect(YAML.parse(readFileSync(path.join(dir, 'notices/acme.yaml'), 'utf8'))).toEqual(
      notice({ id: 'acme', version: '1.0', noticeType: 'art13', controller: { id: 'controller', name: 'ACME GmbH', address: { country: 'DE' }, contact: {} } }),
    );
  }, 30_000);

  it('Ctrl-D before the last answer: exit 130, nothing written', async () => {
    const dir = folder(true);
    const { code, screen } = await onTerminal('', dir, [
      ['Notice id', 'acme'],
      ['Languages', '\x04'],
    ]);
    expect(code, screen).toBe(130);
    expect(screen).toContain('stopped before the last answer; nothing written.');
    expect(filesIn(dir)).toEqual([]);
  }, 30_000);
});
