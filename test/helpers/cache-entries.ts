/**
 * The entries of a build cache folder, as tests read and plant them: a file `<kk>/<key>.<sha256>`
 * whose name ends in the SHA-256 of its bytes (see src/build/cache.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ENTRY = /^[0-9a-f]{64}\.[0-9a-f]{64}$/;

/** Every entry file under `cache`, with its bytes. */
export function cacheEntries(cache: string): { file: string; bytes: Buffer }[] {
  return readdirSync(cache, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ENTRY.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .map((file) => ({ file, bytes: readFileSync(file) }));
}

/**
 * Replace an entry's bytes with `bytes` that the cache will take as good: the file is renamed to
 * end in their SHA-256. @returns the new file name
 */
export function plantCacheEntry(file: string, bytes: Buffer): string {
  const name = path.basename(file);
  const renamed = path.join(path.dirname(file), `${name.slice(0, 64)}.${createHash('sha256').update(bytes).digest('hex')}`);
  writeFileSync(file, bytes);
  renameSync(file, renamed);
  return renamed;
}
