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
 * The git timelines of a build's notices, read while the build validates: {@link start} begins
 * with every file given (the build does not know yet which files hold the newest version of
 * each notice, whose timeline is the notice's), and {@link of} then waits for those it needs,
 * and skips the others not yet begun. Before, the build read them between validation and
 * rendering, with nothing else to do (most of a small build's time is git's).
 */
export class HistoryReader {
  private readonly folders = new Map<string, Promise<RepoFolder | undefined>>();
  private readonly store: HistoryStore | undefined;
  /** Each file's timeline, settled when read (never rejecting: an error is kept for {@link of}). */
  private readonly reads = new Map<string, { settled: Promise<Settled>; settle: (s: Settled) => void }>();
  private readonly queue: string[] = [];
  private wanted: Set<string> | undefined;
  private running = 0;

  /**
   * @param cwd folder relative file names are resolved against
   * @param cache the build's cache: validation and diffs of file contents are kept there
   */
  constructor(
    private readonly cwd: string,
    cache?: BuildCache,
  ) {
    this.store = cache && historyStore(cache);
  }

  /** Begin reading the timelines of these files, {@link CONCURRENCY} at a time. */
  start(files: readonly string[]): void {
    for (const file of files) {
      if (this.reads.has(file)) continue;
      let settle!: (s: Settled) => void;
      const settled = new Promise<Settled>((resolve) => (settle = resolve));
      this.reads.set(file, { settled, settle });
      this.queue.push(file);
    }
    while (this.running < CONCURRENCY && this.queue.length > 0) void this.pump();
  }

  private async pump(): Promise<void> {
    this.running++;
    for (let file = this.queue.shift(); file !== undefined; file = this.queue.shift()) {
      // Once the build knows its notices, the files it will not ask for are skipped.
      if (this.wanted && !this.wanted.has(file)) continue;
      const read = this.reads.get(file)!;
      read.settle(
        await historyOf(file, this.cwd, this.folders, this.store).then(
          (found) => ({ found }),
          (error: unknown) => ({ error }),
        ),
      );
    }
    this.running--;
  }

  /**
   * The timeline of each notice: that of the file its newest version in the build comes from.
   * A notice whose file is outside a repository, not tracked, or when git is missing, has none.
   * @param versionsOf the build's versions of each notice id, newest first
   */
  async of(versionsOf: ReadonlyMap<string, readonly PreparedNotice[]>): Promise<Map<string, FoundHistory>> {
    const ids = [...versionsOf.keys()];
    const files = ids.map((id) => versionsOf.get(id)![0]!.file);
    this.wanted = new Set(files);
    this.start(files);
    const found = new Map<string, FoundHistory>();
    for (const [i, id] of ids.entries()) {
      const result = await this.reads.get(files[i]!)!.settled;
      if ('error' in result) throw result.error;
      if (result.found) found.set(id, result.found);
    }
    return found;
  }
}

/** A timeline read, or the error that stopped it. */
type Settled = { found: FoundHistory | undefined } | { error: unknown };

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
  return [p.textHash, sha256Hex(Buffer.from(`\ufeff${p.text}`, 'utf8'))];
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
