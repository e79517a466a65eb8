/**
 * Writes a build's files into its staging folder and keeps the manifest of what was written.
 * Writes still running when the build fails could recreate the staging folder after it is
 * removed: once {@link StagingWriter.stop} is called no write starts, and `stop` resolves when the
 * running ones have ended.
 *
 * A document the last build into the same output already wrote with the same cache key is not
 * written again: the published file is hard-linked into the staging folder ({@link StagingWriter.keep}),
 * so it keeps its bytes, inode and modification time, and it need not be read, hashed or synced.
 */
import { sha256Hex } from '../diff/util-hash.js';
import { closeSync, fstatSync, linkSync, mkdirSync, openSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { copyFile, link, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OutputRecord } from './cache.js';
import type { ManifestEntry } from './manifest.js';

/** What a manifest entry says besides its path, hash and size. */
export type EntryInfo = Omit<ManifestEntry, 'path' | 'sha256' | 'bytes'>;

/** A file {@link StagingWriter.write} wrote. */
export interface WrittenFile {
  file: string;
  /** SHA-256 (hex) of its bytes. */
  sha256: string;
}

/** The output folder a build replaces, and what the last build wrote into it. */
export interface PreviousOutput {
  dir: string;
  records: ReadonlyMap<string, OutputRecord>;
}

/** The files of one build's staging folder; see the module comment. */
export class StagingWriter {
  /** Every file written so far (the index and `latest/` copies included). */
  readonly manifest: ManifestEntry[] = [];
  /** The documents written or kept with a cache key, by path: what the next build may keep. */
  readonly records = new Map<string, OutputRecord>();
  private stopped = false;
  private inflight = new Set<Promise<unknown>>();
  private dirs = new Map<string, Promise<unknown>>();
  /** Files whose bytes this build wrote (not hard links to published files): what must be synced. */
  private written: string[] = [];

  /**
   * @param writeBytes writes a file (tests inject failures here); by default files are written
   *   with synchronous calls (open, write, fstat, close): a build writes thousands of small files
   *   from a thread that mostly waits, and one thread-pool round trip per call cost it more CPU
   *   time, taken from the render threads on two cores, than the calls
   * @param onWritten told after each notice document is written (not the index, not a history page)
   * @param beforeWrite called before each write (throws to stop the build, e.g. when it is aborted)
   * @param previous the output being replaced, with the records of the build that wrote it
   */
  constructor(
    readonly staging: string,
    private readonly writeBytes: ((file: string, data: Buffer) => Promise<void>) | undefined = undefined,
    private readonly onWritten: (rel: string) => void = () => undefined,
    private readonly beforeWrite: () => void = () => undefined,
    private readonly previous?: PreviousOutput,
  ) {}

  /** Make a folder (and its parents) once, however many files go into it. */
  ensureDir(dir: string): Promise<unknown> {
    let made = this.dirs.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true });
      this.dirs.set(dir, made);
    }
    return made;
  }

  /**
   * Write one file at `rel` (relative to the staging folder) and add it to the manifest.
   * @param key the document's cache key: recorded, so that the next build can keep the file
   * @returns the file's full path and the SHA-256 (hex) of its bytes
   */
  write(rel: string, data: string | Buffer, entry: EntryInfo, key?: string): Promise<WrittenFile> {
    return this.track(async () => {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      const full = path.join(this.staging, rel);
      await this.ensureDir(path.dirname(full));
      let info: BigIntStats | undefined;
      if (this.writeBytes) {
        await this.writeBytes(full, bytes);
        if (key !== undefined) info = await stat(full, { bigint: true });
      } else info = writeNew(full, bytes, key !== undefined);
      this.written.push(full);
      const sha256 = sha256Hex(bytes);
      if (key !== undefined) this.records.set(rel, { key, sha256, bytes: bytes.byteLength, ino: String(info!.ino), mtimeNs: String(info!.mtimeNs) });
      this.added(rel, entry, sha256, bytes.byteLength);
      return { file: full, sha256 };
    });
  }

  /**
   * Keep the document the output being replaced has at `rel`, when the build that wrote it gave it
   * the same cache key and the file is still the one it wrote (same inode, size and modification
   * time): hard-link it into the staging folder and add it to the manifest.
   * @returns false, having written nothing, when it cannot be kept (then write it)
   */
  async keep(rel: string, key: string, entry: EntryInfo): Promise<boolean> {
    const record = this.previous?.records.get(rel);
    if (!record || record.key !== key) return false;
    const from = path.join(this.previous!.dir, rel);
    // Synchronous calls: a rebuild keeps thousands of files and does little else meanwhile, and a
    // thread-pool round trip per call cost more than the call (1,000 notices, 4,772 documents kept:
    // ~0.7 s so, ~0.2 s without).
    const info = statSync(from, { bigint: true, throwIfNoEntry: false });
    if (!info?.isFile() || String(info.ino) !== record.ino || String(info.mtimeNs) !== record.mtimeNs || Number(info.size) !== record.bytes) return false;
    this.beforeWrite();
    if (this.stopped) throw new Error('The build has stopped.');
    const full = path.join(this.staging, rel);
    const dir = path.dirname(full);
    const made = this.dirs.get(dir);
    if (made) await made;
    else {
      mkdirSync(dir, { recursive: true });
      this.dirs.set(dir, Promise.resolve());
    }
    if (this.stopped) throw new Error('The build has stopped.');
    try {
      linkSync(from, full);
    } catch {
      return false;
    }
    this.records.set(rel, record);
    this.added(rel, entry, record.sha256, record.bytes);
    return true;
  }

  private added(rel: string, entry: EntryInfo, sha256: string, bytes: number): void {
    this.manifest.push({ path: rel, ...entry, sha256, bytes });
    if (entry.version !== null) this.onWritten(rel);
  }

  private track<T>(work: () => Promise<T>): Promise<T> {
    this.beforeWrite();
    if (this.stopped) return Promise.reject(new Error('The build has stopped.'));
    const running = work();
    this.inflight.add(running);
    const settle = () => this.inflight.delete(running);
    running.then(settle, settle);
    return running;
  }

  /**
   * Give written entries a second name (`latest/` copies): a hard link, the same bytes without
   * writing them twice; a copy where the file system has no hard links.
   * @param nameOf the second path of an entry, or undefined to skip it
   */
  async alias(nameOf: (entry: ManifestEntry) => string | undefined): Promise<void> {
    await Promise.all(
      [...this.manifest].map(async (e) => {
        const second = nameOf(e);
        if (second === undefined) return;
        const full = path.join(this.staging, second);
        await this.ensureDir(path.dirname(full));
        await link(path.join(this.staging, e.path), full).catch(async () => {
          await copyFile(path.join(this.staging, e.path), full);
          this.written.push(full);
        });
        this.manifest.push({ ...e, path: second });
      }),
    );
  }

  /**
   * What must be synced for the staging folder to survive a power loss: every file whose bytes this
   * build wrote (`extra` too: files written beside the writer) and every folder, the staging folder
   * included. Hard links to published files are not among them: their bytes are on disk already,
   * and their names are made durable by syncing the folders that hold them.
   */
  toSync(extra: readonly string[] = []): string[] {
    const folders = new Set<string>([this.staging]);
    for (const dir of this.dirs.keys()) {
      for (let d = dir; d.length > this.staging.length && !folders.has(d); d = path.dirname(d)) folders.add(d);
    }
    return [...folders, ...this.written, ...extra];
  }

  /** Refuse further writes and wait for the running ones to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.inflight]);
  }
}

/**
 * Write a new file synchronously; with `identify`, its identity as the next build checks it
 * (inode, modification time: see {@link OutputRecord}) from the same descriptor.
 */
function writeNew(file: string, bytes: Buffer, identify: boolean): BigIntStats | undefined {
  const fd = openSync(file, 'w');
  try {
    writeFileSync(fd, bytes);
    return identify ? fstatSync(fd, { bigint: true }) : undefined;
  } finally {
    closeSync(fd);
  }
}
