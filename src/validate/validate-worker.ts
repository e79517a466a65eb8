/**
 * Worker thread body for {@link validateFilesParallel}: validate the files it is given and post
 * the diagnostics back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { validateNoticeFiles } from './index.js';

parentPort?.postMessage(await validateNoticeFiles(workerData as string[]));
