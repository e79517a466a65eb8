/**
 * File helpers shared by the stages.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** The folder is known to exist (skips making it). */
  dirExists?: boolean;
  /** fsync the file before the rename and the folder after it, so the new file survives a power loss. */
  durable?: boolean;
  /** Give the new file the mode of the file it replaces (when there is one). */
  keepMode?: boolean;
  /** Refuse to replace an existing file: the temporary file is linked to `file` instead of renamed over it, so an existing file fails with `EEXIST` and is left as it was. */
  noReplace?: boolean;
  /** Writes the temporary file (default: `fs.promises.writeFile`); tests inject failures here. */
  write?: (file: string, data: Buffer | string) => Promise<void>;
}

/**
 * Replace `file` atomically: the data goes to a temporary file beside it, which is then renamed
 * over it, so a reader (or a crash) sees the old file whole or the new one whole, never a part.
 * The temporary file is removed when anything fails. With `noReplace`, an existing `file` is never
 * replaced: the call fails with an `EEXIST` error (the check and the write are one step, no race).
 */
export async function writeFileAtomic(file: string, data: Buffer | string, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(file);
  if (!options.dirExists) await mkdir(dir, { recursive: true });
  const mode = options.keepMode ? (await stat(file).catch(() => undefined))?.mode : undefined;
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await (options.write ?? writeFile)(tmp, data);
    if (mode !== undefined || options.durable) {
      const handle = await open(tmp, 'r+');
      try {
        if (mode !== undefined) await handle.chmod(mode & 0o7777);
        if (options.durable) await handle.sync();
      } finally {
        await handle.close();
      }
    }
    if (options.noReplace) {
      await link(tmp, file);
      await unlink(tmp).catch(() => undefined);
    } else await rename(tmp, file);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  if (options.durable) {
    const handle = await open(dir, 'r').catch(() => undefined);
    await handle?.sync().catch(() => undefined);
    await handle?.close();
  }
}

/**
 * Write a cache file atomically, best effort: a read-only or full cache folder only costs the
 * time to make the file again next run, so failures are ignored (unless `strict`).
 * @param options.dirExists the folder is known to exist (skips making it)
 * @param options.strict throw on failure (for the package build, which must fill its folder)
 */
export async function writeCacheFile(file: string, data: Buffer, options: { dirExists?: boolean; strict?: boolean } = {}): Promise<void> {
  try {
    await writeFileAtomic(file, data, { dirExists: options.dirExists });
  } catch (error) {
    if (options.strict) throw error;
  }
}
