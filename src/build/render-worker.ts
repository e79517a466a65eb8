/**
 * Worker thread body for {@link renderAll}: load the template set once, then render each batch
 * of views it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadTemplateSet, TemplateError } from '../render/html/index.js';
import { renderTask, type RenderTask } from './render-pool.js';

const templates = await loadTemplateSet((workerData as { templatesDir?: string }).templatesDir);
parentPort?.on('message', (batch: RenderTask[]) => {
  try {
    parentPort?.postMessage({ results: batch.map((task) => renderTask(task, templates)) });
  } catch (error) {
    if (error instanceof TemplateError) parentPort?.postMessage({ error: { message: error.message.replace(/^[^:]+:\d+:\d+: /, ''), file: error.file, line: error.line, column: error.column } });
    else parentPort?.postMessage({ error: (error as Error).message ?? String(error) });
  }
});
