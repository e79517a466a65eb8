/**
 * Read one version of a notice: from the working tree, or from a git revision with
 * `git show REV:path` (no checkout). Git runs through `execFile`, never a shell.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { loadNotice, loadNoticeFile, MAX_FILE_BYTES } from '../load/read-notice.js';
import type { Notice } from '../model/notice.js';
import type { WalkEntry } from '../notice/schema.js';
import { validateNotice } from '../validate/index.js';
import { sha256Hex } from './util-hash.js';
import { NoticekitError } from '../errors.js';

/** Git is missing, the file is not in a repository, or a revision does not hold it. */
export class GitError extends NoticekitError {
  override name = 'GitError';
  /** @param message said to the user as it is */
  constructor(message: string) {
    super(message, 2);
  }
}

/** One loaded and validated version of a notice. */
export interface NoticeVersion {
  /** Name for reports: the file as given, or `REV:path`. */
  label: string;
  /** Present when the version is valid. */
  notice?: Notice;
  diagnostics: Diagnostic[];
  /** The decoded text (empty when nothing could be read); diagnostics' positions refer to it. */
  text: string;
  /** SHA-256 of the bytes read (empty when nothing could be read). */
  sha256: string;
  rev?: string;
  /** When asked for, for a valid version: the schema walk's entries (the diff's index uses them). */
  entries?: readonly WalkEntry[];
}

/** Where a file sits in its git repository. */
export interface RepoPlace {
  /** Absolute path of the repository's top level. */
  top: string;
  /** Path of the file from the top level, with `/` separators (as `git show REV:path` wants it). */
  rel: string;
  /** The repository is a shallow clone (older commits may be missing). */
  shallow: boolean;
}

/** A folder's repository, as {@link locateInRepo} finds it. */
export interface RepoFolder {
  top: string;
  /** Path of the folder from the top level, `/`-separated, with a trailing `/` (empty at the top). */
  prefix: string;
  shallow: boolean;
}

const MAX_GIT_OUTPUT = 64 * 1024 * 1024;

async function git(args: string[], cwd: string, maxBuffer = MAX_GIT_OUTPUT): Promise<Buffer> {
  // Loaded when git runs: a diff of two files never needs child_process (a few ms to load).
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    execFile('git', ['-c', 'core.quotepath=off', ...args], { cwd, encoding: 'buffer', maxBuffer, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return reject(new GitError('git is not installed or not on PATH.'));
      if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return reject(Object.assign(new GitError('output too large'), { tooLarge: true }));
      const first = stderr.toString('utf8').trim().split('\n')[0] ?? '';
      reject(new GitError(first.replace(/^fatal: /, '') || error.message));
    });
  });
}

/**
 * Find a file's repository and its path inside it (one `git rev-parse --is-shallow-repository
 * --show-toplevel --show-prefix` run in the file's folder, so symlinked or nested checkouts
 * resolve as git sees them).
 * @param file path as given
 * @param cwd folder `file` is relative to
 * @param folders what is known of folders already (files in one folder share one git run)
 */
export async function locateInRepo(file: string, cwd: string, folders?: Map<string, Promise<RepoFolder | undefined>>): Promise<RepoPlace> {
  const abs = path.resolve(cwd, file);
  const dir = path.dirname(abs);
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error();
  } catch {
    throw new GitError(`The folder of ${file} does not exist.`);
  }
  let found = folders?.get(dir);
  if (!found) {
    found = repoFolder(dir);
    folders?.set(dir, found);
  }
  const repo = await found;
  if (!repo) throw new GitError(`${file} is not inside a git repository; --from and history need one.`);
  return { top: repo.top, rel: `${repo.prefix}${path.basename(abs)}`, shallow: repo.shallow };
}

/** A folder's repository; undefined when it is in none. */
async function repoFolder(dir: string): Promise<RepoFolder | undefined> {
  try {
    const [shallow = '', top = '', prefix = ''] = (await git(['rev-parse', '--is-shallow-repository', '--show-toplevel', '--show-prefix'], dir)).toString('utf8').split('\n');
    return { top: top.trim(), prefix: prefix.trim(), shallow: shallow.trim() === 'true' };
  } catch (error) {
    if (error instanceof GitError && /not installed/.test(error.message)) throw error;
    return undefined;
  }
}

/**
 * Check a revision given on the command line; it must not look like an option.
 * @param rev e.g. `HEAD~1`, `v1.0`, a commit hash
 */
export function checkRevision(rev: string): void {
  if (rev === '' || rev.startsWith('-') || /[\u0000:]/.test(rev)) throw new GitError(`'${rev}' is not a git revision; use a commit, tag or branch such as HEAD~1.`);
}

