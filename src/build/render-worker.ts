/**
 * Worker thread body for {@link renderAll}: load the template set once, then build and render
 * the view of each notice and locale in the batches it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadTemplateSet, TemplateError } from '../render/html/index.js';
import { phrasesFor, renderTask, type RenderTask } from './render-pool.js';

const { templatesDir } = workerData as { templatesDir?: string };
const templates = await loadTemplateSet(templatesDir);
parentPort?.on('message', async (batch: RenderTask[]) => {
  try {
    const results = [];
    for (const task of batch) results.push(renderTask(task, templates, await phrasesFor(task, templatesDir)));
    parentPort?.postMessage({ results });
  } catch (error) {
    if (error instanceof TemplateError) parentPort?.postMessage({ error: { message: error.reason, file: error.file, line: error.line, column: error.column } });
    else parentPort?.postMessage({ error: (error as Error).message ?? String(error) });
  }
});
