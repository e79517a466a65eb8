/**
 * Where noticekit keeps its caches: in the user's project (`<project>/node_modules/.cache/noticekit/`,
 * the project being the nearest folder up from the working directory with a package.json), else in
 * `$XDG_CACHE_HOME/noticekit/` (default `~/.cache/noticekit/`). Never inside noticekit's own package
 * folder, which a global or Docker install may not let its user write.
 */
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The cache folder for one kind of cache.
 * @param name subfolder, e.g. `build` or `fonts`
 * @param cwd where to look for the project from
 * @param env the environment (`XDG_CACHE_HOME`, `HOME`)
 */
export function cacheDir(name: string, cwd: string = process.cwd(), env: Record<string, string | undefined> = process.env): string {
  for (let dir = path.resolve(cwd); ; ) {
    if (statSync(path.join(dir, 'package.json'), { throwIfNoEntry: false })?.isFile()) return path.join(dir, 'node_modules', '.cache', 'noticekit', name);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'noticekit', name);
}
