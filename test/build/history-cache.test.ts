/**
 * history.html from the build cache: a build keeps what each committed content of a notice is
 * (valid or not, its version and date) and each step's material changes in its cache, and the
 * next build reads them from there instead of validating and diffing every commit again. The page
 * is the same bytes as an uncached build's; a cached value is what the page shows (the cache is
 * really read); a stored value of the wrong shape is worked out again. Real git, real files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { cacheEntries, plantCacheEntry } from '../helpers/cache-entries.js';
import { REFERENCE } from '../render/helpers.js';

const ID = 'kaspersky-technical-support';
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: '2026-01-15T10:00:00Z', GIT_COMMITTER_DATE: '2026-01-15T10:00:00Z' };

/** A repository with notices/support.yaml at 1.0, an invalid commit, then 1.1. */
function makeRepo(): { repo: string; file: string } {
  const repo = mkdtempSync(path.join(tmpdir(), 'nk-history-cache-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, env });
  git('init', '-q', '-b', 'main');
  mkdirSync(path.join(repo, 'notices'));
  const file = path.join(repo, 'notices', 'support.yaml');
  const text = readFileSync(REFERENCE, 'utf8');
  writeFileSync(file, text);
  git('add', '.');
  git('commit', '-q', '-m', 'First version');
  writeFileSync(file, `${text}\nbroken: [\n`);
  git('commit', '-q', '-am', 'Broken');
  const doc = parseDocument(text);
  doc.set('version', '1.1');
  doc.setIn(['purposes', 0, 'legalBases', 0, 'gdpr'], '6(1)(c)');
  writeFileSync(file, doc.toString());
  git('commit', '-q', '-am', 'Another legal basis');
  return { repo, file };
}

/** Cache entries holding history's JSON: file -> value. */
function historyEntries(cache: string): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const { file, bytes } of cacheEntries(cache)) {
    const payload = bytes.toString('utf8');
    if (payload.startsWith('{')) out.set(file, JSON.parse(payload) as Record<string, unknown>);
  }
  return out;
}

const writeEntry = (file: string, value: unknown) => plantCacheEntry(file, Buffer.from(JSON.stringify(value)));

describe('history.html from the build cache', () => {
  let repo: string;
  let file: string;
  let cache: string;
  let clean: string;
  const page = async (more: { cacheDir?: string } = {}) => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'nk-history-cache-out-')), 'public');
    const result = await build({ files: [file], outDir: out, cwd: repo, formats: ['html'], jobs: 1, paper: 'a4', ...more });
    expect(result.ok, JSON.stringify(result.diagnostics.slice(0, 3))).toBe(true);
    return readFileSync(path.join(out, ID, 'history.html'), 'utf8');
  };
  beforeAll(async () => {
    ({ repo, file } = makeRepo());
    cache = mkdtempSync(path.join(tmpdir(), 'nk-history-cache-dir-'));
    clean = await page();
  }, 60_000);

  it('is the uncached page, from a cold and from a warm cache', async () => {
    expect(await page({ cacheDir: cache })).toBe(clean);
    // Three contents (two valid, one not) and one step between the valid ones.
    const values = [...historyEntries(cache).values()];
    expect(values.filter((v) => 'valid' in v).map((v) => v.valid).sort()).toEqual([false, true, true]);
    expect(values.filter((v) => 'material' in v)).toHaveLength(1);
    expect(await page({ cacheDir: cache })).toBe(clean);
    expect(clean).toContain('Version 1.1');
  });

  it('shows what the cache holds: a warm build reads it instead of validating again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nk-history-cache-read-'));
    await page({ cacheDir: dir });
    const [entry] = [...historyEntries(dir)].filter(([, v]) => v.version === '1.1');
    writeEntry(entry![0], { ...entry![1], version: '7.7' });
    const html = await page({ cacheDir: dir });
    expect(html).toContain('Version 7.7');
    expect(html).not.toContain('Version 1.1,');
  });

  it('works out again a stored value of the wrong shape, and replaces it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nk-history-cache-shape-'));
    await page({ cacheDir: dir });
    for (const [entry, value] of historyEntries(dir)) writeEntry(entry, 'valid' in value ? { valid: true } : { ...value, materialChanges: [{ id: 'x', kind: 'exploded' }] });
    expect(await page({ cacheDir: dir })).toBe(clean);
    expect([...historyEntries(dir).values()].filter((v) => 'valid' in v).map((v) => v.valid).sort()).toEqual([false, true, true]);
  });
});
