/**
 * A build's `history.html` pages: one per notice whose file is committed in git, made from the
 * diff's timeline of that file (`git log --follow`, each commit's YAML read and validated as it
 * was). Written only for HTML builds. No git, no repository, a file git does not track: no page
 * and no link, never an error. A shallow clone gets its page with a note that older commits are
 * missing. The page depends only on the repository's commits and the build's documents, so the
 * same repository state gives the same bytes.
 */
// The timeline's own modules, not diff/index.js: a build whose history is cached loads no diff.
import { historyAt, type HistoryStore, type NoticeHistory } from '../diff/history.js';
import { GitError, locateInRepo, type RepoFolder } from '../diff/read-version.js';
import { sha256Hex } from '../diff/util-hash.js';
import { plainTitle, titleOf } from '../model/view.js';
import { renderHistoryPage, type HistoryLink } from '../render/html/history-page.js';
import type { TemplateSet } from '../render/html/index.js';
import type { BuildCache } from './cache.js';
import { autonym } from './page-links.js';
import type { PreparedNotice } from './prepare.js';

/** Path of a notice's history page in the output folder. */
export const historyPath = (noticeId: string): string => `${noticeId}/history.html`;
/** The link to the history page from a notice's pages (`<id>/<version>/` and `<id>/latest/`). */
export const HISTORY_LINK = '../history.html';

/** What a history page is made from. */
export interface FoundHistory {
  history: NoticeHistory;
  /** The repository is a shallow clone. */
  shallow: boolean;
}

/** Notices whose timelines are read at once (each runs two git processes in turn). */
const CONCURRENCY = 4;

/**
 * The git timeline of each notice: that of the file its newest version in the build comes from.
 * A notice whose file is outside a repository, not tracked, or when git is missing, has none.
 * @param versionsOf the build's versions of each notice id, newest first
 * @param cwd folder relative file names are resolved against
 * @param cache the build's cache: validation and diffs of file contents are kept there
 */
export async function noticeHistories(versionsOf: ReadonlyMap<string, readonly PreparedNotice[]>, cwd: string, cache?: BuildCache): Promise<Map<string, FoundHistory>> {
  const ids = [...versionsOf.keys()];
  const found: (FoundHistory | undefined)[] = new Array(ids.length);
  const folders = new Map<string, Promise<RepoFolder | undefined>>();
  const store = cache && historyStore(cache);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      found[i] = await historyOf(versionsOf.get(ids[i]!)![0]!.file, cwd, folders, store);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  // In the order of the build's notices, whatever order the timelines arrived in.
  return new Map(ids.flatMap((id, i) => (found[i] ? [[id, found[i]] as const] : [])));
}

async function historyOf(file: string, cwd: string, folders: Map<string, Promise<RepoFolder | undefined>>, store?: HistoryStore): Promise<FoundHistory | undefined> {
  try {
    const place = await locateInRepo(file, cwd, folders);
    const history = await historyAt(place, store);
    return history.entries.length > 0 ? { history, shallow: place.shallow } : undefined;
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

/** History's results kept in the build cache, under the toolkit's fingerprint (a new noticekit works them out afresh). */
function historyStore(cache: BuildCache): HistoryStore {
  return {
    get: async (key) => (await cache.lookup(cache.keyOf(`history ${key}`)))?.toString('utf8'),
    put: (key, value) => cache.put(cache.keyOf(`history ${key}`), Buffer.from(value, 'utf8')),
  };
}

/** The hashes a built file's content may have in git: its text as read, and with the byte-order mark the reader removed. */
function hashesOf(p: PreparedNotice): string[] {
  return [sha256Hex(Buffer.from(p.text, 'utf8')), sha256Hex(Buffer.from(`\ufeff${p.text}`, 'utf8'))];
}

/**
 * The HTML of a notice's history page.
 * @param versions the build's versions of the notice, newest first: a commit whose file content is
 *   exactly one of them links to its pages; the newest is "the current version"
 */
export function historyPageHtml(templates: TemplateSet, found: FoundHistory, versions: readonly PreparedNotice[]): string {
  const pagesOf = (v: PreparedNotice): HistoryLink[] =>
    v.locales.map((l) => ({ href: `./${v.notice.version}/${l}.html`, text: autonym(l), locale: l }));
  const links = new Map<string, HistoryLink[]>();
  for (const v of versions) for (const hash of hashesOf(v)) if (!links.has(hash)) links.set(hash, pagesOf(v));
  const newest = versions[0]!;
  const committed = new Set(found.history.entries.map((e) => e.sha256));
  const stated = newest.notice.versionStated !== false;
  return renderHistoryPage(templates, {
    history: found.history,
    title: plainTitle(titleOf(newest.notice, newest.notice.sourceLocale)),
    titleLocale: newest.notice.sourceLocale,
    links,
    current: { links: pagesOf(newest), ...(stated ? { version: newest.notice.version, effectiveDate: newest.notice.effectiveDate } : {}) },
    uncommitted: !hashesOf(newest).some((h) => committed.has(h)),
    shallow: found.shallow,
  });
}
