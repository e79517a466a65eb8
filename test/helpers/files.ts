/**
 * File-tree helpers shared by the build, hostile and parallel tests.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Every file under a folder, relative path -> bytes (empty when the folder does not exist). */
export function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), readFileSync(full));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/**
 * Make `dir` look like an earlier noticekit output holding `files` (relative path -> text): the
 * files and a manifest with noticekit's marker listing them.
 */
export function fakeOutput(dir: string, files: Record<string, string>): void {
  const entries = Object.entries(files).map(([rel, text]) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
    return { path: rel, notice: null, version: null, locale: null, format: rel.split('.').pop(), sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) };
  });
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify({ generator: 'noticekit', files: entries }, null, 2)}\n`);
}
