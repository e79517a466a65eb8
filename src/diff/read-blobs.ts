/**
 * Read a file as it was at many commits with one `git cat-file --batch` (one git process for a
 * whole timeline, not a `git show` per commit). Git runs through `spawn`, never a shell; the output
 * is read as it streams, so a blob larger than the limit is skipped, never held in memory.
 */
import { spawn } from 'node:child_process';
import { GitError } from './read-version.js';

/** What a `REV:path` names. */
export type BlobRead =
  | { kind: 'blob'; bytes: Buffer }
  /** A blob larger than the limit (its bytes are not read). */
  | { kind: 'too-large' }
  /** The path does not exist at that revision. */
  | { kind: 'missing' }
  /** Anything else (a folder, a submodule, a name a batch cannot carry): ask `git show` for it. */
  | { kind: 'other' };

/**
 * The objects some `REV:path` names name, in order.
 * @param top repository top level (where git runs)
 * @param names `REV:path` names, paths from the top level
 * @param maxBytes largest blob read; larger ones are `too-large`
 */
export function readBlobs(top: string, names: readonly string[], maxBytes: number): Promise<BlobRead[]> {
  // A batch reads one name a line (and drops a CR before the LF): such names go to `git show`.
  const batchable = names.map((n) => !/[\n\r]/.test(n));
  const asked = names.filter((_, i) => batchable[i]);
  if (asked.length === 0) return Promise.resolve(names.map(() => ({ kind: 'other' })));
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.quotepath=off', 'cat-file', '--batch'], { cwd: top, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const answers: BlobRead[] = [];
    let pending = Buffer.alloc(0); // bytes of a header line not yet complete
    let body: { type: string; size: number; keep: boolean; chunks: Buffer[]; got: number } | undefined;
    let failed: Error | undefined;
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      let data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      pending = Buffer.alloc(0);
      while (data.length > 0 && !failed) {
        if (body) {
          // The content, then a LF.
          const take = Math.min(body.size + 1 - body.got, data.length);
          if (body.keep) body.chunks.push(data.subarray(0, take));
          body.got += take;
          data = data.subarray(take);
          if (body.got === body.size + 1) {
            const { type, size, keep, chunks } = body;
            answers.push(type !== 'blob' ? { kind: 'other' } : keep ? { kind: 'blob', bytes: Buffer.concat(chunks).subarray(0, size) } : { kind: 'too-large' });
            body = undefined;
          }
          continue;
        }
        const end = data.indexOf(0x0a);
        if (end < 0) {
          pending = Buffer.from(data);
          break;
        }
        const header = data.subarray(0, end).toString('utf8');
        data = data.subarray(end + 1);
        if (header.endsWith(' missing')) answers.push({ kind: 'missing' });
        else if (header.endsWith(' ambiguous')) answers.push({ kind: 'other' });
        else {
          const m = /^[0-9a-f]+ ([a-z]+) (\d+)$/.exec(header);
          if (!m) failed = new GitError(`git cat-file answered '${header.slice(0, 80)}'`);
          else {
            const size = Number(m[2]);
            body = { type: m[1]!, size, keep: m[1] === 'blob' && size <= maxBytes, chunks: [], got: 0 };
          }
        }
      }
      if (failed) child.kill();
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      failed ??= error.code === 'ENOENT' ? new GitError('git is not installed or not on PATH.') : new GitError(error.message);
    });
    child.on('close', (code) => {
      if (!failed && code !== 0) failed = new GitError(Buffer.concat(stderr).toString('utf8').trim().split('\n')[0]?.replace(/^fatal: /, '') || `git cat-file exited with ${code}`);
      if (!failed && answers.length !== asked.length) failed = new GitError(`git cat-file answered ${answers.length} of ${asked.length} names`);
      if (failed) return reject(failed);
      let next = 0;
      resolve(names.map((_, i) => (batchable[i] ? answers[next++]! : { kind: 'other' })));
    });
    // A git that is missing or dies early closes stdin; the error is reported by 'close'.
    child.stdin.on('error', () => undefined);
    child.stdin.end(`${asked.join('\n')}\n`);
  });
}
