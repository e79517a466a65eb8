/**
 * `noticekit init`: the notice holds exactly the answers, validate stops only at its TODOs, the
 * project files only in an empty folder, never a file replaced, bad answers refused (flags: exit
 * 2; on a real pseudo-terminal: asked again).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { initCommand } from '../../src/cli/commands/init.js';
import { QUESTIONS } from '../../src/init/questions.js';
import { BASE, cli, filesIn, folder, notice, PROJECT, ROOT } from './init-helpers.js';

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
