/**
 * The published package: what `npm pack` would put in the tarball, and how it is loaded by
 * consumers (subpath exports, `require`). Runs against dist/ (npm run prepare).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT_TEMPLATES } from '../src/init/project-files.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A folder whose node_modules/noticekit is this checkout, as an installed package would be. */
function consumer(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nk-consumer-'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(ROOT, path.join(dir, 'node_modules', 'noticekit'), 'dir');
  return dir;
}

describe('the package', () => {
  it('ships the full Apache-2.0 licence text', () => {
    const license = readFileSync(path.join(ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(license).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    expect(license).toContain('END OF TERMS AND CONDITIONS');
    expect(license).toContain('APPENDIX: How to apply the Apache License to your work.');
    expect((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { license: string }).license).toBe('Apache-2.0');
  });

  it('packs the licence, the schema and no source maps pointing at files it does not ship', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    const [pack] = JSON.parse(out) as { files: { path: string }[]; size: number }[];
    const files = pack!.files.map((f) => f.path);
    expect(files).toContain('LICENSE');
    expect(files).toContain('schema/notice.schema.json');
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/require.cjs');
    // What `noticekit init` writes into a new project.
    for (const t of PROJECT_TEMPLATES) expect(files).toContain(`templates/init/${t.template}`);
    // Maps would point at ../src, which is not shipped; none are packed, and no shipped file names one.
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.some((f) => f.startsWith('src/'))).toBe(false);
    for (const f of files.filter((x) => x.endsWith('.js'))) expect(readFileSync(path.join(ROOT, f), 'utf8'), f).not.toMatch(/sourceMappingURL/);
  });

  it('exports the schema and package.json, and tells require() callers to use import()', () => {
    const dir = consumer();
    const script = [
      "const schema = require('noticekit/schema/notice.schema.json');",
      "const pkg = require('noticekit/package.json');",
      "let message = '';",
      "try { require('noticekit'); } catch (e) { message = e.message; }",
      'console.log(JSON.stringify({ id: schema.$id, name: pkg.name, message }));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { id: string; name: string; message: string };
    expect(result.id).toMatch(/notice\.schema\.json$/);
    expect(result.name).toBe('noticekit');
    expect(result.message).toMatch(/ES module.*import\('noticekit'\)/);
  });

  it('loads as an ES module through its export map', () => {
    const dir = consumer();
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('noticekit'); console.log(typeof m.validateNotice, typeof m.build);"], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('function function');
  });
});
