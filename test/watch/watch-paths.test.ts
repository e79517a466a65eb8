/**
 * watchPaths on real folders: a save by rename and then in place are both seen in a watched
 * folder (Node's recursive watch on Linux lost the second), a new subfolder's files are seen, and
 * names the filter does not take start nothing.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { watchPaths, type Watcher } from '../../src/watch/watch-paths.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-watch-paths-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let watcher: Watcher | undefined;
afterEach(() => watcher?.close());

/** Watch `targets`; `next()` resolves with the paths of the next call of onChange. */
function watching(targets: string[], accept?: (file: string) => boolean) {
  const calls: string[][] = [];
  let wake: (() => void) | undefined;
  watcher = watchPaths(targets, (changed) => {
    calls.push(changed);
    wake?.();
  }, { debounceMs: 50, ...(accept ? { accept } : {}) });
  const next = async (): Promise<string[]> => {
    const seen = calls.length;
    while (calls.length === seen) await new Promise<void>((resolve) => (wake = resolve));
    return calls[seen]!;
  };
  return { calls, next };
}

describe('watchPaths', () => {
  it('sees a save by rename, then a save in place, of a file in a watched folder', async () => {
    const dir = path.join(scratch, 'rename');
    mkdirSync(path.join(dir, 'de'), { recursive: true });
    const file = path.join(dir, 'de/a.yaml');
    writeFileSync(file, 'a: 1\n');
    const w = watching([dir]);
    let changed = w.next();
    writeFileSync(`${file}.tmp`, 'a: 2\n');
    renameSync(`${file}.tmp`, file);
    expect(await changed).toContain(file);
    changed = w.next();
    writeFileSync(file, 'a: 3\n');
    expect(await changed).toEqual([file]);
  }, 60_000);

  it('watches a subfolder made while watching, and reports the folder itself (files may predate its watch)', async () => {
    const dir = path.join(scratch, 'new-folder');
    mkdirSync(dir, { recursive: true });
    const w = watching([dir]);
    let changed = w.next();
    mkdirSync(path.join(dir, 'fr'));
    expect(await changed).toContain(path.join(dir, 'fr'));
    changed = w.next();
    writeFileSync(path.join(dir, 'fr/b.yaml'), 'b: 1\n');
    expect(await changed).toEqual([path.join(dir, 'fr/b.yaml')]);
  }, 60_000);

  it('ignores names the filter does not take', async () => {
    const dir = path.join(scratch, 'filter');
    mkdirSync(dir, { recursive: true });
    const w = watching([dir], (f) => f.endsWith('.yaml'));
    const changed = w.next();
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    writeFileSync(path.join(dir, 'c.yaml'), 'c: 1\n');
    expect(await changed).toEqual([path.join(dir, 'c.yaml')]);
    expect(w.calls).toHaveLength(1);
  }, 60_000);
});
