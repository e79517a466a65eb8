/**
 * Worker thread body for the parallel validation in parallel.ts: validate each batch of files it
 * is sent and post back the diagnostics (and, for a build, the texts and notices).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkNoticeTexts, validateNoticeFiles } from './index.js';
import type { WorkerMode } from './parallel.js';

const { mode, templatesDir } = workerData as { mode: WorkerMode; templatesDir?: string };
parentPort?.on('message', (files: string[]) => {
  void (mode === 'notices' ? checkNoticeTexts(files, templatesDir) : validateNoticeFiles(files)).then((results) => parentPort?.postMessage(results));
});
