/**
 * Worker thread body for the parallel validation in parallel.ts: validate the files it is given
 * and post back the diagnostics (and, for a build, the texts and notices).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkNoticeTexts, validateNoticeFiles } from './index.js';
import type { WorkerMode } from './parallel.js';

const { files, mode, templatesDir } = workerData as { files: string[]; mode: WorkerMode; templatesDir?: string };
parentPort?.postMessage(mode === 'notices' ? await checkNoticeTexts(files, templatesDir) : await validateNoticeFiles(files));
