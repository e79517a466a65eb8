/**
 * A content-addressed cache of rendered documents, so a build re-renders only what changed.
 * The key of a document is the SHA-256 of everything its bytes depend on: the toolkit's own code
 * and version, the template set and phrase packs, the font package, the notice file, the locale,
 * the format and the options that affect output. Output from the cache is byte-identical to a
 * clean build because rendering is deterministic.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, futimesSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { access, link, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../diff/util-hash.js';
import { writeCacheFile } from '../util-fs.js';
import { eachBounded } from './bounded.js';


/** The file whose modification time says when the cache was last pruned. */
const PRUNED = '.last-prune';
/** A day, in ms: how often a build prunes the cache, and how stale an entry's time may be. */
const DAY_MS = 86_400_000;

/** An entry's file name: the key, then the SHA-256 of its bytes (both hex). */
const ENTRY_NAME = /^([0-9a-f]{64})\.([0-9a-f]{64})$/;

/** A cache entry, read and checked. */
export interface CachedEntry {
  bytes: Buffer;
  file: string;
}

/** Files under a folder, recursively, sorted (for fingerprints). */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/** SHA-256 over the contents of every file in some folders (names relative to each folder). */
export async function fingerprintFolders(dirs: string[], filter: (file: string) => boolean = () => true): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    for (const file of await listFiles(dir)) {
      if (!filter(file)) continue;
      hash.update(`${path.relative(dir, file)}\u0000`);
      hash.update(await readFile(file));
      hash.update('\u0000');
    }
  }
  return hash.digest('hex');
}

let toolkit: Promise<string> | undefined;
/** Fingerprint of noticekit itself: its compiled code (or sources under test), version and font package, and the Node it runs on. */
export function toolkitFingerprint(): Promise<string> {
  toolkit ??= (async () => {
    const require = createRequire(import.meta.url);
    const own = fileURLToPath(new URL('..', import.meta.url)); // dist/ (or src/ when run from sources)
    const fontPkg = await readFile(require.resolve('@expo-google-fonts/noto-sans/package.json'), 'utf8');
    const pkg = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
    const code = await fingerprintFolders([own], (f) => /\.(js|ts|json)$/.test(f) && !f.endsWith('.d.ts'));
    // Node's version and its ICU data: dates, country and language names are Intl's, and change with them.
    const runtime = [process.version, process.versions.icu, process.versions.cldr, process.versions.unicode].join('\u0000');
    return createHash('sha256').update(code).update(pkg).update(fontPkg).update(runtime).digest('hex');
  })();
  return toolkit;
}

/**
 * One document a build published: its cache key, what its manifest entry says of its bytes, and
 * the file's identity (inode, modification time in ns, both as decimal strings), so that the next
 * build can tell the file is still the one it wrote, as git's index does, without reading it.
 */
export interface OutputRecord {
  key: string;
  sha256: string;
  bytes: number;
  ino: string;
  mtimeNs: string;
}

/** The cache of one build. */
export class BuildCache {
  private used = new Set<string>();
  hits = 0;
  misses = 0;

  private constructor(
    readonly dir: string,
    private readonly base: string,
  ) {}

  /**
   * Open (create) a cache folder for a build whose shared inputs have the given fingerprint.
   * @param sharedFingerprint hash of the toolkit, templates and phrase packs
   */
  static async open(dir: string, sharedFingerprint: string, onWarning?: (message: string) => void): Promise<BuildCache | undefined> {
    try {
      await mkdir(dir, { recursive: true });
      await access(dir, constants.W_OK);
    } catch (error) {
      onWarning?.(`cannot use the cache folder ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); building without a cache (--cache-dir DIR picks another).`);
      return undefined;
    }
    return new BuildCache(dir, sharedFingerprint);
  }

  /**
   * The key of one document.
   * @param textHash SHA-256 (hex) of the notice's text as UTF-8 ({@link PreparedNotice.textHash})
   */
  key(textHash: string, locale: string, format: string, options: string): string {
    return createHash('sha256').update(this.base).update('\u0000').update(textHash).update('\u0000').update(`${locale}|${format}|${options}`).digest('hex');
  }

