/**
 * Join the outputs of sharded builds (`noticekit build --shard i/n`) into one publishable folder:
 * every shard's files (checked against its manifest), one manifest, one index. Staged and swapped
 * in whole, like a build.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadTemplateSet, renderIndex } from '../render/html/index.js';
import { manifestText, type ManifestEntry } from './manifest.js';
import { guardOutputDir } from './output-guard.js';
import { clearLeftovers, stagingPath, swapIn } from './swap.js';
import { NoticekitError } from '../errors.js';

/** A shard's output that cannot be merged. */
export class MergeError extends NoticekitError {
  override name = 'MergeError';
  /** @param message said to the user as it is */
  constructor(message: string) {
    super(message, 1);
  }
}

/**
 * Merge shard folders into `outDir`.
 * @param shardDirs output folders of `noticekit build --shard i/n`
 * @returns the merged manifest entries
 */
export async function mergeShards(shardDirs: string[], outDir: string, templatesDir?: string, cwd = process.cwd()): Promise<ManifestEntry[]> {
  const out = path.resolve(cwd, outDir);
  // The shards and the templates are inputs: the output may neither be nor hold one of them.
  const guard = () => guardOutputDir(out, { cwd, inputDirs: [...shardDirs, ...(templatesDir ? [templatesDir] : [])] });
  await guard();
  await clearLeftovers(out);
  const byPath = new Map<string, { entry: ManifestEntry; from: string }>();
  for (const dir of shardDirs) {
    let manifest: { files: ManifestEntry[] };
    try {
      manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { files: ManifestEntry[] };
    } catch {
      throw new MergeError(`${dir} has no readable manifest.json; is it the output of noticekit build?`);
    }
    for (const entry of manifest.files) {
      if (entry.path === 'index.html') continue;
      if (path.isAbsolute(entry.path) || entry.path.split('/').includes('..')) throw new MergeError(`${dir}/manifest.json lists an unsafe path '${entry.path}'.`);
      const bytes = await readFile(path.join(dir, entry.path)).catch(() => undefined);
      if (!bytes || createHash('sha256').update(bytes).digest('hex') !== entry.sha256) {
        throw new MergeError(`${path.join(dir, entry.path)} is missing or does not match its manifest entry; rebuild that shard.`);
      }
      const seen = byPath.get(entry.path);
      if (seen && seen.entry.sha256 !== entry.sha256) throw new MergeError(`${entry.path} differs between ${seen.from} and ${dir}; the shards come from different inputs.`);
      byPath.set(entry.path, { entry, from: dir });
    }
  }
  const staging = stagingPath(out);
  try {
    for (const { entry, from } of byPath.values()) {
      await mkdir(path.dirname(path.join(staging, entry.path)), { recursive: true });
      await copyFile(path.join(from, entry.path), path.join(staging, entry.path));
    }
    const files = [...byPath.values()].map((v) => v.entry);
    const index = Buffer.from(await renderIndex(await loadTemplateSet(templatesDir), files, templatesDir), 'utf8');
    await mkdir(staging, { recursive: true });
    await writeFile(path.join(staging, 'index.html'), index);
    files.push({ path: 'index.html', notice: null, version: null, locale: null, format: 'html', sha256: createHash('sha256').update(index).digest('hex'), bytes: index.byteLength });
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    await writeFile(path.join(staging, 'manifest.json'), manifestText(files));
    await swapIn(staging, out, guard);
    return files;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
