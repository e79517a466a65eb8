/**
 * Validation results from a build's worker threads: they cross as UTF-8 text and serialized
 * results, and the build keeps those bytes as its cache entries. A result that crossed is the
 * result of checking the file here; a cache filled by a build with worker threads answers the
 * next build's lookups without a check.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fromWire, toWire, wireTransfer } from '../../src/build/check-wire.js';
import { checkNoticeTexts } from '../../src/validate/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'nk-check-wire-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('validation results as they cross from a worker thread', () => {
  it('arrive as the check made them, the text decoded from its UTF-8 bytes', async () => {
    const invalid = path.join(dir, 'invalid.yaml');
    writeFileSync(invalid, 'id: x\ntitel: Ā\n');
    const files = [path.join(ROOT, 'notices/kaspersky-technical-support.yaml'), path.join(ROOT, 'notices/praxisportal.yaml'), invalid];
    const checked = await checkNoticeTexts(files);
    for (const c of checked) {
      const wire = toWire(c);
      // The buffers are moved, not copied: the ones it names are all it holds.
      expect(wireTransfer(wire)).toEqual([wire.utf8.buffer, wire.result.buffer]);
      const back = fromWire(structuredClone(wire));
      expect(back.text).toBe(c.text);
      expect(back.textHash).toBe(sha256(c.text));
      expect(back.notice).toEqual(c.notice);
      expect(back.diagnostics).toEqual(c.diagnostics);
      // A valid result keeps its bytes as the cache entry; an invalid one has none.
      if (c.notice) expect(deserialize(back.entry!)).toEqual({ notice: c.notice, diagnostics: c.diagnostics });
      else expect(back.entry).toBeUndefined();
    }
  });

  it('fill the cache of a build with worker threads: the next lookups need no check', async () => {
    // Worker threads run compiled code only: the build, cache and check modules of dist/.
    const dist = (file: string) => import(pathToFileURL(path.join(ROOT, 'dist', file)).href);
    const { build } = (await dist('build/build.js')) as typeof import('../../src/build/build.js');
    const { BuildCache, fingerprintFolders, toolkitFingerprint } = (await dist('build/cache.js')) as typeof import('../../src/build/cache.js');
    const { checkFilesCached } = (await dist('build/check-cache.js')) as typeof import('../../src/build/check-cache.js');
    const { templateDirs } = (await dist('render/html/index.js')) as typeof import('../../src/render/html/index.js');
    const folder = path.join(dir, 'notices');
    mkdirSync(folder);
    const source = readFileSync(path.join(ROOT, 'notices/praxisportal.yaml'), 'utf8');
    // Enough files for the build to validate them in its worker threads (64 or more).
    const files = Array.from({ length: 70 }, (_, i) => {
      const file = path.join(folder, `n${i}.yaml`);
      writeFileSync(file, source.replace(/^id: .*$/m, `id: notice-${i}`));
      return file;
    });
    const cacheDir = path.join(dir, 'cache');
    const built = await build({ files, outDir: path.join(dir, 'out'), cwd: dir, formats: ['md'], jobs: 1, paper: 'a4', history: false, renderThreads: 2, cacheDir });
    expect(built.ok).toBe(true);
    // The cache as the build opened it (the same fingerprint), looked up as the next build would.
    const shared = createHash('sha256').update(await toolkitFingerprint()).update(await fingerprintFolders(templateDirs(undefined))).digest('hex');
    const cache = (await BuildCache.open(cacheDir, shared))!;
    const fresh = await checkNoticeTexts(files);
    let asked = 0;
    const again = await checkFilesCached(files, cache, (some) => ((asked += some.length), checkNoticeTexts(some)));
    expect(asked).toBe(0);
    again.forEach((c, i) => {
      expect(c.notice).toEqual(fresh[i]!.notice);
      expect(c.diagnostics).toEqual(fresh[i]!.diagnostics);
      expect(c.text).toBe(fresh[i]!.text);
    });
  });
});