  /**
   * The key of something else a build keeps (a history result), under the same fingerprint.
   * @param name what it is, unique among such names
   */
  keyOf(name: string): string {
    return createHash('sha256').update(this.base).update('\u0000').update(name).digest('hex');
  }

  /** The subfolder of a key's entries (256 of them, by the key's first two hex digits). */
  private folder(key: string): string {
    return path.join(this.dir, key.slice(0, 2));
  }

  /**
   * The entries of a key: file names `<key>.<sha256 of the bytes>` in its subfolder. Each subfolder
   * is listed once per build (a failed open per missing entry cost a cold build more than a
   * listing), and the build adds what it stores.
   */
  private namesOf(key: string): string[] {
    const sub = key.slice(0, 2);
    let listing = this.listings.get(sub);
    if (!listing) {
      listing = new Map();
      this.listings.set(sub, listing);
      let names: string[] = [];
      try {
        names = readdirSync(path.join(this.dir, sub));
      } catch {
        // No such subfolder yet: no entries.
      }
      for (const name of names) {
        const m = ENTRY_NAME.exec(name);
        if (m) listing.set(m[1]!, [...(listing.get(m[1]!) ?? []), name]);
      }
    }
    let names = listing.get(key);
    if (!names) listing.set(key, (names = []));
    return names;
  }

  private listings = new Map<string, Map<string, string[]>>();

  /**
   * A cached document, or undefined: its bytes and the entry's file. An entry's
   * name ends in the SHA-256 of its bytes; one whose bytes do not match (truncated, tampered with,
   * or a published file it shares with changed in place) is removed and counts as a miss, so it is
   * rendered again and never published.
   */
  get(key: string): CachedEntry | undefined {
    const entry = this.entrySync(key);
    if (entry) this.hits++;
    else this.misses++;
    return entry;
  }

  /** As {@link get}, for what is not a document: not counted among the build's hits and misses. */
  async lookup(key: string): Promise<Buffer | undefined> {
    return this.lookupSync(key);
  }

  /** As {@link lookup}, on this thread: see {@link entrySync}. */
  lookupSync(key: string): Buffer | undefined {
    return this.entrySync(key)?.bytes;
  }

  /**
   * Count a document that a build kept from its previous output (the same key, so the same bytes)
   * as a hit, and keep its entry from being pruned; the entry itself is not read.
   */
  kept(key: string): void {
    this.used.add(key);
    this.hits++;
  }

  /**
   * What the last build into `outDir` with this fingerprint wrote there, by path (empty when there
   * was none, or when what was kept of it cannot be read).
   */
  async outputRecords(outDir: string): Promise<Map<string, OutputRecord>> {
    const bytes = await this.lookup(this.recordsKey(outDir));
    if (!bytes) return new Map();
    try {
      const rows = JSON.parse(bytes.toString('utf8')) as [string, OutputRecord][];
      return new Map(rows);
    } catch {
      return new Map();
    }
  }

  private recordsKey(outDir: string): string {
    return this.keyOf(`output\u0000${outDir}`);
  }

  /** Keep what a build wrote into `outDir`, for the next build into it ({@link outputRecords}). */
  async putOutputRecords(outDir: string, records: ReadonlyMap<string, OutputRecord>): Promise<void> {
    await this.put(this.recordsKey(outDir), Buffer.from(JSON.stringify([...records]), 'utf8'));
  }

