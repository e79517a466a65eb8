/**
 * Worker thread body for check-versions.ts: check one version's bytes and post the version back
 * (plain data: the notice, its diagnostics and text).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkVersionBytes, type VersionBytes } from './read-version.js';

parentPort?.postMessage(checkVersionBytes(workerData as VersionBytes));
