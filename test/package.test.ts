/**
 * The published package: what `npm pack` puts in the tarball, and that tarball installed into a
 * fresh consumer project as a user would get it (bin, export map, `require`, no install scripts).
 * Packs the dist/ of this checkout (npm run build; `--ignore-scripts`, so the suite never rebuilds
 * dist/ under the other tests).
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_TEMPLATES } from '../src/init/project-files.js';
import { tree } from './helpers/files.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'dist/cli/bin.js');

/** Budget for the tarball (bytes): about 1.1 MB packed, 2.4 MB unpacked at 0.1.0. */
const MAX_PACKED = 1_500_000;
const MAX_UNPACKED = 3_000_000;

/** The lifecycle scripts npm runs for a dependency when it is installed. */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

/**
 * The environment without the `npm_*` variables of an enclosing `npm test` (npm_config_local_prefix
 * and the like would point the consumer's npm at this checkout).
 */
const cleanEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

const spawn = (cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> => spawnSync(cmd, args, { cwd, encoding: 'utf8', env: cleanEnv() });

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
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
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', env: cleanEnv() });
    const [pack] = JSON.parse(out) as Packed[];
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
});

describe('the tarball installed into a consumer project', () => {
  let packed: Packed;
  let consumer: string;
  let install: SpawnSyncReturns<string>;

  beforeAll(() => {
    const work = mkdtempSync(path.join(tmpdir(), 'nk-pack-'));
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', env: cleanEnv() });
    packed = (JSON.parse(out) as Packed[])[0]!;
    consumer = path.join(work, 'consumer');
    cpSync(path.join(ROOT, 'notices'), path.join(consumer, 'notices'), { recursive: true });
    writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'nk-consumer', version: '1.0.0', private: true }));
    // The npm cache holds the dependencies' tarballs (from `npm ci`) but not the registry's version
    // lists, so the consumer starts from this checkout's locked production dependencies: npm then
    // resolves nothing and, --offline, never touches the network.
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const packages: Record<string, object> = { '': { name: 'nk-consumer', version: '1.0.0' } };
    for (const [key, entry] of Object.entries(lock.packages)) if (key !== '' && !entry.dev) packages[key] = { ...entry, extraneous: true };
    writeFileSync(path.join(consumer, 'package-lock.json'), JSON.stringify({ name: 'nk-consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages }));
    install = spawn('npm', ['install', path.join(work, packed.filename), '--offline', '--no-audit', '--no-fund', '--foreground-scripts'], consumer);
    if (install.status !== 0) throw new Error(`npm install of the tarball failed (is the npm cache filled? run npm ci):\n${install.stderr}`);
  });

  it('is a tarball within its size budget', () => {
    expect(existsSync(path.join(consumer, '..', packed.filename))).toBe(true);
    expect(readFileSync(path.join(consumer, '..', packed.filename)).length).toBe(packed.size);
    expect(packed.size, `${packed.size} bytes packed`).toBeLessThan(MAX_PACKED);
    expect(packed.unpackedSize, `${packed.unpackedSize} bytes unpacked`).toBeLessThan(MAX_UNPACKED);
  });

  it('runs no lifecycle script of noticekit or of any dependency while installing', () => {
    const manifest = JSON.parse(readFileSync(path.join(consumer, 'node_modules/noticekit/package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(Object.keys(manifest.scripts ?? {}).filter((s) => INSTALL_SCRIPTS.includes(s))).toEqual([]);
    expect(existsSync(path.join(consumer, 'node_modules/noticekit/binding.gyp'))).toBe(false);
    // npm marks every installed package with an install script (or a binding.gyp) in the lockfile.
    const lock = JSON.parse(readFileSync(path.join(consumer, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    expect(Object.keys(lock.packages)).toContain('node_modules/noticekit');
    expect(Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([k]) => k)).toEqual([]);
    // --foreground-scripts prints "> name@version event" for each script that runs.
    expect(`${install.stdout}\n${install.stderr}`).not.toMatch(/^> \S+@\S+ \S+/m);
  });

  it('validates and builds notices with the installed bin, as the checkout does', () => {
    const validate = spawn('npx', ['--no', 'noticekit', 'validate', 'notices'], consumer);
    expect(validate.stderr).toMatch(/2 notices valid/);
    expect(validate.status).toBe(0);
    const build = spawn('npx', ['--no', 'noticekit', 'build', 'notices', '--formats', 'md,html', '--out', 'public'], consumer);
    expect(build.stderr).toMatch(/Built 8 documents from 2 notices/);
    expect(build.status).toBe(0);
    // The same documents as this checkout's dist/ renders (the consumer is no git repository: no history pages).
    const own = path.join(mkdtempSync(path.join(tmpdir(), 'nk-pack-own-')), 'public');
    const ours = spawnSync(process.execPath, [BIN, 'build', path.join(ROOT, 'notices'), '--formats', 'md,html', '--no-history', '--no-cache', '--out', own], { cwd: ROOT, encoding: 'utf8' });
    expect(ours.status, ours.stderr).toBe(0);
    const theirs = tree(path.join(consumer, 'public'));
    const mine = tree(own);
    expect([...theirs.keys()].sort()).toEqual([...mine.keys()].sort());
    for (const [file, bytes] of theirs) expect(bytes.equals(mine.get(file)!), file).toBe(true);
  });

  it('loads as an ES module, resolves the schema subpath and tells require() callers to use import()', () => {
    const esm = spawn(process.execPath, ['--input-type=module', '-e', "const m = await import('noticekit'); console.log(typeof m.validateNotice, typeof m.build, import.meta.resolve('noticekit/schema/notice.schema.json'));"], consumer);
    expect(esm.stderr).toBe('');
    const [validateType, buildType, schemaUrl] = esm.stdout.trim().split(' ');
    expect([validateType, buildType]).toEqual(['function', 'function']);
    expect(fileURLToPath(schemaUrl!)).toBe(path.join(consumer, 'node_modules/noticekit/schema/notice.schema.json'));
    const script = [
      "const schema = require('noticekit/schema/notice.schema.json');",
      "const pkg = require('noticekit/package.json');",
      "let message = '';",
      "try { require('noticekit'); } catch (e) { message = e.message; }",
      'console.log(JSON.stringify({ id: schema.$id, name: pkg.name, message }));',
    ].join('\n');
    const cjs = spawn(process.execPath, ['-e', script], consumer);
    expect(cjs.stderr).toBe('');
    const result = JSON.parse(cjs.stdout) as { id: string; name: string; message: string };
    expect(result.id).toMatch(/notice\.schema\.json$/);
    expect(result.name).toBe('noticekit');
    expect(result.message).toMatch(/ES module.*import\('noticekit'\)/);
  });
});