  /**
   * The entry of a key, read on this thread: entries are small, most lookups of a cold build are
   * misses (answered by the listing), and the thread-pool round trips of asynchronous reads cost
   * more than the reads; a build looks up every document before it renders the first.
   * An entry's time is refreshed only when it is a day old (pruning looks for weeks), and not when
   * it is also a published document (it has other links): that file's time is the build's record
   * of it (see {@link OutputRecord}).
   */
  private entrySync(key: string): CachedEntry | undefined {
    const names = this.namesOf(key);
    for (const name of [...names]) {
      const file = path.join(this.folder(key), name);
      let bytes: Buffer | undefined;
      let fd: number | undefined;
      try {
        fd = openSync(file, 'r');
        const info = fstatSync(fd);
        bytes = readFileSync(fd);
        if (info.mtimeMs < Date.now() - DAY_MS && info.nlink === 1) {
          const now = new Date();
          futimesSync(fd, now, now);
        }
      } catch {
        // Missing or unreadable: a miss (a time that cannot be refreshed is not).
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
      if (bytes && sha256Hex(bytes) === name.slice(key.length + 1)) {
        this.used.add(key);
        return { bytes, file };
      }
      names.splice(names.indexOf(name), 1);
      try {
        if (bytes) rmSync(file, { force: true });
      } catch {
        // Replaced when the entry is written again.
      }
    }
    return undefined;
  }

  /** True when there is an entry for every key (not read, so not checked: see {@link get}). */
  async holdsAll(keys: readonly string[]): Promise<boolean> {
    return keys.every((key) => this.namesOf(key).length > 0);
  }

  /** Store bytes (atomically; a failure to cache never fails the build). */
  async put(key: string, bytes: Buffer): Promise<void> {
    const name = `${key}.${sha256Hex(bytes)}`;
    if (!(await this.madeFolder(key))) return;
    await writeCacheFile(path.join(this.folder(key), name), bytes, { dirExists: true });
    await this.stored(key, name);
  }

  /**
   * Store a document the build has just written to `file` (its bytes, their SHA-256): as a second
   * name of that file, so a cold build does not write each document twice; where the cache is on
   * another file system (or links fail), as a copy.
   */
  async putLinked(key: string, file: string, sha256: string, bytes: Buffer): Promise<void> {
    const name = `${key}.${sha256}`;
    if (!(await this.madeFolder(key))) return;
    const linked = await link(file, path.join(this.folder(key), name)).then(
      () => true,
      (error: NodeJS.ErrnoException) => error.code === 'EEXIST',
    );
    if (!linked) await writeCacheFile(path.join(this.folder(key), name), bytes, { dirExists: true });
    await this.stored(key, name);
  }

  /** Note a stored entry; the key's other entries (older bytes under the same key) are removed. */
  private async stored(key: string, name: string): Promise<void> {
    this.used.add(key);
    const names = this.namesOf(key);
    const others = names.filter((n) => n !== name);
    names.splice(0, names.length, name);
    await Promise.all(others.map((n) => rm(path.join(this.folder(key), n), { force: true }).catch(() => undefined)));
  }

  /** Make a key's subfolder, once per build. */
  private madeFolder(key: string): Promise<boolean> {
    const dir = this.folder(key);
    let made = this.dirs.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true }).then(
        () => true,
        () => false,
      );
      this.dirs.set(dir, made);
    }
    return made;
  }

  private dirs = new Map<string, Promise<boolean>>();

  private later: Promise<void>[] = [];

  /**
   * Store bytes made by `make` without holding up the caller: the entries are written a few at a
   * time while the build goes on (a cold build's validation results, ~1,000 entries, held rendering
   * back by ~0.5 s). {@link settle} waits for them.
   */
  putLater(entries: readonly { key: string; make: () => Buffer }[]): void {
    // Best effort, as put is: a failure to cache never fails the build.
    this.later.push(eachBounded(entries, 8, async (e) => this.put(e.key, e.make())).catch(() => undefined));
  }

  /** Wait for the writes {@link putLater} started. */
  async settle(): Promise<void> {
    const running = this.later;
    this.later = [];
    await Promise.all(running);
  }

  /**
   * Remove entries no build has used for `maxAgeDays` (hits refresh an entry's time), so the cache
   * does not grow without bound but a build of a few files does not evict the rest; at most once a
   * day (the time of the last pruning is kept in the cache folder).
   */
  async prune(maxAgeDays = 14): Promise<number> {
    // Listing a large cache costs a build of 1,000 notices ~0.25 s: once a day is enough.
    const stamp = path.join(this.dir, PRUNED);
    const last = await stat(stamp).catch(() => undefined);
    if (last && Date.now() - last.mtimeMs < DAY_MS) return 0;
    await writeCacheFile(stamp, Buffer.alloc(0), { dirExists: true });
    let removed = 0;
    const cutoff = Date.now() - maxAgeDays * DAY_MS;
    for (const file of await listFiles(this.dir)) {
      if (path.basename(file) === PRUNED) continue;
      if (this.used.has(path.basename(file).split('.')[0]!)) continue;
      const info = await stat(file).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
