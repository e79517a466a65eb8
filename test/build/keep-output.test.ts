/**
 * A rebuild keeps the documents the last build into the same output published with the same cache
 * key: the same files (inode, modification time), not copies; anything that changed since, in the
 * notices or in the output itself, is published afresh, and the output always equals a clean build.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { syncFileSystem, syncPaths } from '../../src/build/swap.js';
import { fakeIO } from '../cli/fake-io.js';
import { cacheEntries } from '../helpers/cache-entries.js';
import { tree } from '../helpers/files.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-keep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const notices = path.join(dir, 'notices');
cpSync(path.join(ROOT, 'notices'), notices, { recursive: true });

async function build(out: string, ...more: string[]) {
  const fake = fakeIO(dir, { PATH: process.env.PATH, CI: 'true' });
  const code = await run(['build', 'notices', '--out', out, ...more], fake.io);
  return { code, stderr: fake.stderr() };
}

/** Inode and modification time of every notice document (not the index, manifest or history pages). */
function identities(out: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const rel of readdirSync(out, { recursive: true }).map(String)) {
    if (!/\/[\w-]+\.(md|html|pdf)$/.test(rel) || rel.endsWith('history.html')) continue;
    const info = statSync(path.join(out, rel), { bigint: true });
    ids.set(rel, `${info.ino}:${info.mtimeNs}`);
  }
  return ids;
}

/** The output equals a clean build's, byte for byte (the manifest too). */
function expectSame(out: string, clean: string): void {
  const want = tree(clean);
  const got = tree(out);
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [file, bytes] of want) expect(got.get(file)!.equals(bytes), file).toBe(true);
}

