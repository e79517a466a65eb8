/**
 * Expand command-line operands (files, folders, globs) into a sorted list of notice files.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './io.js';

const NOTICE_FILE = /\.ya?ml$/i;

/**
 * Expand operands to notice files.
 * @param operands files, folders (searched recursively for *.yaml / *.yml) or globs (`notices/*.yaml`)
 * @param cwd folder relative operands are resolved against
 * @returns paths as the user would write them (relative to cwd when given relative), sorted, unique
 */
export async function expandNoticeFiles(operands: string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const operand of operands) {
    if (/[*?[\]{}]/.test(operand)) {
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

async function listYaml(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listYaml(full)));
    else if (entry.isFile() && NOTICE_FILE.test(entry.name)) out.push(full);
  }
  return out;
}

/** Minimal glob: `*` within a segment, `**` across folders, `?` one character, `{a,b}` alternatives. */
async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const normalized = pattern.split(path.sep).join('/');
  const firstMagic = normalized.search(/[*?[\]{}]/);
  const baseEnd = normalized.lastIndexOf('/', firstMagic);
  const base = baseEnd < 0 ? '.' : normalized.slice(0, baseEnd) || '/';
  const regex = globToRegExp(normalized);
  const absBase = path.resolve(cwd, base);
  let files: string[];
  try {
    files = await listYaml(absBase);
  } catch {
    return [];
  }
  return files
    .map((f) => (path.isAbsolute(pattern) ? f : path.relative(cwd, f)).split(path.sep).join('/'))
    .filter((f) => regex.test(f) || regex.test(`./${f}`));
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      depth++;
      re += '(?:';
    } else if (ch === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (ch === ',' && depth > 0) re += '|';
    else re += ch.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
