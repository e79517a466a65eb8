/**
 * Validation results from the build cache: a second build takes an unchanged notice's check from
 * the cache (a planted warning in an entry shows), a changed notice is validated afresh (and one
 * that became invalid fails with its diagnostic), a truncated entry is a miss and is written again.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { BuildCache } from '../../src/build/cache.js';
import { checkFilesCached } from '../../src/build/check-cache.js';
import { checkNoticeTexts } from '../../src/validate/index.js';
import { cacheEntries, plantCacheEntry } from '../helpers/cache-entries.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'nk-check-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, 'notices'));
const files = ['kaspersky-technical-support.yaml', 'praxisportal.yaml'].map((n) => {
  copyFileSync(path.join(ROOT, 'notices', n), path.join(dir, 'notices', n));
  return path.join(dir, 'notices', n);
});
const cache = path.join(dir, 'cache');
let outs = 0;
const run = (cacheDir?: string) => build({ files, outDir: path.join(dir, `out${outs++}`), cwd: dir, formats: ['md'], jobs: 1, paper: 'a4', history: false, ...(cacheDir ? { cacheDir } : {}) });

/** Good check entries: file -> value (v8-serialized, the name ending in their SHA-256). */
function checkEntries(): Map<string, { notice: unknown; diagnostics: unknown[] }> {
  const out = new Map<string, { notice: unknown; diagnostics: unknown[] }>();
  for (const { file, bytes } of cacheEntries(cache)) {
    if (bytes[0] !== 0xff || !file.endsWith(createHash('sha256').update(bytes).digest('hex'))) continue;
    out.set(file, deserialize(bytes) as { notice: unknown; diagnostics: unknown[] });
  }
  return out;
}

const PLANTED = 'planted in the cache entry';

describe('validation results from the build cache', () => {
  it('reuses the check of an unchanged notice, validates a changed one afresh, treats a truncated entry as a miss', async () => {
    const fresh = await run();
    expect(fresh.ok).toBe(true);
    expect((await run(cache)).diagnostics).toEqual(fresh.diagnostics);
    const entries = checkEntries();
    expect(entries.size).toBe(2);
    // A warning planted in every entry (with a matching hash) is reported: the entries are used.
    for (const [file, value] of entries) {
      const planted = { ...value, diagnostics: [...value.diagnostics, { code: 'hidden-character', severity: 'warning', message: PLANTED, file: 'x', line: 1, column: 1, path: '' }] };
      plantCacheEntry(file, serialize(planted));
    }
    const reused = await run(cache);
    expect(reused.ok).toBe(true);
    expect(reused.diagnostics.filter((d) => d.message === PLANTED)).toHaveLength(2);

    // A changed notice is validated afresh; the other still comes from its entry.
    const text = readFileSync(files[1]!, 'utf8');
    writeFileSync(files[1]!, text.replace(/^version: .*$/m, 'version: "1.1"'));
    const changed = await run(cache);
    expect(changed.ok).toBe(true);
    expect(changed.diagnostics.filter((d) => d.message === PLANTED)).toHaveLength(1);

    // One that became invalid fails the build with the diagnostic a build without a cache gives.
    writeFileSync(files[1]!, text.replace(/^version: .*$/m, 'version: "1.1"\ntitel: x'));
    const invalid = await run(cache);
    expect(invalid.ok).toBe(false);
    const uncached = await run();
    expect(uncached.diagnostics.some((d) => d.code === 'unknown-key' && d.severity === 'error')).toBe(true);
    expect(invalid.diagnostics.filter((d) => d.message !== PLANTED)).toEqual(uncached.diagnostics);

    // A byte-order mark added: the same text, so the same entry (the key is the text's, not the file's bytes).
    writeFileSync(files[1]!, `\ufeff${text}`);
    expect((await run(cache)).diagnostics.filter((d) => d.message === PLANTED)).toHaveLength(2);

    // Truncated entries are misses: checked afresh, reported as without a cache, and written again.
    writeFileSync(files[1]!, text);
    const truncated = [...checkEntries().keys()];
    for (const file of truncated) writeFileSync(file, readFileSync(file).subarray(0, 40));
    expect(checkEntries().size).toBe(0);
    const again = await run(cache);
    expect(again.ok).toBe(true);
    expect(again.diagnostics).toEqual(fresh.diagnostics);
    expect(checkEntries().size).toBe(2);
    expect([...checkEntries().values()].every((v) => Array.isArray(v.diagnostics) && !v.diagnostics.some((d) => (d as { message: string }).message === PLANTED))).toBe(true);
  });

  it('gives a result from the cache the text, its hash and the notice a fresh check gives', async () => {
    const folder = path.join(dir, 'lazy');
    mkdirSync(folder);
    const bom = path.join(folder, 'with-bom.yaml');
    writeFileSync(bom, `\ufeff${readFileSync(path.join(ROOT, 'notices/praxisportal.yaml'), 'utf8')}`);
    const inputs = [path.join(ROOT, 'notices/kaspersky-technical-support.yaml'), bom];
    const fresh = await checkNoticeTexts(inputs);
    const first = (await BuildCache.open(path.join(folder, 'cache'), 'fingerprint'))!;
    await checkFilesCached(inputs, first, checkNoticeTexts);
    await first.settle();
    let checked = 0;
    const second = (await BuildCache.open(path.join(folder, 'cache'), 'fingerprint'))!;
    const cached = await checkFilesCached(inputs, second, (some) => ((checked += some.length), checkNoticeTexts(some)));
    expect(checked).toBe(0);
    cached.forEach((c, i) => {
      expect(c.textHash).toBe(createHash('sha256').update(fresh[i]!.text).digest('hex'));
      expect(c.text).toBe(fresh[i]!.text);
      expect(c.notice).toEqual(fresh[i]!.notice);
    });
    expect(cached[1]!.text.startsWith('\ufeff')).toBe(false);
  });
});
