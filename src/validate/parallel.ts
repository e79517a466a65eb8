/**
 * Validate many files on several cores (the validate command; a build validates in its own
 * worker threads, see build/worker-pool.ts): this thread and worker threads take the files a few
 * at a time from a shared counter, so a thread that starts late (a worker needs ~0.2 s to load)
 * or runs slower takes fewer, and none waits for another at the end. Parsing YAML is the cost of
 * validation and it is CPU-bound, so on 2 cores this about halves the wall time for a large
 * corpus. Falls back to one thread when the compiled worker is not there (e.g. under the test
 * runner, which runs the TypeScript sources).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { validateNoticeFile, validateNoticeFiles, type FileDiagnostics } from './index.js';

const WORKER = fileURLToPath(new URL('./validate-worker.js', import.meta.url));

/** Below this many files one thread is faster than starting workers. */
export const PARALLEL_THRESHOLD = 64;

/** Files a thread takes at a time. */
const CLAIM = 4;

/** What a worker is given: all the files, and the counter of the next one not yet taken. */
export interface WorkerInput {
  files: readonly string[];
  next: Int32Array;
}

/** What a worker posts back: the results of the files it took, by index. */
export type WorkerResults = [index: number, result: FileDiagnostics][];

/**
 * Validate files, in parallel when worth it, keeping only diagnostics (in the order of `files`).
 * @param jobs threads to use (default: the machine's available parallelism, at most 8)
 */
export async function validateFilesParallel(files: readonly string[], jobs = defaultJobs()): Promise<FileDiagnostics[]> {
  const usable = import.meta.url.endsWith('.js') && existsSync(WORKER);
  if (jobs <= 1 || files.length < PARALLEL_THRESHOLD || !usable) return validateNoticeFiles(files);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const results: FileDiagnostics[] = new Array(files.length);
  const store = (done: WorkerResults) => {
    for (const [i, result] of done) results[i] = result;
  };
  const input: WorkerInput = { files, next };
  const inWorkers = Array.from(
    { length: jobs - 1 },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(WORKER, { workerData: input });
        worker.once('message', (done: WorkerResults) => {
          store(done);
          resolve();
        });
        worker.once('error', reject);
        // After its message this settles nothing; before it, the files it took would be missing.
        worker.once('exit', (code) => reject(new Error(`validation worker exited with code ${code} before its results`)));
      }),
  );
  const workersDone = Promise.all(inWorkers);
  // Handled here should a worker fail while this thread is still busy; awaited below.
  workersDone.catch(() => undefined);
  // This thread takes files too (its modules are loaded already) while the workers start.
  store(await validateClaimed(input));
  await workersDone;
  return results;
}

/** Validate files taken from the shared counter until none is left (in this thread or a worker). */
export async function validateClaimed({ files, next }: WorkerInput): Promise<WorkerResults> {
  const done: WorkerResults = [];
  for (;;) {
    const first = Atomics.add(next, 0, CLAIM);
    if (first >= files.length) return done;
    for (let i = first; i < Math.min(first + CLAIM, files.length); i++) done.push([i, await validateNoticeFile(files[i]!)]);
  }
}

function defaultJobs(): number {
  return Math.min(8, availableParallelism());
}
