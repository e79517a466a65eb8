/**
 * The output guard: `build` and `merge-manifests` replace their output folder whole, so before
 * anything is written they make sure that folder is theirs to replace. A folder is replaced only
 * when it does not exist, is empty, or is a previous noticekit output (its manifest.json carries
 * `"generator": "noticekit"` and lists every file in it). Some folders are refused whatever they
 * hold: the working directory and its ancestors, the filesystem root, the home directory, a git
 * work tree's root, and any folder that holds an input notice or the templates folder.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NoticekitError } from '../errors.js';

/** The marker a noticekit output's manifest carries. */
export const GENERATOR = 'noticekit';

/** The output folder is not noticekit's to replace. Exit status 2: the command was asked the wrong thing. */
export class OutputRefusedError extends NoticekitError {
  override name = 'OutputRefusedError';
  /** @param message said to the user as it is */
  constructor(message: string) {
    super(message, 2);
  }
}

/** What the guard needs to know besides the folder. */
export interface GuardContext {
  /** The working directory (it and its ancestors are never replaced). */
  cwd: string;
  /** Input files (notices, shard manifests): a folder holding any of them is never replaced. */
  inputs?: readonly string[];
  /** Input folders (templates, shard folders): the output may be neither one of them nor hold one. */
  inputDirs?: readonly string[];
  /** The home directory (default: `os.homedir()`). */
  home?: string;
}

/** How a path is shown in messages: relative to the working directory when inside it. */
function shown(dir: string, cwd: string): string {
  const rel = path.relative(cwd, dir);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? `${rel}/` : `${dir}/`;
}

/** `inner` is `outer` or lies below it. */
function within(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * The real path of `p`, resolving links in the part that exists (the rest is appended as is).
 * The guard's file system calls are synchronous: a build checks its 1,000 input files and a
 * 10,000-file output here, and one thread-pool round trip per path cost more than the calls
 * (listing such an output: ~45 ms so, 60-230 ms with asynchronous calls, ~600 ms while the
 * build's worker threads were loading).
 */
function realish(p: string): string {
  const abs = path.resolve(p);
  const tail: string[] = [];
  let head = abs;
  for (;;) {
    try {
      return path.join(realpathSync.native(head), ...tail);
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return abs;
      tail.unshift(path.basename(head));
      head = parent;
    }
  }
}

/**
 * Refuse an output folder that noticekit must not replace; return quietly when it may.
 * @param outDir the output folder (absolute, or relative to `context.cwd`)
 * @throws OutputRefusedError naming the folder, why, and what to do instead
 */
export async function guardOutputDir(outDir: string, context: GuardContext): Promise<void> {
  const cwd = realish(context.cwd);
  const out = realish(path.resolve(context.cwd, outDir));
  const name = shown(out, cwd);
  const refuse = (why: string): never => {
    throw new OutputRefusedError(`${name} ${why}; noticekit replaces its output folder whole, so choose another --out (e.g. public/).`);
  };
  if (path.dirname(out) === out) refuse('is the filesystem root');
  if (out === realish(context.home ?? os.homedir())) refuse('is your home directory');
  if (within(cwd, out)) refuse(out === cwd ? 'is the current directory' : 'holds the current directory');
  for (const input of context.inputs ?? []) {
    const real = realish(path.resolve(context.cwd, input));
    if (within(real, out)) refuse(`holds the input ${shown(real, cwd).replace(/\/$/, '')}`);
  }
  for (const dir of context.inputDirs ?? []) {
    const real = realish(path.resolve(context.cwd, dir));
    if (within(real, out) || within(out, real)) refuse(`${real === out ? 'is' : within(real, out) ? 'holds' : 'lies inside'} the input folder ${shown(real, cwd)}`);
  }

  const parent = lstatOrNothing(path.dirname(out));
  if (parent && !parent.isDirectory()) throw new OutputRefusedError(`${path.dirname(out)} is not a folder, so ${name} cannot be made; choose another --out.`);
  const info = lstatOrNothing(out);
  if (!info) return;
  if (!info.isDirectory()) throw new OutputRefusedError(`${name.replace(/\/$/, '')} exists and is not a folder; remove it or choose another --out.`);
  if (lstatOrNothing(path.join(out, '.git'))) refuse('is the root of a git work tree');

  const files = listAll(out, '', []).sort();
  if (files.length === 0) return;
  const listed = previousManifest(out);
  if (!listed) {
    const legacy = (() => {
      try {
        return /"files"\s*:/.test(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
      } catch {
        return false;
      }
    })();
    throw new OutputRefusedError(
      legacy
        ? `${name} holds a manifest.json without noticekit's marker (an output of noticekit 0.1, or another tool's); remove the folder yourself once, or choose another --out.`
        : `${name} holds ${count(files.length, 'file')} noticekit did not write (${sample(files)}); choose an empty folder or remove it yourself.`,
    );
  }
  const foreign = files.filter((f) => f !== 'manifest.json' && !listed.has(f));
  if (foreign.length > 0) {
    throw new OutputRefusedError(`${name} is an earlier noticekit output, but holds ${count(foreign.length, 'file')} noticekit did not write (${sample(foreign)}); move ${foreign.length === 1 ? 'it' : 'them'} out, or choose another --out.`);
  }
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function sample(files: string[]): string {
  const first = files.slice(0, 3).join(', ');
  return files.length > 3 ? `${first}, ...` : first;
}

function lstatOrNothing(p: string) {
  return lstatSync(p, { throwIfNoEntry: false });
}

/** Every entry below `dir` that is not a folder (files, links, others), as `/`-separated relative paths, added to `out`. Empty folders count as nothing. */
function listAll(dir: string, prefix: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) listAll(path.join(dir, e.name), rel, out);
    else out.push(rel);
  }
  return out;
}

/**
 * The manifest last read, by the identity of its file: a build runs the guard twice (before its
 * work and again just before the swap), and the manifest of a large output is megabytes of JSON.
 */
let lastManifest: { file: string; identity: string; paths: Set<string> } | undefined;

/** The paths listed by a noticekit manifest in `dir`, or undefined when it has none (or no marker). */
function previousManifest(dir: string): Set<string> | undefined {
  const file = path.join(dir, 'manifest.json');
  try {
    const info = statSync(file, { bigint: true });
    const identity = `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
    if (lastManifest?.file === file && lastManifest.identity === identity) return lastManifest.paths;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { generator?: unknown; files?: { path?: unknown }[] };
    if (manifest.generator !== GENERATOR || !Array.isArray(manifest.files)) return undefined;
    const paths = new Set(manifest.files.map((f) => f.path).filter((p): p is string => typeof p === 'string'));
    lastManifest = { file, identity, paths };
    return paths;
  } catch {
    return undefined;
  }
}
