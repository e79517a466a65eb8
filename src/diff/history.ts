/**
 * The auditor's timeline: every committed version of a notice, with its material changes against
 * the previous valid version.
 */
import { diffNotices } from './diff-notices.js';
import { fileCommits, locateInRepo, readVersionAt, type FileCommit, type NoticeVersion } from './read-version.js';
import type { ChangeKind } from './types.js';

/** A material change as the timeline lists it. */
export interface HistoryChange {
  id: string;
  kind: ChangeKind;
  rule: string;
  summary: string;
}

/** One committed version of the notice. */
export interface HistoryEntry extends FileCommit {
  /** False when the file is missing at this commit (deleted) or does not validate. */
  valid: boolean;
  /** Why it is not valid, in one line. */
  problem?: string;
  version?: string;
  effectiveDate?: string;
  /** False when the notice at this commit says it states no version and no date (`versionStated: false`): `version` and `effectiveDate` are then the editor's. */
  versionStated?: false;
  /** SHA-256 of the file at this commit. */
  sha256?: string;
  /** The commit this version is compared with (the previous valid one); absent for the first. */
  comparedWith?: string;
  /** Counts against the previous valid version. */
  material?: number;
  /** Changes a person must review. */
  review?: number;
  editorial?: number;
  /** The material changes against the previous valid version. */
  materialChanges?: HistoryChange[];
}

/** The timeline of one notice file. */
export interface NoticeHistory {
  /** Path from the repository's top level. */
  file: string;
  /** Oldest first. */
  entries: HistoryEntry[];
}

/**
 * Build the timeline of a notice from git history.
 * @param file notice file as given
 * @param cwd folder `file` is relative to
 */
export async function noticeHistory(file: string, cwd: string): Promise<NoticeHistory> {
  const place = await locateInRepo(file, cwd);
  const commits = await fileCommits(place);
  const entries: HistoryEntry[] = [];
  let previous: { version: NoticeVersion; commit: string } | undefined;
  for (const commit of commits) {
    const entry: HistoryEntry = { ...commit, valid: false };
    entries.push(entry);
    let version: NoticeVersion;
    try {
      version = await readVersionAt({ top: place.top, rel: commit.rel }, commit.commit);
    } catch {
      entry.problem = 'the file does not exist at this commit (deleted or moved away)';
      continue;
    }
    entry.sha256 = version.sha256;
    if (!version.notice) {
      const errors = version.diagnostics.filter((d) => d.severity === 'error').length;
      entry.problem = `does not validate (${errors} ${errors === 1 ? 'error' : 'errors'}); run noticekit validate on it`;
      continue;
    }
    const n = version.notice as unknown as { version: string; effectiveDate: string; versionStated?: boolean };
    Object.assign(entry, { valid: true, version: n.version, effectiveDate: n.effectiveDate }, n.versionStated === false ? { versionStated: false } : {});
    if (previous?.version.notice) {
      const diff = diffNotices(
        { notice: previous.version.notice, file: previous.version.label, sha256: previous.version.sha256 },
        { notice: version.notice, file: version.label, sha256: version.sha256 },
      );
      entry.comparedWith = previous.commit;
      entry.material = diff.summary.material;
      entry.review = diff.summary.review;
      entry.editorial = diff.summary.editorial;
      entry.materialChanges = diff.changes.filter((c) => c.material).map((c) => ({ id: c.id, kind: c.kind, rule: c.rule ?? '', summary: c.summary }));
    }
    previous = { version, commit: commit.commit };
  }
  return { file: place.rel, entries };
}
