/**
 * Watch notice files and folders for saves, for `validate --watch` and `preview`. Editors save by
 * writing a new file and renaming it over the old one, which ends a watch on the file itself, so
 * the folder holding a file is watched and events are filtered by name. Bursts of events (one save
 * gives several) are joined into one call after a quiet period.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** Options for {@link watchPaths}. */
export interface WatchOptions {
  /** Milliseconds without a further event before `onChange` is called (default 150). */
  debounceMs?: number;
  /** Which changed names count inside a watched folder (default: `*.yaml`, `*.yml` and noticekit.config.*). */
  accept?: (file: string) => boolean;
}

/** A lint configuration file: a change to it changes what lint reports for the notices beside it. */
const isConfig = (file: string) => /^noticekit\.config\.(ya?ml|json)$/.test(path.basename(file));

/** A running watch; `close()` stops it. */
export interface Watcher {
  close(): void;
}

const DEFAULT_ACCEPT = (file: string) => /\.ya?ml$/i.test(file) || isConfig(file);

/**
 * Watch files and folders.
 * @param targets paths of files (their folder is watched, events filtered to them and to the lint
 *   configuration beside them) and folders (watched recursively, events filtered by `accept`)
 * @param onChange called with the absolute paths that changed, once per burst of events
 */
export function watchPaths(targets: readonly string[], onChange: (changed: string[]) => void, options: WatchOptions = {}): Watcher {
  const debounceMs = options.debounceMs ?? 150;
  const accept = options.accept ?? DEFAULT_ACCEPT;
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
  const folders = new Map<string, { recursive: boolean; files: Set<string> }>();
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
  const watchers: FSWatcher[] = [];
  for (const [dir, entry] of folders) {
    const watcher = watch(dir, { recursive: entry.recursive, persistent: true }, (_event, name) => {
      if (name === null) return;
      const file = path.join(dir, name.toString());
      if (entry.recursive ? accept(file) : entry.files.has(file) || isConfig(file)) note(file);
    });
    // A folder removed while watched: stop quietly; the next run of the command reports the file.
    watcher.on('error', () => watcher.close());
    watchers.push(watcher);
  }
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
