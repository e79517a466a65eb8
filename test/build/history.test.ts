/**
 * history.html: a build of a notice committed in a real temporary git repository (the real `git`
 * binary) writes `<id>/history.html` listing each committed version newest first, with its date,
 * commit and subject (escaped: a commit subject is untrusted), the version and effective date its
 * YAML stated at that commit, the material changes between consecutive versions, and links to the
 * build's pages only for the commit whose file content is the one built; the notice's pages link to
 * it. Same repository, same bytes. No git, no repository, `--no-history`: no page and no link,
 * no error. A shallow clone says that older commits may be missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'parse5';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build/build.js';
import { noticeHistory } from '../../src/diff/index.js';
import { attr, elements, text, type Element } from '../helpers/html.js';
import { REFERENCE } from '../render/helpers.js';

const ID = 'kaspersky-technical-support';
const HOSTILE_SUBJECT = 'Switch basis <script>alert(1)</script> & "quotes" <img src=x onerror=alert(2)>';
const AUTHOR = 'Mallory <b>Author</b>';

function git(cwd: string, args: string[], date?: string): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: AUTHOR,
    GIT_AUTHOR_EMAIL: 'mallory@example.invalid',
    GIT_COMMITTER_NAME: AUTHOR,
    GIT_COMMITTER_EMAIL: 'mallory@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: cwd,
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
}

const byClass = (root: Element[], name: string) => root.filter((e) => (attr(e, 'class') ?? '').split(' ').includes(name));
const children = (el: Element, tag: string) => elements(el).filter((e) => e.tagName === tag);
const htmlOnly = (files: string[], outDir: string, cwd: string, more: { history?: boolean } = {}) => build({ files, outDir, cwd, formats: ['html'], jobs: 1, paper: 'a4', ...more });

/** A repository holding notices/support.yaml in two commits: 1.0, then 1.1 on another legal basis. */
function makeRepo(): { repo: string; file: string; commits: string[] } {
  const repo = mkdtempSync(path.join(tmpdir(), 'nk-history-'));
  git(repo, ['init', '-q']);
  mkdirSync(path.join(repo, 'notices'));
  const file = path.join(repo, 'notices', 'support.yaml');
  writeFileSync(file, readFileSync(REFERENCE, 'utf8'));
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'First version'], '2026-01-10T09:00:00+00:00');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.set('version', '1.1');
  doc.set('effectiveDate', '2026-03-01');
  doc.setIn(['purposes', 0, 'legalBases', 0, 'gdpr'], '6(1)(c)');
  writeFileSync(file, doc.toString());
  git(repo, ['commit', '-q', '-am', HOSTILE_SUBJECT], '2026-02-20T15:30:00+01:00');
  return { repo, file, commits: git(repo, ['log', '--format=%H']).split('\n').reverse() };
}

