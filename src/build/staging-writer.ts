/**
 * Writes a build's files into its staging folder and keeps the manifest of what was written.
 * Writes still running when the build fails could recreate the staging folder after it is
 * removed: once {@link StagingWriter.stop} is called no write starts, and `stop` resolves when the
 * running ones have ended.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ManifestEntry } from './manifest.js';

/** What a manifest entry says besides its path, hash and size. */
export type EntryInfo = Omit<ManifestEntry, 'path' | 'sha256' | 'bytes'>;

/** The files of one build's staging folder; see the module comment. */
export class StagingWriter {
  /** Every file written so far (the index and `latest/` copies included). */
  readonly manifest: ManifestEntry[] = [];
  private stopped = false;
  private inflight = new Set<Promise<void>>();
  private dirs = new Map<string, Promise<unknown>>();

  /**
   * @param onWritten told after each notice document is written (not the index, not a history page)
   * @param beforeWrite called before each write (throws to stop the build, e.g. when it is aborted)
   */
  constructor(
    readonly staging: string,
    private readonly writeBytes: (file: string, data: Buffer) => Promise<void> = writeFile,
    private readonly onWritten: (rel: string) => void = () => undefined,
    private readonly beforeWrite: () => void = () => undefined,
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

  /** Write one file at `rel` (relative to the staging folder) and add it to the manifest. */
  write(rel: string, data: string | Buffer, entry: EntryInfo): Promise<void> {
    this.beforeWrite();
    if (this.stopped) return Promise.reject(new Error('The build has stopped.'));
    const work = (async () => {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      const full = path.join(this.staging, rel);
      await this.ensureDir(path.dirname(full));
      await this.writeBytes(full, bytes);
      this.manifest.push({ path: rel, ...entry, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength });
      if (entry.version !== null) this.onWritten(rel);
    })();
    this.inflight.add(work);
    const settle = () => this.inflight.delete(work);
    work.then(settle, settle);
    return work;
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
        await this.ensureDir(path.dirname(path.join(this.staging, second)));
        await link(path.join(this.staging, e.path), path.join(this.staging, second)).catch(() => copyFile(path.join(this.staging, e.path), path.join(this.staging, second)));
        this.manifest.push({ ...e, path: second });
      }),
    );
  }

  /** Refuse further writes and wait for the running ones to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.inflight]);
  }
}
