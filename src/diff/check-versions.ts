/**
 * Check the two versions a diff compares. Reading a large notice is CPU work (YAML, then the
 * schema and the consistency checks), so when both versions are large the newer one is checked
 * on a worker thread while this thread checks the older: on two cores a 1,000-clause diff then
 * waits for one read, not two. Small versions are checked here: a worker's start (its own module
 * loading) costs more than it saves. Falls back to this thread when the compiled worker is not
 * there (the test runner runs the TypeScript sources) or the worker fails.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkVersionBytes, type NoticeVersion, type VersionBytes } from './read-version.js';

const WORKER = fileURLToPath(new URL('./version-worker.js', import.meta.url));

/** Both versions at least this large (bytes): the newer one is checked on a worker thread. */
export const PARALLEL_BYTES = 128 * 1024;

/**
 * Check two versions (each read already, or already a version saying why it could not be read).
 * @returns the two versions, in the order given
 */
export async function checkVersionPair(older: VersionBytes | NoticeVersion, newer: VersionBytes | NoticeVersion): Promise<[NoticeVersion, NoticeVersion]> {
  if (!('bytes' in older) || !('bytes' in newer) || !worthAWorker(older, newer)) {
    return [check(older), check(newer)];
  }
  const inWorker = checkInWorker(newer);
  const first = checkVersionBytes(older);
  return [first, (await inWorker) ?? checkVersionBytes(newer)];
}

function check(side: VersionBytes | NoticeVersion): NoticeVersion {
  return 'bytes' in side ? checkVersionBytes(side) : side;
}

function worthAWorker(a: VersionBytes, b: VersionBytes): boolean {
  return Math.min(a.bytes.length, b.bytes.length) >= PARALLEL_BYTES && availableParallelism() > 1 && import.meta.url.endsWith('.js') && existsSync(WORKER);
}

/** The version checked on a worker thread, or undefined when the worker could not do it. */
function checkInWorker(side: VersionBytes): Promise<NoticeVersion | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { workerData: side });
    } catch {
      return resolve(undefined);
    }
    worker.once('message', (version: NoticeVersion) => resolve(version));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}