describe('history.html from git', () => {
  let repo: string;
  let file: string;
  let commits: string[];
  let out: string;
  let result: BuildResult;
  let html: string;
  beforeAll(async () => {
    ({ repo, file, commits } = makeRepo());
    out = path.join(repo, 'public');
    result = await htmlOnly([file], out, repo);
    html = readFileSync(path.join(out, ID, 'history.html'), 'utf8');
  }, 60_000);

  it('lists every committed version newest first: date, commit, the version its YAML stated, the changes', async () => {
    expect(result.ok, JSON.stringify(result.diagnostics.slice(0, 3))).toBe(true);
    expect(result.manifest.find((e) => e.path === `${ID}/history.html`)).toMatchObject({ notice: ID, version: null, locale: null, format: 'html' });
    const entries = byClass(elements(parse(html)), 'nk-history-entry');
    expect(entries).toHaveLength(2);
    const [newer, older] = entries as [Element, Element];
    expect(text(children(newer, 'h2')[0]!)).toBe('Version 1.1, effective 2026-03-01');
    expect(text(children(older, 'h2')[0]!)).toBe('Version 1.0, effective 2021-06-01');
    expect(attr(children(newer, 'time')[0]!, 'datetime')).toBe('2026-02-20T15:30:00+01:00');
    expect(text(children(newer, 'time')[0]!)).toBe('2026-02-20');
    expect(attr(children(older, 'time')[0]!, 'datetime')).toBe('2026-01-10T09:00:00Z'.replace('Z', '+00:00'));
    expect(attr(children(newer, 'code')[0]!, 'title')).toBe(commits[1]);
    expect(attr(older, 'id')).toBe(`commit-${commits[0]}`);
    // The material changes are the diff's for the consecutive pair; the first version has none.
    const timeline = await noticeHistory(file, repo);
    const material = timeline.entries[1]!.materialChanges!;
    expect(material.length).toBeGreaterThan(0);
    expect(children(children(newer, 'ul')[0]!, 'li').map(text)).toEqual(material.map((c) => c.summary));
    expect(text(newer)).toContain(`Compared with commit ${commits[0]!.slice(0, 7)}: ${material.length} material change`);
    expect(children(older, 'ul')).toHaveLength(0);
    expect(text(older)).not.toContain('Compared with');
  });

  it('prints the commit subject as text, never as markup, and no author name', () => {
    const all = elements(parse(html));
    expect(all.filter((e) => e.tagName === 'script' || e.tagName === 'img' || e.tagName === 'b')).toHaveLength(0);
    expect(all.some((e) => e.attrs.some((a) => a.name.startsWith('on')))).toBe(false);
    const subject = byClass(all, 'nk-subject')[0]!;
    expect(text(children(subject, 'q')[0]!)).toBe(HOSTILE_SUBJECT);
    expect(html).not.toContain('Mallory');
    expect(html).not.toContain('mallory@');
  });

  it('links the build\'s pages only from the commit whose file is the one built, and the current version', () => {
    const all = elements(parse(html));
    const [newer, older] = byClass(all, 'nk-history-entry') as [Element, Element];
    const hrefs = children(newer, 'a').map((a) => attr(a, 'href')!);
    expect(hrefs.sort()).toEqual(['./1.1/en.html', './1.1/lv.html']);
    for (const href of hrefs) expect(existsSync(path.join(out, ID, href))).toBe(true);
    expect(children(older, 'a')).toHaveLength(0); // 1.0 is only in git, not in this build
    const current = byClass(all, 'nk-read')[0]!;
    expect(text(current)).toContain('The current version (version 1.1, effective 2026-03-01):');
    expect(byClass(all, 'nk-note')).toHaveLength(0); // committed as built, not shallow
  });

  it('is linked from every page of the notice, latest/ included', () => {
    for (const page of [`${ID}/1.1/en.html`, `${ID}/latest/lv.html`]) {
      const links = elements(parse(readFileSync(path.join(out, page), 'utf8'))).filter((e) => e.tagName === 'a' && attr(e, 'href') === '../history.html');
      expect(links, page).toHaveLength(1);
      expect(text(links[0]!)).toBe(page.endsWith('lv.html') ? 'Izmaiņu vēsture' : 'History of changes');
      expect(existsSync(path.join(out, path.dirname(page), '../history.html'))).toBe(true);
    }
  });

  it('is the same bytes when the same repository is built again', async () => {
    const again = path.join(mkdtempSync(path.join(tmpdir(), 'nk-history-again-')), 'public');
    expect((await htmlOnly([file], again, repo)).ok).toBe(true);
    expect(readFileSync(path.join(again, ID, 'history.html'), 'utf8')).toBe(html);
    expect(readFileSync(path.join(again, ID, '1.1/en.html'), 'utf8')).toBe(readFileSync(path.join(out, ID, '1.1/en.html'), 'utf8'));
  });

  it('says when the file built has uncommitted changes, and links no commit to it', async () => {
    const { repo: dirty, file: dirtyFile } = makeRepo();
    writeFileSync(dirtyFile, readFileSync(dirtyFile, 'utf8').replace('version: "1.1"', 'version: "1.2"'));
    const dirtyOut = path.join(dirty, 'public');
    expect((await htmlOnly([dirtyFile], dirtyOut, dirty)).ok).toBe(true);
    const all = elements(parse(readFileSync(path.join(dirtyOut, ID, 'history.html'), 'utf8')));
    expect(byClass(all, 'nk-note').map(text)).toEqual(['The file has changed since it was last committed: the current version is not among the versions below.']);
    for (const entry of byClass(all, 'nk-history-entry')) expect(children(entry, 'a')).toHaveLength(0);
    expect(children(byClass(all, 'nk-read')[0]!, 'a').map((a) => attr(a, 'href'))).toEqual(['./1.2/lv.html', './1.2/en.html']);
  });

  it('in a shallow clone, lists what the clone has and says older versions may be missing', async () => {
    const clone = path.join(mkdtempSync(path.join(tmpdir(), 'nk-shallow-')), 'clone');
    git(path.dirname(clone), ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    const cloneOut = path.join(clone, 'public');
    expect((await htmlOnly([path.join(clone, 'notices/support.yaml')], cloneOut, clone)).ok).toBe(true);
    const all = elements(parse(readFileSync(path.join(cloneOut, ID, 'history.html'), 'utf8')));
    expect(byClass(all, 'nk-history-entry')).toHaveLength(1);
    expect(byClass(all, 'nk-note').map(text)).toEqual([
      'This history was read from a shallow clone of the repository: it starts at the commit of 2026-02-20, and versions committed before it may be missing.',
    ]);
  });

  it('writes no history page and no link outside git, when git is missing, or with history off', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nk-no-git-'));
    const loose = path.join(dir, 'notice.yaml');
    writeFileSync(loose, readFileSync(REFERENCE, 'utf8'));
    const check = async (files: string[], cwd: string, more: { history?: boolean } = {}) => {
      const target = path.join(mkdtempSync(path.join(tmpdir(), 'nk-no-history-')), 'public');
      const built = await htmlOnly(files, target, cwd, more);
      expect(built.ok).toBe(true);
      expect(built.manifest.some((e) => e.path.endsWith('history.html'))).toBe(false);
      expect(readFileSync(path.join(target, ID, 'latest', 'en.html'), 'utf8')).not.toContain('history.html');
    };
    await check([loose], dir);
    await check([file], repo, { history: false });
    const saved = process.env.PATH;
    process.env.PATH = path.join(dir, 'no-such-bin');
    try {
      await check([file], repo);
    } finally {
      process.env.PATH = saved;
    }
    // A file in a repository that git does not track.
    const untracked = path.join(repo, 'notices', 'untracked.yaml');
    writeFileSync(untracked, readFileSync(REFERENCE, 'utf8'));
    await check([untracked], repo);
  });
});
