/**
 * Validate many files on several cores (the validate command; a build validates in its own
 * worker threads, see build/worker-pool.ts): worker threads each take a contiguous share of the files.
 * Parsing YAML is the cost of validation and it is CPU-bound, so on 2 cores this about halves the
 * wall time for a large corpus. Falls back to one thread when the compiled worker is not there
 * (e.g. under the test runner, which runs the TypeScript sources).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { validateNoticeFiles, type FileDiagnostics } from './index.js';

const WORKER = fileURLToPath(new URL('./validate-worker.js', import.meta.url));

/** Below this many files one thread is faster than starting workers. */
export const PARALLEL_THRESHOLD = 64;

/**
 * Validate files, in parallel when worth it, keeping only diagnostics.
 * @param jobs threads to use (default: the machine's available parallelism, at most 8)
 */
export async function validateFilesParallel(files: readonly string[], jobs = defaultJobs()): Promise<FileDiagnostics[]> {
  return inShares(files, jobs, validateNoticeFiles);
}

function defaultJobs(): number {
  return Math.min(8, availableParallelism());
}

async function inShares<T>(files: readonly string[], jobs: number, here: (files: readonly string[]) => Promise<T[]>): Promise<T[]> {
  const usable = import.meta.url.endsWith('.js') && existsSync(WORKER);
  if (jobs <= 1 || files.length < PARALLEL_THRESHOLD || !usable) return here(files);
  // This thread takes the first share itself: its modules are loaded already, while a worker
  // needs ~0.2 s to start. The other shares go to jobs - 1 workers.
  const size = Math.ceil(files.length / jobs);
  const shares = Array.from({ length: jobs }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0);
  const inWorkers = shares.slice(1).map(
    (share) =>
      new Promise<T[]>((resolve, reject) => {
        const worker = new Worker(WORKER, { workerData: { files: share } });
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
