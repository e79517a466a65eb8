/**
 * `noticekit init`: a new notice from a few answers (on a terminal, or flags), and in an empty
 * folder the project around it.
 */
import { lstatSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { draftToYaml } from '../../import/draft-yaml.js';
import { collectAnswers } from '../../init/collect-answers.js';
import { describeAnswers, QUESTIONS } from '../../init/questions.js';
import { draftFromAnswers, INIT_HEADER } from '../../init/draft-init.js';
import { isEmptyFolder, projectFiles, type PlannedFile } from '../../init/project-files.js';
import { loadNotice } from '../../load/read-notice.js';
import { writeFileAtomic } from '../../util-fs.js';
import { validateNotice } from '../../validate/index.js';
import { ExitError, useColor, UsageError } from '../io.js';
import { draftValidity, schemaPathFor } from '../notice-file.js';
import { defineCommand } from './types.js';
import { toolVersion } from '../../version.js';

export const initCommand = defineCommand({
  name: 'init',
  synopsis: ['noticekit init [options]'],
  description: `Writes a new notice, notices/<id>.yaml, holding only what you answer: on a terminal init asks
(flags given answer their questions), otherwise the flags are the answers. Where a notice needs
something you did not say (purposes, legal bases, data categories, rights...), it gets a '# TODO'
comment and is left empty, so noticekit validate stops exactly there.
In an empty folder (nothing but .git) init also writes the project around it: package.json
(noticekit as a devDependency, so editor, tasks and CI use one version), .vscode/ (the YAML
extension, schema mapping, validate and lint tasks with a problem matcher) and
.github/workflows/noticekit.yml (validate, lint, build; read-only, no secrets).
It never replaces a file: if any of them exists, nothing is written.`,
  options: {
    id: { type: 'string', arg: 'ID', help: "the notice id, also its file name (required), e.g. 'privacy-notice'" },
    locales: { type: 'string', arg: 'LIST', help: 'the languages it is published in, comma-separated, e.g. de,en (required)' },
    'source-locale': { type: 'string', arg: 'L', help: 'the language it is written in (default: the first of --locales)' },
    title: { type: 'string', arg: 'TEXT', help: 'its title in that language' },
    controller: { type: 'string', arg: 'NAME', help: "the controller's legal name (required)" },
    country: { type: 'string', arg: 'CC', help: "the controller's country, a two-letter ISO 3166-1 code such as DE" },
    email: { type: 'string', arg: 'ADDRESS', help: "the controller's e-mail address for privacy questions" },
    type: { type: 'string', arg: 'art13|art14|both', help: 'art13: data from the person; art14: from elsewhere; both' },
    'notice-version': { type: 'string', arg: 'V', help: "the notice's version, e.g. 1.0" },
    'effective-date': { type: 'string', arg: 'DATE', help: 'the date from which it applies, YYYY-MM-DD' },
    dir: { type: 'string', arg: 'DIR', help: 'the project folder (default: the current folder)' },
    'no-input': { type: 'boolean', help: 'ask nothing, even on a terminal: only the flags answer' },
    'no-color': { type: 'boolean', help: 'plain text even on a terminal' },
  },
  footer: `Exit status: 0 written, 2 usage error (a bad or missing answer, a file that exists), 130 stopped.
Next: fill in the TODOs, then noticekit validate and noticekit lint.`,
  async run({ values, positionals }, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'; init takes only options (see --dir).`);
    const dir = path.resolve(io.cwd, values.dir ?? '.');
    // Each question's flag is in the table above (a test holds them to each other).
    const flags = Object.fromEntries(QUESTIONS.map((q) => [q.flag, (values as Record<string, string | boolean | undefined>)[q.flag] as string | undefined]));
    const answers = await collectAnswers(flags, values['no-input'] ? undefined : io.terminal);

    const noticeRelative = `notices/${answers.id}.yaml`;
    const draft = draftFromAnswers(answers);
    const yaml = draftToYaml(draft, schemaPathFor(path.join(dir, noticeRelative)), INIT_HEADER);
    const files: PlannedFile[] = [{ relative: noticeRelative, text: yaml }, ...(emptyFolder(dir, values.dir) ? projectFiles(toolVersion()) : [])];
    const shown = (f: PlannedFile) => path.relative(io.cwd, path.join(dir, f.relative)) || f.relative;

    const existing = files.filter((f) => exists(path.join(dir, f.relative)));
    if (existing.length > 0) throw new ExitError(2, `${existing.map(shown).join(', ')} ${existing.length === 1 ? 'exists' : 'exist'}; init never replaces a file, so nothing was written.`);
    // The answers were checked one by one; what validate finds must be at the TODOs, nowhere else.
    const errors = validateNotice(loadNotice(yaml, shown(files[0]!))).diagnostics.filter((d) => d.severity === 'error');
    const todoPaths = new Set(draft.todos.map((t) => t.path.join('.')));
    const answerError = errors.find((d) => !todoPaths.has(d.path));
    if (answerError) throw new UsageError(`the answers do not make a valid notice: ${answerError.message.startsWith(answerError.path) ? '' : `${answerError.path}: `}${answerError.message} Nothing was written.`);
    await writeAll(dir, files, shown);

    const todos = draft.todos.length;
    io.stderr.write(files.map((f, i) => `wrote ${shown(f)}${i === 0 ? ` (${describeAnswers(answers)}; ${todos} ${todos === 1 ? 'TODO' : 'TODOs'})` : ''}\n`).join(''));
    io.stderr.write(draftValidity('notice', errors, shown(files[0]!), yaml, useColor(io, values['no-color'])));
    const project = files.length > 1;
    const inDir = path.relative(io.cwd, dir);
    io.stderr.write(`Next: ${inDir ? `cd ${inDir}, ` : ''}${project ? 'npm install, ' : ''}fill in the TODOs in ${noticeRelative}, then npx noticekit validate and npx noticekit lint.\n`);
    return 0;
  },
});

/** Whether `dir` is an empty folder (see isEmptyFolder); a file there is a usage error. */
function emptyFolder(dir: string, given: string | undefined): boolean {
  try {
    return isEmptyFolder(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new UsageError(`--dir ${given ?? '.'} is a file, not a folder.`);
    throw error;
  }
}

/** Whether anything (a file, a folder, a dangling link) is at `file`. */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Write every file, none replacing one that exists; on a failure, remove those already written. */
async function writeAll(dir: string, files: readonly PlannedFile[], shown: (f: PlannedFile) => string): Promise<void> {
  const written: string[] = [];
  for (const f of files) {
    const file = path.join(dir, f.relative);
    try {
      await writeFileAtomic(file, f.text, { noReplace: true });
      written.push(file);
    } catch (error) {
      await Promise.all(written.map((w) => unlink(w).catch(() => undefined)));
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ExitError(2, `${shown(f)} appeared while init was writing; init never replaces a file, so nothing was written.`);
      throw new ExitError(1, `cannot write ${shown(f)}: ${(error as Error).message}; nothing was written.`);
    }
  }
}
