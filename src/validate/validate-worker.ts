/**
 * Worker thread body for the parallel validation in parallel.ts: validate the files it is given
 * and post back their diagnostics.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { validateNoticeFiles } from './index.js';

const { files } = workerData as { files: string[] };
parentPort?.postMessage(await validateNoticeFiles(files));
