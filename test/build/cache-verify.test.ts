/**
 * Cache entries are checked on read: a truncated or tampered entry is rendered again, never published;
 * a tampered history entry is worked out again (history.html as in a clean build).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { fakeIO } from '../cli/fake-io.js';
import { cacheEntries } from '../helpers/cache-entries.js';
import { tree } from '../helpers/files.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function build(out: string, ...more: string[]) {
  const fake = fakeIO(ROOT, { PATH: process.env.PATH, CI: 'true' });
  const code = await run(['build', 'notices', '--out', out, '--formats', 'md,html', ...more], fake.io);
  return { code, stderr: fake.stderr() };
}

const partition = <T>(items: T[], test: (item: T) => boolean): [T[], T[]] => [items.filter(test), items.filter((i) => !test(i))];

function entries(cache: string): string[] {
  return cacheEntries(cache).map((e) => e.file);
}

describe('build cache', () => {
  it('renders a truncated or tampered entry again and publishes the clean bytes', async () => {
    const cache = path.join(dir, 'cache');
    const clean = path.join(dir, 'clean');
    expect((await build(clean, '--no-cache')).code).toBe(0);
    expect((await build(path.join(dir, 'first'), '--cache-dir', cache)).stderr).toContain('0 from cache, 8 rendered');
    // Documents, and what history.html is made from (JSON: a version's validity, a step's changes).
    // (The cache also keeps each notice's check, v8-serialized, and the records of each output: neither is looked at here.)
    const [documents, rest] = partition(entries(cache), (f) => ['<', '#'].includes(readFileSync(f).subarray(0, 1).toString()));
    const history = rest.filter((f) => readFileSync(f).subarray(0, 1).toString() === '{');
    expect(documents).toHaveLength(8);
    expect(history.length).toBeGreaterThan(0);
    const [a, b] = documents;
    writeFileSync(a!, readFileSync(a!).subarray(0, 40)); // truncated
    for (const file of [b!, ...history]) {
      const bytes = readFileSync(file);
      bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x20; // one bit of the payload changed
      writeFileSync(file, bytes);
    }
    const again = await build(path.join(dir, 'again'), '--cache-dir', cache);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('6 from cache, 2 rendered');
    expect(tree(path.join(dir, 'again')).has('kaspersky-technical-support/history.html')).toBe(true);
    const want = tree(clean);
    const got = tree(path.join(dir, 'again'));
    for (const [f, v] of want) if (f !== 'manifest.json') expect(got.get(f)!.equals(v), f).toBe(true);
    // The bad entries were replaced by good ones.
    expect((await build(path.join(dir, 'third'), '--cache-dir', cache)).stderr).toContain('8 from cache, 0 rendered');
  });

  it('an unwritable cache folder is a one-line warning and the build goes on uncached', async () => {
    const file = path.join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const result = await build(path.join(dir, 'uncached'), '--cache-dir', path.join(file, 'cache'));
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').filter((l) => l.startsWith('warning:'))).toHaveLength(1);
    expect(result.stderr).toMatch(/building without a cache/);
    expect(statSync(path.join(dir, 'uncached/praxisportal/1.0/de.md')).size).toBeGreaterThan(1000);
  });
});
