/**
 * File helpers shared by the stages.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Write a cache file atomically (temporary file, then rename), best effort: a read-only or full
 * cache folder only costs the time to make the file again next run, so failures are ignored.
 * @param options.dirExists the folder is known to exist (skips making it)
 */
export async function writeCacheFile(file: string, data: Buffer, options: { dirExists?: boolean } = {}): Promise<void> {
  try {
    if (!options.dirExists) await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch {
    // ignore: see above
  }
}
