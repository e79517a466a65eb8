/**
 * `noticekit build` end to end, through `run(argv, io)`: real files, real Chromium.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'parse5';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeOutput, tree } from '../helpers/files.js';
import YAML from 'yaml';
import { walkNotice } from '../../src/notice/schema.js';
import { run } from '../../src/cli/index.js';
import { fakeIO } from '../cli/fake-io.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const env = { PATH: process.env.PATH, CI: 'true' };

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the tests. */
function tmp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'noticekit-build-'));
  made.push(dir);
  return dir;
}


async function build(args: string[], cwd = ROOT, extraEnv: Record<string, string | undefined> = env) {
  const fake = fakeIO(cwd, extraEnv);
  // Tests never touch the default cache: each uses --no-cache or its own --cache-dir.
  const cacheArgs = args.includes('--cache-dir') ? [] : ['--no-cache'];
  const code = await run(['build', ...args, ...cacheArgs], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

function siblings(out: string): string[] {
  return readdirSync(path.dirname(out)).filter((n) => n.startsWith(`${path.basename(out)}.`));
}

describe('noticekit build', () => {
  it('renders every notice x locale x format with a true manifest, an index, latest/ copies, and identical bytes twice', async () => {
    const out = path.join(tmp(), 'public');
    const first = await build(['notices', '--out', out]);
    expect(first.stderr).toContain('Built 12 documents');
    // It says which browser printed the PDFs: the one findChromium picks.
    const { findChromium } = await import('../../src/render/pdf/browser.js');
    expect(first.stderr).toContain(`PDFs printed by ${findChromium(env)} (`);
    expect(first.code).toBe(0);
    const files = tree(out);
    for (const id of ['kaspersky-technical-support/1.0/lv', 'kaspersky-technical-support/1.0/en', 'praxisportal/1.0/de', 'praxisportal/1.0/en']) {
      for (const ext of ['html', 'md', 'pdf']) {
        expect(files.has(`${id}.${ext}`)).toBe(true);
        expect(files.get(id.replace('/1.0/', '/latest/') + `.${ext}`)?.equals(files.get(`${id}.${ext}`)!)).toBe(true);
      }
    }
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { files: { path: string; sha256: string; bytes: number; notice: string | null; format: string; locale: string | null; version: string | null }[] };
    expect(manifest.files.map((f) => f.path).sort()).toEqual([...files.keys()].filter((f) => f !== 'manifest.json').sort());
    for (const entry of manifest.files) {
      const bytes = files.get(entry.path)!;
      expect(entry.bytes).toBe(bytes.byteLength);
      expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(manifest.files.find((f) => f.path === 'praxisportal/1.0/de.pdf')).toMatchObject({ notice: 'praxisportal', version: '1.0', locale: 'de', format: 'pdf' });
    // The index links every notice x locale x format, and every link resolves.
    const index = files.get('index.html')!.toString();
    const hrefs = [...index.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs).toHaveLength(12);
    for (const href of hrefs) expect(files.has(href)).toBe(true);
    expect(parse(index).childNodes.length).toBeGreaterThan(0);

    const second = await build(['notices', '--out', out]);
    expect(second.code).toBe(0);
    const again = tree(out);
    expect([...again.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [name, bytes] of files) expect(again.get(name)!.equals(bytes), name).toBe(true);
    expect(siblings(out)).toEqual([]);

    // With a cache: the first build fills it, the second renders nothing; both equal the clean build.
    const cacheDir = path.join(tmp(), 'cache');
    for (const expected of ['0 from cache, 12 rendered', '12 from cache, 0 rendered']) {
      const cachedOut = path.join(tmp(), 'public');
      const cachedBuild = await build(['notices', '--out', cachedOut, '--cache-dir', cacheDir]);
      expect(cachedBuild.stderr).toContain(expected);
      // Nothing printed when every PDF came from the cache.
      expect(cachedBuild.stderr.includes('PDFs printed by')).toBe(expected.startsWith('0 from'));
      const cachedFiles = tree(cachedOut);
      expect([...cachedFiles.keys()].sort()).toEqual([...files.keys()].sort());
      for (const [name, bytes] of files) expect(cachedFiles.get(name)!.equals(bytes), name).toBe(true);
    }
  }, 180_000);

  it('re-renders only the notice that changed', async () => {
    const dir = tmp();
    cpSync(path.join(ROOT, 'notices'), path.join(dir, 'notices'), { recursive: true });
    const cacheDir = path.join(dir, 'cache');
    const args = [path.join(dir, 'notices'), '--out', path.join(dir, 'out'), '--formats', 'html,md', '--cache-dir', cacheDir];
    expect((await build(args)).stderr).toContain('0 from cache, 8 rendered');
    const file = path.join(dir, 'notices/praxisportal.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: "1.0"', 'version: "1.1"'));
    const second = await build(args);
    expect(second.stderr).toContain('4 from cache, 4 rendered');
    expect(existsSync(path.join(dir, 'out/praxisportal/1.1/de.md'))).toBe(true);
  });

  it('splits notices into shards and merges them into the same output as one build', async () => {
    const dir = tmp();
    const whole = path.join(dir, 'whole');
    expect((await build(['notices', '--out', whole, '--formats', 'html,md'])).code).toBe(0);
    const shards: string[] = [];
    for (const i of [1, 2, 3]) {
      shards.push(path.join(dir, `shard-${i}`));
      expect((await build(['notices', '--out', shards[i - 1]!, '--formats', 'html,md', '--shard', `${i}/3`])).code).toBe(0);
    }
    const counts = shards.map((s) => [...tree(s).keys()].filter((f) => f.endsWith('.md') && !f.includes('latest')).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    const merged = path.join(dir, 'merged');
    const fake = fakeIO(ROOT, env);
    expect(await run(['merge-manifests', ...shards, '--out', merged], fake.io)).toBe(0);
    const a = tree(whole);
    const b = tree(merged);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) expect(b.get(name)!.equals(bytes), name).toBe(true);

    // A tampered shard is refused and the output stays as it was.
    const victim = shards.find((s) => tree(s).size > 2)!;
    const some = [...tree(victim).keys()].find((f) => f.endsWith('.md'))!;
    writeFileSync(path.join(victim, some), 'tampered');
    const again = fakeIO(ROOT, env);
    expect(await run(['merge-manifests', ...shards, '--out', merged], again.io)).toBe(1);
    expect(again.stderr()).toMatch(/does not match its manifest entry/);
    expect(tree(merged).get(some)!.equals(a.get(some)!)).toBe(true);
  });

  it('writes nothing and keeps the previous output when any notice is invalid', async () => {
    const dir = tmp();
    const out = path.join(dir, 'public');
    fakeOutput(out, { 'previous.txt': 'keep me' });
    cpSync(path.join(ROOT, 'notices/praxisportal.yaml'), path.join(dir, 'good.yaml'));
    writeFileSync(path.join(dir, 'bad.yaml'), readFileSync(path.join(ROOT, 'notices/praxisportal.yaml'), 'utf8').replace('id: praxisportal', 'id: bad-one').replace('country: DE', 'country: Germany'));
    const result = await build([dir, '--out', out, '--formats', 'html,md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.yaml/);
    expect(result.stderr).toMatch(/invalid-country/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'previous.txt']);
    expect(siblings(out)).toEqual([]);
  });

  it('reports a locale without a phrase pack, and an unknown phrase override, at their lines', async () => {
    const dir = tmp();
    const source = readFileSync(path.join(ROOT, 'notices/praxisportal.yaml'), 'utf8');
    // A complete Turkish "translation" (the English text), so only the phrase pack is missing
    // (Turkish is not an EU/EEA language and has no pack).
    const doc = YAML.parseDocument(source);
    const data = doc.toJS() as Record<string, unknown>;
    walkNotice(data, ({ def, path: at }) => {
      if (def === 'Text') doc.setIn([...at, 'tr'], doc.getIn([...at, 'en']));
    });
    doc.set('locales', ['de', 'en', 'tr']);
    writeFileSync(path.join(dir, 'tr.yaml'), doc.toString());
    const result = await build([path.join(dir, 'tr.yaml'), '--out', path.join(dir, 'out'), '--formats', 'md']);
    expect(result.code).toBe(1);
    const line = readFileSync(path.join(dir, 'tr.yaml'), 'utf8').split('\n').findIndex((l) => l.trim() === '- tr') + 1;
    expect(result.stderr).toMatch(new RegExp(`${line}:\\d+\\s+error\\s+There is no phrase pack for 'tr'`));
    expect(existsSync(path.join(dir, 'out'))).toBe(false);

    writeFileSync(path.join(dir, 'phrase.yaml'), source.replace('\ncontroller:', '\nphrases:\n  purposes.intr:\n    de: Zwecke\n    en: Purposes\ncontroller:'));
    const typo = await build([path.join(dir, 'phrase.yaml'), '--out', path.join(dir, 'out'), '--formats', 'md']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/unknown-phrase/);
    expect(typo.stderr).toMatch(/Did you mean 'purposes\.intro'/);
  });

  it('builds html and md without a browser, and says how to install one when PDF is asked for', async () => {
    const dir = tmp();
    const noBrowser = { PATH: '/nonexistent', CI: 'true' };
    const ok = await build(['notices', '--out', path.join(dir, 'a'), '--formats', 'html,md'], ROOT, noBrowser);
    expect(ok.code).toBe(0);
    // index + manifest, 8 pages + 8 Markdown, and a history.html per notice (notices/ is committed in git).
    expect(tree(path.join(dir, 'a')).size).toBe(2 + 8 + 8 + 2);
    const pdf = await build(['notices', '--out', path.join(dir, 'b')], ROOT, noBrowser);
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toMatch(/No Chromium found/);
    expect(pdf.stderr).toMatch(/apt-get install --no-install-recommends chromium/);
    expect(existsSync(path.join(dir, 'b'))).toBe(false);
  });

  it('refuses an output path that is a file, leaving it alone', async () => {
    const dir = tmp();
    const file = path.join(dir, 'public');
    writeFileSync(file, 'not a folder');
    const result = await build(['notices', '--out', file, '--formats', 'md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a folder/);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('renders only the requested locales, and points latest/ at the newest version', async () => {
    const dir = tmp();
    cpSync(path.join(ROOT, 'test/fixtures/notices/praxisportal.v1.yaml'), path.join(dir, 'v1.yaml'));
    cpSync(path.join(ROOT, 'test/fixtures/notices/praxisportal.v2.yaml'), path.join(dir, 'v2.yaml'));
    const out = path.join(dir, 'out');
    const result = await build([dir, '--out', out, '--formats', 'md', '--locales', 'en']);
    expect(result.code).toBe(0);
    const files = [...tree(out).keys()].sort();
    expect(files).toEqual(['index.html', 'manifest.json', 'praxisportal/1.0/en.md', 'praxisportal/2.0/en.md', 'praxisportal/latest/en.md']);
    expect(readFileSync(path.join(out, 'praxisportal/latest/en.md')).equals(readFileSync(path.join(out, 'praxisportal/2.0/en.md')))).toBe(true);
  });

  it('rejects two files with the same notice id and version', async () => {
    const dir = tmp();
    cpSync(path.join(ROOT, 'notices/praxisportal.yaml'), path.join(dir, 'a.yaml'));
    cpSync(path.join(ROOT, 'notices/praxisportal.yaml'), path.join(dir, 'b.yaml'));
    const result = await build([dir, '--out', path.join(dir, 'out'), '--formats', 'md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/duplicate-notice/);
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [['--formats', 'xml'], ['--jobs', '0'], ['--paper', 'a3'], ['--bogus'], ['--shard', '3/2'], ['--shard', 'x']]) {
      const result = await build(['notices', '--out', path.join(tmp(), 'x'), ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/noticekit build:/);
    }
  });
});

describe('custom templates (--templates)', () => {
  function templates(files: Record<string, string>): string {
    const dir = tmp();
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  it('overrides a single partial and keeps the rest', async () => {
    const dir = templates({ 'partials/footer.hbs': '<footer><p>ACME Legal · {{mdi versionLine}}</p></footer>\n' });
    const out = path.join(tmp(), 'out');
    const result = await build(['notices/praxisportal.yaml', '--out', out, '--formats', 'html', '--templates', dir]);
    expect(result.code).toBe(0);
    const html = readFileSync(path.join(out, 'praxisportal/1.0/de.html'), 'utf8');
    expect(html).toContain('ACME Legal · Version 1.0');
    expect(html).toContain('<nav class="toc"');
  });

  const broken: [string, Record<string, string>, RegExp, number, number][] = [
    ['triple braces', { 'partials/footer.hbs': '<footer>\n  {{{title}}}\n</footer>\n' }, /unescaped/, 2, 3],
    ['a missing variable', { 'partials/footer.hbs': '<footer>\n<p>{{nosuchfield}}</p></footer>\n' }, /nosuchfield/, 2, 6],
    ['an unknown helper', { 'partials/footer.hbs': '<footer>{{shout title}}</footer>\n' }, /shout/, 1, 9],
    ['data in an href', { 'partials/footer.hbs': '<footer><a href="{{title}}">x</a></footer>\n' }, /URL/, 1, 18],
    ['a script element', { 'partials/footer.hbs': '<footer>\n<script>alert(1)</script></footer>\n' }, /script/, 2, 1],
    ['a remote stylesheet', { 'partials/styles.hbs': 'body { background: url(https://evil.example/x.png) }\n' }, /external resource/, 1, 20],
  ];
  for (const [what, files, message, line, column] of broken) {
    it(`rejects a template with ${what}, naming file, line and column, and writes nothing`, async () => {
      const dir = templates(files);
      const out = path.join(tmp(), 'out');
      const result = await build(['notices/praxisportal.yaml', '--out', out, '--formats', 'html', '--templates', dir]);
      expect(result.code).toBe(1);
      const file = Object.keys(files)[0]!;
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain(`${line}:${column}`);
      expect(result.stderr).toContain(path.basename(file));
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe('output folder swap', () => {
  it('replaces the old output whole (stale files disappear)', async () => {
    const out = path.join(tmp(), 'public');
    fakeOutput(out, { 'old-notice/x.md': 'stale' });
    const result = await build(['notices/praxisportal.yaml', '--out', out, '--formats', 'md']);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(out, 'old-notice'))).toBe(false);
    expect(statSync(path.join(out, 'praxisportal/1.0/de.md')).size).toBeGreaterThan(1000);
  });
});
