/**
 * The project `noticekit init` writes in an empty folder: its templates hold this repository's
 * tasks and problem matcher, and the project works once noticekit is installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, cli, folder, ROOT } from './init-helpers.js';

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
    type Task = { type: string; command: string; args: string[]; isBackground?: boolean; problemMatcher: { pattern: { regexp: string; file: number; line: number } } };
    // A watch task runs until stopped: it must be a foreground task's command plus --watch (whose
    // frames and matcher test/report/format-compact.test.ts holds to a real process).
    const foreground = (tasks as Task[]).filter((t) => !t.isBackground);
    for (const task of (tasks as Task[]).filter((t) => t.isBackground)) {
      expect(task.args).toContain('--watch');
      expect(foreground.map((t) => t.args.join(' '))).toContain(task.args.filter((a) => a !== '--watch').join(' '));
    }
    for (const task of foreground) {
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
