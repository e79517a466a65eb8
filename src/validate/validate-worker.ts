/**
 * Worker thread body for the parallel validation in parallel.ts: validate the files it takes from
 * the shared counter and post back their diagnostics, by index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { validateClaimed, type WorkerInput } from './parallel.js';

parentPort?.postMessage(await validateClaimed(workerData as WorkerInput));
