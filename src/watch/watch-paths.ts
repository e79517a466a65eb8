/**
 * Watch notice files and folders for saves, for `validate --watch` and `preview`. Editors save by
 * writing a new file and renaming it over the old one, which ends a watch on the file itself, so
 * the folder holding a file is watched and events are filtered by name; a folder is watched with
 * its subfolders (not hidden ones, not node_modules). Bursts of events (one save
 * gives several) are joined into one call after a quiet period.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { isSearchedName } from '../cli/files.js';

/** Options for {@link watchPaths}. */
export interface WatchOptions {
  /** Milliseconds without a further event before `onChange` is called (default 150). */
  debounceMs?: number;
  /** Which changed names count inside a watched folder (default: `*.yaml`, `*.yml` and noticekit.config.*). */
  accept?: (file: string) => boolean;
  /** Which other names count beside a file named in the targets (default: noticekit.config.*). */
  besideFiles?: (file: string) => boolean;
}

/** A lint configuration file: a change to it changes what lint reports for the notices beside it. */
export const isConfigName = (file: string) => /^noticekit\.config\.(ya?ml|json)$/.test(path.basename(file));

/** A running watch; `close()` stops it. */
export interface Watcher {
  close(): void;
}

/** A watched folder: recursively (a folder target), or for the named files in it. */
interface Folder {
  recursive: boolean;
  files: Set<string>;
}

/**
 * Where `fs.watch` is recursive by itself. On Linux, Node's recursive watch (built on one watch a
 * file) loses a file once an editor has replaced it by rename (seen on Node 20.20: the next save
 * in place gives no event), so there every folder gets its own plain watch, which sees both.
 */
const NATIVE_RECURSIVE = process.platform === 'darwin' || process.platform === 'win32';

const DEFAULT_ACCEPT = (file: string) => /\.ya?ml$/i.test(file) || isConfigName(file);

/**
 * Watch files and folders.
 * @param targets paths of files (their folder is watched, events filtered to them and to what
 *   `besideFiles` accepts) and folders (watched recursively, events filtered by `accept`)
 * @param onChange called with the absolute paths that changed, once per burst of events
 */
export function watchPaths(targets: readonly string[], onChange: (changed: string[]) => void, options: WatchOptions = {}): Watcher {
  const debounceMs = options.debounceMs ?? 150;
  const accept = options.accept ?? DEFAULT_ACCEPT;
  const besideFiles = options.besideFiles ?? isConfigName;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const fire = () => {
    timer = undefined;
    if (closed || pending.size === 0) return;
    const changed = [...pending].sort();
    pending.clear();
    onChange(changed);
  };
  const note = (file: string) => {
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  };

  // One watcher per folder: files in the same folder share it.
  const folders = new Map<string, Folder>();
  for (const target of targets) {
    const abs = path.resolve(target);
    if (isFolder(abs)) {
      const entry = folders.get(abs) ?? { recursive: true, files: new Set() };
      entry.recursive = true;
      folders.set(abs, entry);
    } else {
      const dir = path.dirname(abs);
      const entry = folders.get(dir) ?? { recursive: false, files: new Set() };
      entry.files.add(abs);
      folders.set(dir, entry);
    }
  }
  const watchers = new Map<string, FSWatcher>();
  const watchFolder = (dir: string, entry: Folder, top: boolean) => {
    if (watchers.has(dir)) return;
    const walk = entry.recursive && !NATIVE_RECURSIVE;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { recursive: entry.recursive && NATIVE_RECURSIVE, persistent: true }, (_event, name) => {
        if (name === null) return;
        const file = path.join(dir, name.toString());
        if (walk && isFolder(file)) {
          // A new folder: watch it, and check (files may have been made in it before its watch began).
          if (!watchers.has(file) && isSearchedName(name.toString())) {
            watchFolder(file, entry, false);
            note(file);
          }
          return;
        }
        if (walk) unwatchBelow(file);
        if (entry.recursive ? accept(file) : entry.files.has(file) || besideFiles(file)) note(file);
      });
    } catch (error) {
      if (top) throw error;
      return; // removed between listing and watching
    }
    // A folder removed while watched: stop quietly; the next run of the command reports the file.
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
    if (walk) for (const sub of subfolders(dir)) watchFolder(sub, entry, false);
  };
  // A path that is no longer a folder: drop the watches on it and below, so that a folder made
  // again under that name is watched anew.
  const unwatchBelow = (gone: string) => {
    for (const [dir, w] of watchers) {
      if (dir === gone || dir.startsWith(gone + path.sep)) {
        w.close();
        watchers.delete(dir);
      }
    }
  };
  // Folders watched recursively first: a named file's folder inside one is covered by it.
  for (const [dir, entry] of [...folders].sort(([, a], [, b]) => Number(b.recursive) - Number(a.recursive))) watchFolder(dir, entry, true);
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

/** A folder a recursive watch descends into: not hidden, not node_modules (as the folder search). */
function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && isSearchedName(e.name))
      .map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