describe('a rebuild keeps what it published', () => {
  const cache = path.join(dir, 'cache');
  const out = path.join(dir, 'public');

  it('keeps every unchanged document, Markdown, HTML and PDF, as the same file', async () => {
    const clean = path.join(dir, 'clean');
    expect((await build(clean, '--no-cache')).code).toBe(0);
    expect((await build(out, '--cache-dir', cache)).stderr).toContain('0 from cache, 12 rendered');
    const before = identities(out);
    expect(before.size).toBe(24); // 12 documents and their latest/ names
    // Each document rendered is stored in the cache as a second name of the file published, not
    // written twice: every document's inode is an entry's.
    const entryInodes = new Set(cacheEntries(cache).map((e) => String(statSync(e.file, { bigint: true }).ino)));
    for (const [rel, id] of before) expect(entryInodes.has(id.split(':')[0]!), rel).toBe(true);
    const again = await build(out, '--cache-dir', cache);
    expect(again.stderr).toContain('12 from cache, 0 rendered');
    expect(identities(out)).toEqual(before);
    expectSame(out, clean);
  });

  it('publishes afresh the documents of a changed notice, and keeps the others', async () => {
    const before = identities(out);
    const file = path.join(notices, 'praxisportal.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^effectiveDate: .*$/m, 'effectiveDate: 2025-03-02'));
    try {
      expect((await build(out, '--cache-dir', cache)).stderr).toContain('6 from cache, 6 rendered');
      const after = identities(out);
      for (const [rel, id] of after) expect(id === before.get(rel), rel).toBe(!rel.startsWith('praxisportal/'));
      const clean = path.join(dir, 'clean-changed');
      expect((await build(clean, '--no-cache')).code).toBe(0);
      expectSame(out, clean);
    } finally {
      writeFileSync(file, text);
    }
    // Back to the first text: those documents come from the cache again (copies, not the files of two builds ago).
    expect((await build(out, '--cache-dir', cache)).stderr).toContain('12 from cache, 0 rendered');
  });

  it('does not keep a published document that was changed in place, or one whose record is damaged', async () => {
    const clean = path.join(dir, 'clean');
    const edited = path.join(out, 'praxisportal/1.0/en.html');
    appendFileSync(edited, '<script>changed after the build</script>');
    const info = statSync(edited);
    const md = path.join(out, 'kaspersky-technical-support/1.0/en.md');
    // The same size and inode, another modification time: a file replaced by a tool that kept its length.
    const bytes = readFileSync(md);
    bytes[0] = bytes[0] === 0x23 ? 0x21 : 0x23;
    writeFileSync(md, bytes);
    utimesSync(md, info.atime, new Date(info.mtimeMs + 5_000));
    const before = identities(out);
    // The Markdown file is also its cache entry (a document rendered by a build is a second name of
    // the entry it stores), so that entry fails its check and the document is rendered again; the
    // HTML page was copied from the cache (the test above), so its entry is intact.
    expect((await build(out, '--cache-dir', cache)).stderr).toContain('11 from cache, 1 rendered');
    expectSame(out, clean);
    const after = identities(out);
    for (const rel of ['praxisportal/1.0/en.html', 'praxisportal/latest/en.html', 'kaspersky-technical-support/1.0/en.md']) expect(after.get(rel)).not.toBe(before.get(rel));
    expect(after.get('praxisportal/1.0/de.html')).toBe(before.get('praxisportal/1.0/de.html'));
  });

  it('keeps nothing from another output folder, or when the records of the last build are gone', async () => {
    const other = path.join(dir, 'other');
    expect((await build(other, '--cache-dir', cache)).stderr).toContain('12 from cache, 0 rendered');
    const mine = identities(out);
    for (const [rel, id] of identities(other)) expect(id, rel).not.toBe(mine.get(rel));
    // A cache that lost its entries (another machine's, a cleaned one): the output is rendered into afresh.
    const emptied = path.join(dir, 'cache-emptied');
    expect((await build(out, '--cache-dir', emptied)).stderr).toContain('0 from cache, 12 rendered');
    for (const [rel, id] of identities(out)) expect(id, rel).not.toBe(mine.get(rel));
    expectSame(out, path.join(dir, 'clean'));
  });
});

describe('pruning the cache', () => {
  it('removes entries unused for 14 days, at most once a day', async () => {
    const cache = path.join(dir, 'cache-pruned');
    const out = path.join(dir, 'pruned');
    expect((await build(out, '--cache-dir', cache, '--formats', 'md')).code).toBe(0);
    const old = new Date(Date.now() - 15 * 86_400_000);
    const stale = (name: string) => {
      const file = path.join(cache, 'ff', name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, 'an entry no build uses');
      utimesSync(file, old, old);
      return file;
    };
    const first = stale(`${'f'.repeat(64)}.${'0'.repeat(64)}`);
    // Pruned within the day: the stale entry stays.
    expect((await build(out, '--cache-dir', cache, '--formats', 'md')).code).toBe(0);
    expect(() => statSync(first)).not.toThrow();
    // A day later, it goes; the entries the build used stay, though old.
    utimesSync(path.join(cache, '.last-prune'), old, old);
    const used = readdirSync(cache, { recursive: true }).map(String).filter((f) => /^[0-9a-f]{2}\/[0-9a-f]{64}\.[0-9a-f]{64}$/.test(f) && !f.startsWith('ff/'));
    expect(used.length).toBeGreaterThan(0);
    for (const f of used) utimesSync(path.join(cache, f), old, old);
    expect((await build(out, '--cache-dir', cache, '--formats', 'md')).stderr).toContain('4 from cache, 0 rendered');
    expect(() => statSync(first)).toThrow();
    // Every key still has its entry (the output records' under a new name: they change with each build).
    const kept = new Set(readdirSync(cache, { recursive: true }).map((f) => path.basename(String(f)).split('.')[0]));
    for (const f of used) expect(kept.has(path.basename(f).split('.')[0]), f).toBe(true);
  });
});

describe('syncing many files', () => {
  it('syncs the file system at once on Linux, and each path where that cannot be done', async () => {
    if (process.platform === 'linux') expect(await syncFileSystem(dir)).toBe(true);
    const saved = process.env.PATH;
    process.env.PATH = path.join(dir, 'no-such-folder');
    try {
      expect(await syncFileSystem(dir)).toBe(false);
      // 600 paths (above the threshold) with no sync program: each is synced, and a missing one fails.
      const files = Array.from({ length: 600 }, (_, i) => path.join(dir, `sync-${i}`));
      for (const f of files) writeFileSync(f, 'x');
      await expect(syncPaths(files)).resolves.toBeUndefined();
      await expect(syncPaths([...files, path.join(dir, 'missing')])).rejects.toThrow(/ENOENT/);
    } finally {
      process.env.PATH = saved;
    }
  });
});
