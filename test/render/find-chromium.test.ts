/**
 * Which browser findChromium picks: the variables first, then chromium-headless-shell before
 * chromium, across the folders of PATH.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, NoBrowserError } from '../../src/render/pdf/browser.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'noticekit-find-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder holding empty executables of these names. */
function folder(name: string, executables: string[]): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const file of executables) {
    writeFileSync(path.join(dir, file), '#!/bin/sh\n');
    chmodSync(path.join(dir, file), 0o755);
  }
  return dir;
}

describe('findChromium', () => {
  const both = folder('both', ['chromium', 'chromium-headless-shell']);
  const plain = folder('plain', ['chromium']);
  const shell = folder('shell', ['chromium-headless-shell']);

  it('prefers chromium-headless-shell to chromium in one folder', () => {
    expect(findChromium({ PATH: both })).toBe(path.join(both, 'chromium-headless-shell'));
  });

  it('prefers chromium-headless-shell in a later PATH folder to chromium in an earlier one', () => {
    expect(findChromium({ PATH: [plain, shell].join(path.delimiter) })).toBe(path.join(shell, 'chromium-headless-shell'));
  });

  it('takes chromium when there is no headless shell', () => {
    expect(findChromium({ PATH: plain })).toBe(path.join(plain, 'chromium'));
  });

  it('lets CHROME_PATH and PUPPETEER_EXECUTABLE_PATH choose, as before', () => {
    expect(findChromium({ PATH: shell, CHROME_PATH: path.join(plain, 'chromium') })).toBe(path.join(plain, 'chromium'));
    expect(findChromium({ PATH: shell, PUPPETEER_EXECUTABLE_PATH: path.join(plain, 'chromium') })).toBe(path.join(plain, 'chromium'));
  });

  it('says how to install the headless shell when there is none', () => {
    expect(() => findChromium({ PATH: folder('empty', []) })).toThrow(NoBrowserError);
    expect(() => findChromium({ PATH: folder('empty', []) })).toThrow(/apt-get install --no-install-recommends chromium-headless-shell/);
  });
});
