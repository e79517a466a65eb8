/**
 * The auditor's timeline: every committed version of a notice, with its material changes against
 * the previous valid version.
 */
import { MAX_FILE_BYTES } from '../load/limits.js';
import type { Notice } from '../model/notice.js';
import { sha256Hex } from './util-hash.js';
import { readBlobs, type BlobRead } from './read-blobs.js';
import { fileCommits, locateInRepo, readVersionAt, checkVersionBytes, tooLargeBytes, type FileCommit, type NoticeVersion, type RepoPlace, type VersionBytes } from './read-version.js';
import { CHANGE_KINDS, type ChangeKind } from './types.js';

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
 * Where a timeline keeps what it found out about a file content, or about a pair of them, for the
 * next run (a build keeps it in its cache). Keys name the contents by their SHA-256; a value is
 * valid for the toolkit that wrote it only, which the store has to see to.
 */
export interface HistoryStore {
  get(key: string): Promise<string | undefined>;
  put(key: string, value: string): Promise<void>;
}

/** What a timeline needs of one file content: its validity, and the version and date it states. */
type VersionFacts = { valid: false; errors: number } | { valid: true; version: string; effectiveDate: string; versionStated?: false };
/** What a timeline needs of a step from one valid content to the next. */
type StepFacts = Required<Pick<HistoryEntry, 'material' | 'review' | 'editorial' | 'materialChanges'>>;

/**
 * Build the timeline of a notice from git history.
 * @param file notice file as given
 * @param cwd folder `file` is relative to
 * @param store results of earlier runs (validation and diffs of file contents), if any
 */
export async function noticeHistory(file: string, cwd: string, store?: HistoryStore): Promise<NoticeHistory> {
  return historyAt(await locateInRepo(file, cwd), store);
}

/**
 * The timeline of a notice file already located in its repository: one `git log --follow`, one
 * `git cat-file --batch` for the file at every commit, and validation and diffs only for contents
 * the store does not know.
 * @param place repository and path (from {@link locateInRepo})
 * @param store results of earlier runs, if any
 */
export async function historyAt(place: RepoPlace, store?: HistoryStore): Promise<NoticeHistory> {
  const commits = await fileCommits(place);
  const blobs = await readBlobs(place.top, commits.map((c) => `${c.commit}:${c.rel}`), MAX_FILE_BYTES);
  const entries: HistoryEntry[] = [];
  // Notices loaded in this run, by the SHA-256 of their bytes, and the bytes not loaded yet.
  const loaded = new Map<string, NoticeVersion>();
  const unloaded = new Map<string, VersionBytes>();
  const load = (sha256: string): NoticeVersion => {
    let version = loaded.get(sha256);
    if (!version) {
      version = checkVersionBytes(unloaded.get(sha256)!);
      loaded.set(sha256, version);
    }
    return version;
  };
  let previous: { sha256: string; commit: string } | undefined;
  for (const [i, commit] of commits.entries()) {
    const entry: HistoryEntry = { ...commit, valid: false };
    entries.push(entry);
    const read = await readAt(place, commit, blobs[i]!);
    if (!read) {
      entry.problem = 'the file does not exist at this commit (deleted or moved away)';
      continue;
    }
    const sha256 = Buffer.isBuffer(read) ? sha256Hex(read) : read.sha256;
    if (Buffer.isBuffer(read)) unloaded.set(sha256, { bytes: read, label: `${commit.commit}:${commit.rel}`, rev: commit.commit });
    else loaded.set(sha256, read);
    entry.sha256 = sha256;
    const facts = await remembered(store, `version ${sha256}`, isVersionFacts, async () => versionFacts(load(sha256)));
    if (!facts.valid) {
      entry.problem = `does not validate (${facts.errors} ${facts.errors === 1 ? 'error' : 'errors'}); run noticekit validate on it`;
      continue;
    }
    Object.assign(entry, { valid: true, version: facts.version, effectiveDate: facts.effectiveDate }, facts.versionStated === false ? { versionStated: false } : {});
    if (previous) {
      const from = previous.sha256;
      const step = await remembered(store, `step ${from} ${sha256}`, isStepFacts, async () => stepFacts(load(from), load(sha256)));
      // Field by field, in this order, whatever the order of a stored value.
      Object.assign(entry, {
        comparedWith: previous.commit,
        material: step.material,
        review: step.review,
        editorial: step.editorial,
        materialChanges: step.materialChanges.map((c) => ({ id: c.id, kind: c.kind, rule: c.rule, summary: c.summary })),
      });
    }
    previous = { sha256, commit: commit.commit };
  }
  return { file: place.rel, entries };
}

/** The file's bytes at a commit, a version read by `git show` (what a batch cannot name), or undefined when it is not there. */
async function readAt(place: RepoPlace, commit: FileCommit, blob: BlobRead): Promise<Buffer | NoticeVersion | undefined> {
  if (blob.kind === 'blob') return blob.bytes;
  if (blob.kind === 'too-large') return tooLargeBytes();
  if (blob.kind === 'missing') return undefined;
  return readVersionAt({ ...place, rel: commit.rel }, commit.commit).catch(() => undefined);
}

function versionFacts(version: NoticeVersion): VersionFacts {
  if (!version.notice) return { valid: false, errors: version.diagnostics.filter((d) => d.severity === 'error').length };
  const n = version.notice as unknown as { version: string; effectiveDate: string; versionStated?: boolean };
  return { valid: true, version: n.version, effectiveDate: n.effectiveDate, ...(n.versionStated === false ? { versionStated: false as const } : {}) };
}

async function stepFacts(from: NoticeVersion, to: NoticeVersion): Promise<StepFacts> {
  // Loaded only when a step is not in the store: a warm build never needs the diff.
  const { diffNotices } = await import('./diff-notices.js');
  const diff = diffNotices({ notice: from.notice as Notice, file: from.label, sha256: from.sha256 }, { notice: to.notice as Notice, file: to.label, sha256: to.sha256 });
  return {
    material: diff.summary.material,
    review: diff.summary.review,
    editorial: diff.summary.editorial,
    materialChanges: diff.changes.filter((c) => c.material).map((c) => ({ id: c.id, kind: c.kind, rule: c.rule ?? '', summary: c.summary })),
  };
}

/** A value from the store when it holds a well-formed one, else worked out (and stored). */
async function remembered<T>(store: HistoryStore | undefined, key: string, isValid: (value: unknown) => value is T, make: () => Promise<T>): Promise<T> {
  const text = await store?.get(key);
  if (text !== undefined) {
    try {
      const value: unknown = JSON.parse(text);
      if (isValid(value)) return value;
    } catch {
      // Not JSON: worked out again below, and replaced.
    }
  }
  const value = await make();
  await store?.put(key, JSON.stringify(value));
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isVersionFacts = (v: unknown): v is VersionFacts =>
  isObject(v) && (v.valid === false ? Number.isInteger(v.errors) : v.valid === true && typeof v.version === 'string' && typeof v.effectiveDate === 'string' && (v.versionStated === undefined || v.versionStated === false));
const isStepFacts = (v: unknown): v is StepFacts =>
  isObject(v) &&
  [v.material, v.review, v.editorial].every(Number.isInteger) &&
  Array.isArray(v.materialChanges) &&
  v.materialChanges.every((c) => isObject(c) && ['id', 'rule', 'summary'].every((k) => typeof c[k] === 'string') && (CHANGE_KINDS as readonly unknown[]).includes(c.kind));
