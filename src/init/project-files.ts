/**
 * The files `noticekit init` writes: the notice, and in an empty folder the project around it
 * (package.json, VS Code settings and tasks, a CI workflow) from templates/init/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the project templates are (shipped in the package). */
export const INIT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/init', import.meta.url));

/** Each project file, by its path in the new project, and the template it is made from. */
export const PROJECT_TEMPLATES: readonly { target: string; template: string }[] = [
  // A devDependency pins the noticekit the editor's schema path, the tasks and CI all use.
  { target: 'package.json', template: 'package.json.template' },
  { target: '.vscode/extensions.json', template: 'vscode/extensions.json' },
  { target: '.vscode/settings.json', template: 'vscode/settings.json' },
  { target: '.vscode/tasks.json', template: 'vscode/tasks.json' },
  { target: '.github/workflows/noticekit.yml', template: 'github/workflows/noticekit.yml' },
];

/** A file to write: its path relative to the project folder, and its text. */
export interface PlannedFile {
  relative: string;
  text: string;
}

/**
 * Whether `dir` counts as an empty folder: missing, or holding nothing but `.git`.
 * @param dir absolute path
 */
export function isEmptyFolder(dir: string): boolean {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  return entries.every((e) => e === '.git');
}

/**
 * The project files, filled in.
 * @param noticekitVersion the version of noticekit the package.json asks for (this one's)
 */
export function projectFiles(noticekitVersion: string): PlannedFile[] {
  return PROJECT_TEMPLATES.map(({ target, template }) => ({
    relative: target,
    text: readFileSync(path.join(INIT_TEMPLATES_DIR, template), 'utf8').replaceAll('{{noticekitVersion}}', noticekitVersion),
  }));
}
