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

/** Files a worker is sent at a time; each worker holds two batches so it never waits for one. */
const BATCH = 8;

/**
 * Share the files between this thread and `jobs - 1` workers, a batch at a time: whoever is free
 * takes the next batch, so no thread sits idle while another still has a long share (a worker
 * starts ~0.2 s after this thread, and files differ in size). Results come back in input order.
 */
async function inShares<T>(files: readonly string[], jobs: number, mode: WorkerMode, here: (files: readonly string[]) => Promise<T[]>, templatesDir?: string): Promise<T[]> {
  const usable = import.meta.url.endsWith('.js') && existsSync(WORKER);
  if (jobs <= 1 || files.length < PARALLEL_THRESHOLD || !usable) return here(files);
  const results: T[] = new Array(files.length);
  let next = 0;
  const take = (): [number, readonly string[]] | undefined => {
    if (next >= files.length) return undefined;
    const start = next;
    next = Math.min(files.length, next + BATCH);
    return [start, files.slice(start, next)];
  };
  const inWorkers = Array.from({ length: Math.min(jobs - 1, Math.ceil(files.length / BATCH) - 1) }, () => {
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: { mode, templatesDir } });
      const sent: number[] = [];
      const send = () => {
        const batch = take();
        if (!batch) return false;
        sent.push(batch[0]);
        worker.postMessage(batch[1]);
        return true;
      };
      worker.on('message', (batchResults: T[]) => {
        const start = sent.shift()!;
        batchResults.forEach((r, i) => (results[start + i] = r));
        send();
        if (sent.length === 0) void worker.terminate().then(() => resolve());
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (sent.length > 0) reject(new Error(`validation worker exited with code ${code}`));
      });
      if (!send()) void worker.terminate().then(() => resolve());
      else send();
    });
  });
  // This thread takes batches too, yielding between them so workers get their next batch.
  for (let batch = take(); batch; batch = take()) {
    const [start, share] = batch;
    (await here(share)).forEach((r, i) => (results[start + i] = r));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(inWorkers);
  return results;
}
