/**
 * When a build starts Chromium: early, while Markdown and HTML render, when a PDF has to be
 * printed; not at all when every PDF is in the cache. A cached PDF that turns out unreadable is
 * printed again on a browser started then. Chromium runs through a wrapper that counts its
 * launches (CHROME_PATH), real Chromium behind it.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { findChromium } from '../../src/render/pdf/browser.js';
import { fakeIO } from '../cli/fake-io.js';
import { cacheEntries } from '../helpers/cache-entries.js';
import { tree } from '../helpers/files.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-browser-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const log = path.join(dir, 'launches.log');
const wrapper = path.join(dir, 'chromium');
writeFileSync(wrapper, `#!/bin/sh\necho launched >> '${log}'\nexec '${findChromium()}' "$@"\n`);
chmodSync(wrapper, 0o755);
const launches = () => readFileSync(log, 'utf8').split('\n').filter(Boolean).length;

async function build(out: string) {
  const fake = fakeIO(ROOT, { PATH: process.env.PATH, CI: 'true', CHROME_PATH: wrapper });
  const code = await run(['build', 'notices/praxisportal.yaml', '--locales', 'en', '--formats', 'html,pdf', '--cache-dir', path.join(dir, 'cache'), '--out', out], fake.io);
  expect(code, fake.stderr()).toBe(0);
  return fake.stderr();
}

describe('Chromium in a build', () => {
  it('starts for PDFs to print, not when all are cached, and again for a cached PDF that is unreadable', async () => {
    writeFileSync(log, '');
    const first = await build(path.join(dir, 'first'));
    expect(first).toContain(`PDFs printed by ${wrapper}`);
    expect(launches()).toBe(1);

    const warm = await build(path.join(dir, 'warm'));
    expect(warm).toContain('2 from cache, 0 rendered');
    expect(launches()).toBe(1);

    // What the first build published, read before its cache entry (the same file) is damaged.
    const want = tree(path.join(dir, 'first'));
    const [pdf] = cacheEntries(path.join(dir, 'cache')).filter((e) => e.bytes.subarray(0, 4).toString() === '%PDF');
    writeFileSync(pdf!.file, pdf!.bytes.subarray(0, 40)); // truncated
    const again = await build(path.join(dir, 'again'));
    expect(again).toContain('1 from cache, 1 rendered');
    expect(launches()).toBe(2);

    for (const out of ['warm', 'again']) {
      const got = tree(path.join(dir, out));
      for (const [f, v] of want) if (f !== 'manifest.json') expect(got.get(f)?.equals(v), `${out}/${f}`).toBe(true);
    }
  }, 120_000);
});
