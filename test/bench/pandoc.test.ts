/**
 * scripts/bench-pandoc.mjs: the bench's pandoc comparison (which documents, which arguments, and
 * the row and ratio the figures make). Nothing here runs the real pandoc: whether it is installed
 * must not change what these tests see.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PANDOC_TARGET, pandocArgs, pandocDocuments, pandocRow, pandocVersion } from '../../scripts/bench-pandoc.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-bench-pandoc-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder holding only an executable `pandoc` that runs `script` (a shell script body). */
function fakePandoc(name: string, script: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'pandoc'), `#!/bin/sh\n${script}\n`);
  chmodSync(path.join(dir, 'pandoc'), 0o755);
  return dir;
}

describe('pandocVersion', () => {
  it('is null when no pandoc is on PATH', () => {
    const empty = path.join(scratch, 'empty');
    mkdirSync(empty);
    expect(pandocVersion({ PATH: empty })).toBeNull();
  });

  it("is the first line of the PATH's pandoc --version", () => {
    const dir = fakePandoc('fake', 'echo "pandoc 9.8.7"; echo "Features: +server"');
    expect(pandocVersion({ PATH: dir })).toBe('pandoc 9.8.7');
  });

  it('throws when pandoc --version fails', () => {
    const dir = fakePandoc('broken', 'echo "no data files" >&2; exit 3');
    expect(() => pandocVersion({ PATH: dir })).toThrow('pandoc --version exited with 3: no data files');
  });
});

const md = (notice: string, version: string, locale: string, title = `${notice} ${locale}`) => ({ path: `${notice}/${version}/${locale}.md`, notice, version, locale, format: 'md', title });
const manifest = [
  { path: 'index.html', notice: null, locale: null, format: 'html' },
  md('notice-0001', '2.9', 'de'),
  { ...md('notice-0001', '2.9', 'en'), path: 'notice-0001/2.9/en.html', format: 'html' },
  md('notice-0001', '2.9', 'en'),
  { ...md('notice-0001', '2.9', 'en'), path: 'notice-0001/latest/en.md' },
  md('notice-0002', '1.0', 'lv', 'Paziņojums'),
  md('notice-0003', '3.1', 'en'),
];

describe('pandocDocuments', () => {
  it("takes the versioned Markdown files in build order: the notices as given, each one's locales in its own order", () => {
    const docs = pandocDocuments([{ id: 'notice-0001', locales: ['en', 'de'] }, { id: 'notice-0002', locales: ['lv'] }, { id: 'notice-0003', locales: ['en'] }], manifest, 10);
    expect(docs).toEqual([
      { md: 'notice-0001/2.9/en.md', html: 'notice-0001_2.9_en.html', title: 'notice-0001 en', locale: 'en' },
      { md: 'notice-0001/2.9/de.md', html: 'notice-0001_2.9_de.html', title: 'notice-0001 de', locale: 'de' },
      { md: 'notice-0002/1.0/lv.md', html: 'notice-0002_1.0_lv.html', title: 'Paziņojums', locale: 'lv' },
      { md: 'notice-0003/3.1/en.md', html: 'notice-0003_3.1_en.html', title: 'notice-0003 en', locale: 'en' },
    ]);
  });

  it('stops at the limit, inside a notice if need be', () => {
    const docs = pandocDocuments([{ id: 'notice-0001', locales: ['en', 'de'] }, { id: 'notice-0002', locales: ['lv'] }], manifest, 1);
    expect(docs.map((d) => d.md)).toEqual(['notice-0001/2.9/en.md']);
  });

  it('says which notice-locale the manifest lacks', () => {
    expect(() => pandocDocuments([{ id: 'notice-0002', locales: ['lv', 'de'] }], manifest, 10)).toThrow("the md+html build's manifest has no titled Markdown file for notice-0002 (de)");
  });
});

describe('pandocArgs', () => {
  it('converts one Markdown file to a standalone HTML5 page with the title, lang and a table of contents', () => {
    const doc = { md: 'n/1/lv.md', html: 'n_1_lv.html', title: 'Paziņojums: "privātums"', locale: 'lv' };
    expect(pandocArgs(doc, '/b/n/1/lv.md', '/p/n_1_lv.html')).toEqual(['--standalone', '--from', 'markdown', '--to', 'html5', '--toc', '--metadata', 'pagetitle=Paziņojums: "privātums"', '--metadata', 'lang=lv', '-o', '/p/n_1_lv.html', '/b/n/1/lv.md']);
  });
});

describe('pandocRow', () => {
  it('reports the step and its target as not measured when pandoc is not installed', () => {
    const { row, line, result } = pandocRow(null, 300, true);
    expect(row).toMatchObject({ wallMs: null, throughput: null, unit: 'not measured: pandoc not installed', met: null, measured: false });
    expect(row.target).toContain(`>= ${PANDOC_TARGET}x pandoc`);
    expect(line).toBe('pandoc: not measured: pandoc not installed (target >= 10x pandoc: not measured)');
    expect(result).toEqual({ version: null, measured: false });
  });

  // 100 documents: 10 s one at a time (10/s), 5 s two at a time (20/s).
  const run = { version: 'pandoc 2.17.1.1', documents: 100, jobs: 2, sequentialMs: 10_000, parallelMs: 5_000 };

  it('judges the target against pandoc two at a time, and gives the ratio to one at a time beside it', () => {
    const { row, line, result } = pandocRow(run, 250, true);
    expect(row).toMatchObject({ wallMs: 5000, throughput: 20, met: true, measured: true });
    expect(row.step).toBe('pandoc md -> html5, one process per file, 2 at a time (100 documents of the md+html build, pandoc 2.17.1.1)');
    expect(row.unit).toBe('documents/s (10.0 one at a time); noticekit md+html at 12.5x of it (25.0x of one at a time)');
    expect(line).toBe('pandoc (pandoc 2.17.1.1, one process per file, 100 documents): 20.0/s 2 at a time, 10.0/s one at a time; noticekit md+html 250.0 notice-locales/s whole process, 12.5x (25.0x of one at a time) (target >= 10x: met)');
    expect(result).toEqual({ version: 'pandoc 2.17.1.1', measured: true, documents: 100, jobs: 2, perSecond: 20, sequentialPerSecond: 10, ratio: 12.5, sequentialRatio: 25, met: true });
  });

  it('is not met below 10x pandoc two at a time, even when 10x one at a time is', () => {
    const { row, line } = pandocRow(run, 150, true);
    expect(row.met).toBe(false);
    expect(line).toMatch(/7\.5x \(15\.0x of one at a time\) \(target >= 10x: NOT met\)$/);
  });

  it('leaves the target unjudged below 1,000 notices but still gives the ratio', () => {
    const { row, line } = pandocRow(run, 250, false);
    expect(row.met).toBeNull();
    expect(row.measured).toBe(true);
    expect(line).toMatch(/12\.5x .*\(target >= 10x: judged at 1,000 notices\)$/);
  });
});
