/**
 * Validate many files on several cores: worker threads each take a contiguous share of the files.
 * Parsing YAML is the cost of validation and it is CPU-bound, so on 2 cores this about halves the
 * wall time for a large corpus. Falls back to one thread when the compiled worker is not there
 * (e.g. under the test runner, which runs the TypeScript sources).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkNoticeTexts, validateNoticeFiles, type CheckedText, type FileDiagnostics } from './index.js';

const WORKER = fileURLToPath(new URL('./validate-worker.js', import.meta.url));

/** Below this many files one thread is faster than starting workers. */
export const PARALLEL_THRESHOLD = 64;

/** What a worker is asked for: diagnostics only (validate), or the notices too (build). */
export type WorkerMode = 'diagnostics' | 'notices';

/**
 * Validate files, in parallel when worth it, keeping only diagnostics.
 * @param jobs threads to use (default: the machine's available parallelism, at most 8)
 */
export async function validateFilesParallel(files: readonly string[], jobs = defaultJobs()): Promise<FileDiagnostics[]> {
  return inShares(files, jobs, 'diagnostics', validateNoticeFiles);
}

/**
 * Read and validate files for a build, in parallel when worth it: the text and, when valid, the
 * notice of each file.
 * @param jobs threads to use (default: the machine's available parallelism, at most 8)
 * @param templatesDir a custom templates folder whose phrase packs count too
 */
export async function checkFilesParallel(files: readonly string[], jobs = defaultJobs(), templatesDir?: string): Promise<CheckedText[]> {
  return inShares(files, jobs, 'notices', (share) => checkNoticeTexts(share, templatesDir), templatesDir);
}

function defaultJobs(): number {
  return Math.min(8, availableParallelism());
}

async function inShares<T>(files: readonly string[], jobs: number, mode: WorkerMode, here: (files: readonly string[]) => Promise<T[]>, templatesDir?: string): Promise<T[]> {
  const usable = import.meta.url.endsWith('.js') && existsSync(WORKER);
  if (jobs <= 1 || files.length < PARALLEL_THRESHOLD || !usable) return here(files);
  // This thread takes the first share itself: its modules are loaded already, while a worker
  // needs ~0.2 s to start. The other shares go to jobs - 1 workers.
  const size = Math.ceil(files.length / jobs);
  const shares = Array.from({ length: jobs }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0);
  const inWorkers = shares.slice(1).map(
    (share) =>
      new Promise<T[]>((resolve, reject) => {
        const worker = new Worker(WORKER, { workerData: { files: share, mode, templatesDir } });
        worker.once('message', (result: T[]) => resolve(result));
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`validation worker exited with code ${code}`));
        });
      }),
  );
  const results = await Promise.all([here(shares[0]!), ...inWorkers]);
  return results.flat();
}
