/**
 * scripts/gen-corpus.mjs (the benchmark corpus): deterministic, varied, and every notice valid.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadNotice } from '../../src/load/read-notice.js';
import { validateNoticeFiles } from '../../src/validate/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/gen-corpus.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function generate(out: string, ...args: string[]): string[] {
  execFileSync(process.execPath, [SCRIPT, '--out', path.join(scratch, out), ...args], { stdio: 'pipe' });
  return readdirSync(path.join(scratch, out)).sort();
}
const read = (dir: string, file: string) => readFileSync(path.join(scratch, dir, file), 'utf8');

describe('gen-corpus', () => {
  const files = generate('a', '--count', '60', '--seed', '7');

  it('writes notice-0001.yaml ... with matching ids', () => {
    expect(files).toHaveLength(60);
    expect(files[0]).toBe('notice-0001.yaml');
    expect(files[59]).toBe('notice-0060.yaml');
    for (const file of files) expect((loadNotice(read('a', file)).data as { id: string }).id).toBe(file.replace('.yaml', ''));
  });

  it('writes only valid notices', async () => {
    const results = await validateNoticeFiles(files.map((f) => path.join(scratch, 'a', f)));
    expect(results.flatMap((r) => r.diagnostics.map((d) => `${path.basename(r.file)}:${d.line}:${d.column} ${d.code} ${d.message}`))).toEqual([]);
  });

  it('is deterministic: the same seed gives the same bytes, whatever the count', () => {
    const again = generate('b', '--count', '20', '--seed', '7');
    for (const file of again) expect(read('b', file)).toBe(read('a', file));
    generate('c', '--count', '20', '--seed', '8');
    expect(read('c', 'notice-0001.yaml')).not.toBe(read('a', 'notice-0001.yaml'));
  });

  it('varies locales (2-3 of en, lv, de), section sizes and text lengths', () => {
    const notices = files.map((f) => loadNotice(read('a', f)).data as Record<string, unknown[] | Record<string, unknown>>);
    const localeCounts = new Set(notices.map((n) => (n.locales as string[]).length));
    expect([...localeCounts].sort()).toEqual([2, 3]);
    for (const n of notices) for (const l of n.locales as string[]) expect(['en', 'lv', 'de']).toContain(l);
    const spread = (f: (n: (typeof notices)[number]) => number) => new Set(notices.map(f)).size;
    expect(spread((n) => (n.purposes as unknown[]).length)).toBeGreaterThan(3);
    expect(spread((n) => (n.categories as unknown[]).length)).toBeGreaterThan(8);
    expect(spread((n) => (n.recipients as unknown[]).length)).toBeGreaterThan(3);
    expect(spread((n) => ((n.rights as { items: unknown[] }).items).length)).toBeGreaterThan(3);
    expect(spread((n) => ((n.transfers as { destinations?: unknown[] } | undefined)?.destinations ?? []).length)).toBeGreaterThan(3);
    const sizes = files.map((f) => read('a', f).length).sort((x, y) => x - y);
    expect(sizes.at(-1)! / sizes[0]!).toBeGreaterThan(2);
  });

  it('exits 2 with usage on bad arguments', () => {
    for (const args of [[], ['--count', 'many', '--out', scratch], ['--count', '3'], ['--bogus']]) {
      const result = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Usage: node scripts/gen-corpus.mjs');
    }
  });
});
