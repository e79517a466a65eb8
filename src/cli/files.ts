/**
 * Expand command-line operands (files, folders, globs) into a sorted list of notice files.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './io.js';

const NOTICE_FILE = /\.ya?ml$/i;

/** Whether a folder search enters or takes an entry of this name: not hidden, not node_modules. */
export function isSearchedName(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules';
}

/**
 * Whether a path names a file a folder operand is searched for: `*.yaml` or `*.yml`, not hidden,
 * not under a hidden folder or node_modules (an editor's lock file `.#a.yaml` is none).
 */
export function isNoticeName(file: string): boolean {
  return NOTICE_FILE.test(file) && file.split(/[\\/]/).every((s) => s === '.' || s === '..' || isSearchedName(s));
}

/**
 * Expand operands to notice files.
 * @param operands files, folders (searched recursively for *.yaml / *.yml) or globs (`notices/*.yaml`)
 * @param cwd folder relative operands are resolved against
 * @returns paths as the user would write them (relative to cwd when given relative), sorted, unique
 */
export async function expandNoticeFiles(operands: string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const operand of operands) {
    // A name that exists is that file or folder, even when it holds glob characters ('x[1].yaml').
    if (isDynamicPattern(operand) && !(await stat(path.resolve(cwd, operand)).catch(() => undefined))) {
      const matches = await expandGlob(operand, cwd);
      if (matches.length === 0) throw new UsageError(`No file matches '${operand}'.`);
      matches.forEach((m) => found.add(m));
      continue;
    }
    const abs = path.resolve(cwd, operand);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new UsageError(`'${operand}' does not exist.`);
    }
    if (info.isDirectory()) {
      const files = await listYaml(abs);
      for (const f of files) found.add(path.isAbsolute(operand) ? f : path.relative(cwd, f));
    } else found.add(operand);
  }
  return [...found].sort();
}

/** Folders one operand may search before noticekit asks for a narrower one ('validate /' would walk the whole disk). */
const MAX_FOLDERS = 5_000;

async function listYaml(dir: string, budget = { folders: MAX_FOLDERS, top: dir }): Promise<string[]> {
  if (--budget.folders < 0) throw new UsageError(`'${budget.top}' holds more than ${MAX_FOLDERS} folders; name the folder your notices are in (e.g. notices/).`);
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read the folder '${dir}' (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!isSearchedName(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listYaml(full, budget)));
    else if (entry.isFile() && NOTICE_FILE.test(entry.name)) out.push(full);
  }
  return out;
}

/** Files matching a glob (picomatch syntax, through tinyglobby): notice files only, no dot files, links not followed. */
async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  let matches: string[];
  try {
    matches = await glob(pattern.split(path.sep).join('/'), { cwd, absolute: path.isAbsolute(pattern), onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false, ignore: ['**/node_modules/**'] });
  } catch (error) {
    throw new UsageError(`'${pattern}' is not a pattern noticekit can read (${(error as Error).message.split('\n')[0]}); quote it, or name the files.`);
  }
  return matches.filter((m) => NOTICE_FILE.test(m)).map((m) => (path.isAbsolute(pattern) ? path.normalize(m) : m));
}
