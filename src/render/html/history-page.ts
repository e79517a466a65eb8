/**
 * `history.html`: the committed versions of one notice file, newest first, each with its commit
 * date, hash and subject, the version and effective date its own YAML stated at that commit, its
 * material changes against the previous valid version (the diff's timeline, `noticeHistory`), and
 * links to the build's rendering of exactly that file content. Rendered through the template set
 * (`history.html.hbs`, the page styles), so every value, commit subjects included, is escaped.
 * Author names are not printed: the page is published, and they are the committers' personal data.
 */
import type { HistoryEntry, NoticeHistory } from '../../diff/index.js';
import type { TemplateSet } from './templates.js';

/** A document of the build, relative to the history page. */
export interface HistoryLink {
  href: string;
  text: string;
  locale: string;
}

/** What the page needs beside the timeline. */
export interface HistoryPageInput {
  history: NoticeHistory;
  /** The notice's title (plain text) and its language. */
  title: string;
  titleLocale: string;
  /** The build's pages of a file content, by its SHA-256 (the same hash as {@link HistoryEntry.sha256}). */
  links: ReadonlyMap<string, HistoryLink[]>;
  /** The pages of the version this build renders from the file, newest first. */
  current: { links: HistoryLink[]; version?: string; effectiveDate?: string };
  /** True when the file as built is none of its committed versions (uncommitted changes). */
  uncommitted: boolean;
  /** True when the repository is a shallow clone (older commits are missing from it). */
  shallow: boolean;
}

const LABELS = {
  heading: 'History of changes',
  file: 'Notice file',
  committed: 'Committed',
  commit: 'commit',
  subject: 'Commit message',
  read: 'Read this version',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function heading(e: HistoryEntry): string {
  if (!e.valid) return 'Not a valid notice at this commit';
  if (e.versionStated === false) return 'A version that states no version number or date';
  return `Version ${e.version ?? ''}${e.effectiveDate ? `, effective ${e.effectiveDate}` : ''}`;
}

/**
 * Render the history page. English: the change summaries of the diff are English.
 * @param set the build's template set
 */
export function renderHistoryPage(set: TemplateSet, input: HistoryPageInput): string {
  const entries = [...input.history.entries].reverse().map((e) => ({
    commit: e.commit,
    short: e.short,
    dateTime: e.date,
    date: e.date.slice(0, 10),
    heading: heading(e),
    subject: e.subject || null,
    problem: e.valid ? null : (e.problem ?? null),
    links: (e.valid && e.sha256 ? input.links.get(e.sha256) : undefined) ?? null,
    counts:
      e.comparedWith !== undefined
        ? `Compared with commit ${e.comparedWith.slice(0, 7)}: ${plural(e.material ?? 0, 'material change', 'material changes')}, ${plural(e.review ?? 0, 'change', 'changes')} to review, ${plural(e.editorial ?? 0, 'editorial change', 'editorial changes')}.`
        : null,
    changes: e.materialChanges && e.materialChanges.length > 0 ? e.materialChanges.map((c) => c.summary) : null,
  }));
  const { current } = input;
  const stated = current.version !== undefined ? ` (version ${current.version}${current.effectiveDate ? `, effective ${current.effectiveDate}` : ''})` : '';
  const oldest = input.history.entries[0];
  return set.render('history.html', {
    lang: 'en',
    labels: LABELS,
    noticeTitle: input.title,
    noticeLang: input.titleLocale,
    file: input.history.file,
    current: current.links.length > 0 ? { label: `The current version${stated}`, links: current.links } : null,
    uncommitted: input.uncommitted ? 'The file has changed since it was last committed: the current version is not among the versions below.' : null,
    shallow:
      input.shallow && oldest
        ? `This history was read from a shallow clone of the repository: it starts at the commit of ${oldest.date.slice(0, 10)}, and versions committed before it may be missing.`
        : null,
    entries,
  });
}