/** A version's bytes, read but not yet checked. */
export interface VersionBytes {
  label: string;
  bytes: Uint8Array;
  rev?: string;
}

/**
 * Read and validate a notice as it is at a git revision.
 * @param place repository and path (from {@link locateInRepo})
 * @param rev revision
 * @param keepEntries keep the validation's schema walk in the version (for a diff of it)
 */
export async function readVersionAt(place: RepoPlace, rev: string, keepEntries = false): Promise<NoticeVersion> {
  return checkVersionBytes(await readBytesAt(place, rev), keepEntries);
}

/**
 * The bytes of a notice at a git revision (`git show REV:path`).
 * @param place repository and path (from {@link locateInRepo})
 * @param rev revision
 */
async function readBytesAt(place: RepoPlace, rev: string): Promise<VersionBytes> {
  checkRevision(rev);
  const label = `${rev}:${place.rel}`;
  try {
    return { label, bytes: await git(['show', label], place.top, MAX_FILE_BYTES + 1), rev };
  } catch (error) {
    // Too large: checking the oversized bytes words the problem as for a file.
    if ((error as { tooLarge?: boolean }).tooLarge) return { label, bytes: tooLargeBytes(), rev };
    throw new GitError(`Cannot read ${label}: ${(error as Error).message}`);
  }
}

/**
 * Read and validate a notice file from disk.
 * @param file path as given (used in reports)
 * @param cwd folder `file` is relative to
 * @param keepEntries keep the validation's schema walk in the version (for a diff of it)
 */
export async function readVersionFile(file: string, cwd: string, keepEntries = false): Promise<NoticeVersion> {
  const read = await readBytesFile(file, cwd);
  return 'bytes' in read ? checkVersionBytes(read, keepEntries) : read;
}

/**
 * The bytes of a notice file, or, when it cannot be read as one (missing, not a file, too
 * large), the version that says so.
 * @param file path as given (used in reports)
 * @param cwd folder `file` is relative to
 */
async function readBytesFile(file: string, cwd: string): Promise<VersionBytes | NoticeVersion> {
  const abs = path.resolve(cwd, file);
  try {
    const info = await stat(abs);
    if (info.isFile() && info.size <= MAX_FILE_BYTES) return { label: file, bytes: await readFile(abs) };
  } catch {
    // loadNoticeFile below words the problem.
  }
  const loaded = await loadNoticeFile(abs);
  const diagnostics = loaded.diagnostics.map((d) => ({ ...d, file, message: d.message.split(abs).join(file) }));
  return { label: file, diagnostics, text: loaded.text, sha256: '' };
}

/** What a file larger than the limit is read as (the loader reports its size). */
export const tooLargeBytes = (): Buffer => Buffer.alloc(MAX_FILE_BYTES + 1);

/**
 * Load and validate a version's bytes.
 * @param keepEntries keep the validation's schema walk in the version (for a diff of it)
 */
export function checkVersionBytes({ label, bytes, rev }: VersionBytes, keepEntries = false): NoticeVersion {
  const loaded = loadNotice(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label);
  const result = validateNotice(loaded, { keepEntries });
  const version: NoticeVersion = { label, diagnostics: result.diagnostics, text: loaded.text, sha256: sha256Hex(bytes) };
  if (result.notice) version.notice = result.notice;
  if (result.entries) version.entries = result.entries;
  if (rev !== undefined) version.rev = rev;
  return version;
}

/** One commit that touched a notice file. */
export interface FileCommit {
  commit: string;
  short: string;
  /** Committer date, ISO 8601 with offset. */
  date: string;
  author: string;
  subject: string;
  /** Path of the file at this commit (it may have been renamed since). */
  rel: string;
}

/**
 * Every commit that touched a file, following renames, oldest first
 * (`git log --follow --name-only -- FILE`).
 * @param place repository and path
 */
export async function fileCommits(place: RepoPlace): Promise<FileCommit[]> {
  const out = (await git(['log', '--follow', '--name-only', '--format=%x1e%H%x1f%h%x1f%cI%x1f%an%x1f%s', '--', place.rel], place.top)).toString('utf8');
  const commits: FileCommit[] = [];
  let lastPath = place.rel;
  for (const record of out.split('\x1e')) {
    if (record.trim() === '') continue;
    const [header = '', ...rest] = record.split('\n');
    const [commit = '', short = '', date = '', author = '', subject = ''] = header.split('\x1f');
    // Merge commits list no files; the path is the one of the next newer commit.
    const rel = rest.map((l) => l.trim()).find((l) => l !== '') ?? lastPath;
    lastPath = rel;
    commits.push({ commit, short, date, author, subject, rel });
  }
  return commits.reverse();
}
