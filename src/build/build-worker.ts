/**
 * Worker thread body of {@link BuildPool}: validate the files it is given and keep the valid
 * notices, then render documents of those notices (sent by path) or of notices sent along.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Notice } from '../model/notice.js';
import { loadTemplateSet, TemplateError, type TemplateSet } from '../render/html/index.js';
import { checkNoticeTexts } from '../validate/index.js';
import { toWire, wireTransfer } from './check-wire.js';
import { phrasesFor, renderTask } from './render-pool.js';
import type { PoolReply, PoolRequest, RenderedBytes } from './worker-pool.js';

const { templatesDir } = workerData as { templatesDir?: string };
/** The notices this thread validated, by file. */
const held = new Map<string, Notice>();
// Loaded while the first files are validated; a template error is reported when rendering needs them
// (the build reports it first, with its position, when it loads the same templates itself).
const templates: Promise<TemplateSet> = loadTemplateSet(templatesDir);
templates.catch(() => undefined);
const encoder = new TextEncoder();

parentPort?.on('message', (request: PoolRequest) => {
  void answer(request).then(
    ({ reply, transfer }) => parentPort?.postMessage(reply, transfer),
    (error: unknown) => {
      const reason = error instanceof TemplateError ? { message: error.reason, file: error.file, line: error.line, column: error.column } : ((error as Error).message ?? String(error));
      parentPort?.postMessage({ id: request.id, error: reason } satisfies PoolReply);
    },
  );
});

async function answer(request: PoolRequest): Promise<{ reply: PoolReply; transfer: ArrayBuffer[] }> {
  if ('check' in request) {
    const checked = await checkNoticeTexts(request.check, templatesDir);
    for (const c of checked) if (c.notice) held.set(c.file, c.notice);
    const wire = checked.map(toWire);
    return { reply: { id: request.id, checked: wire }, transfer: wire.flatMap(wireTransfer) };
  }
  const set = await templates;
  const rendered: RenderedBytes[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const wire of request.render) {
    const notice = 'notice' in wire ? wire.notice : held.get(wire.file);
    if (!notice) throw new Error(`no notice kept for ${'file' in wire ? wire.file : '?'}`);
    const task = { ...wire, notice, file: 'file' in wire ? wire.file : '' };
    const result = renderTask(task, set, await phrasesFor(task, templatesDir));
    const bytes: RenderedBytes = {};
    if (result.md !== undefined) transfer.push((bytes.md = encoder.encode(result.md)).buffer as ArrayBuffer);
    if (result.html !== undefined) transfer.push((bytes.html = encoder.encode(result.html)).buffer as ArrayBuffer);
    rendered.push(bytes);
  }
  return { reply: { id: request.id, rendered }, transfer };
}
