/**
 * The worker threads of a large build. The same threads first read and validate the notice files,
 * then render their Markdown and HTML. Each keeps the notices it validated, so a document is sent
 * to the thread holding its notice as a file path, not as the notice: before, every notice crossed
 * threads once back from a validation worker and once per locale out to a render worker, and four
 * engines (this thread, a validation worker, two render workers) each loaded and compiled the code.
 *
 * Documents come back as UTF-8 bytes in buffers of their own, moved (transferred), not copied.
 * A thread that runs out of its own notices takes documents from the other's queue, with their notices.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TemplateError } from '../render/html/index.js';
import type { CheckedText } from '../validate/index.js';
import { fromWire, type WireChecked } from './check-wire.js';
import type { RenderTask, SerializedTemplateError } from './render-pool.js';

const WORKER = fileURLToPath(new URL('./build-worker.js', import.meta.url));

/**
 * Below this many documents to render, this thread renders them, unless the threads were started
 * for validation already: a thread needs ~0.4 s to start and warm up. Measured (render workers
 * started for rendering alone): 234 views 1.7 s in one thread vs 2.3 s in two workers; 2,386 views
 * 15.2 s vs 10.0 s.
 */
export const POOL_THRESHOLD = 400;
/** Files validated per message. */
const CHECK_BATCH = 25;
/** Documents rendered per message. */
const BATCH = 8;
/** Batches in flight per thread, so that a thread never waits for this one to send the next. */
const AHEAD = 2;

/** What a thread is asked: validate files, or render documents. */
export type PoolRequest = { id: number; check: readonly string[] } | { id: number; render: readonly WireTask[] };

/**
 * A document to render as it crosses to a thread: with its notice, or with the path of the file
 * whose notice that thread validated and keeps.
 */
export type WireTask = Omit<RenderTask, 'notice' | 'file'> & ({ notice: RenderTask['notice'] } | { file: string });

/** What a thread answers. */
export type PoolReply = { id: number; checked: WireChecked[] } | { id: number; rendered: RenderedBytes[] } | { id: number; error: SerializedTemplateError | string };

/** A rendered document's formats as UTF-8 bytes. */
export interface RenderedBytes {
  md?: Uint8Array;
  html?: Uint8Array;
}

/** One worker thread, asked one thing at a time per request id. */
class PoolThread {
  /** Files whose notices this thread validated (and keeps). */
  readonly holds = new Set<string>();
  private readonly waiting = new Map<number, { resolve: (reply: PoolReply) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (reply: PoolReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      waiter?.resolve(reply);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`a build worker exited with code ${code}`)));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }

  /** Send a request and wait for its reply; a reply that is an error rejects. */
  async ask(request: Omit<PoolRequest, 'id'>): Promise<PoolReply> {
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    const reply = await new Promise<PoolReply>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
    if ('error' in reply) {
      const e = reply.error;
      throw typeof e === 'string' ? new Error(e) : new TemplateError(e.message, e.file, e.line, e.column);
    }
    return reply;
  }

  terminate(): Promise<number> {
    // What is still waiting is abandoned: the build has its answer (or its failure) already.
    this.waiting.clear();
    this.failure ??= new Error('the build workers were stopped');
    return this.worker.terminate();
  }
}

/** The threads of one build; see the module comment. Close it when the build ends. */
export class BuildPool {
  private readonly threads: PoolThread[];

  /** True when the compiled worker is there (not under the test runner, which runs the sources). */
  static usable(): boolean {
    return import.meta.url.endsWith('.js') && existsSync(WORKER);
  }

  /**
   * Start the threads (they load their code at once, while this thread goes on).
   * @param templatesDir a custom templates folder (its phrase packs count in validation too)
   */
  constructor(count: number, templatesDir: string | undefined) {
    this.threads = Array.from({ length: count }, () => new PoolThread(new Worker(WORKER, { workerData: { templatesDir } })));
  }

  /**
   * Read and validate files, in batches dealt to the threads in turn, and keep the valid notices
   * where they were validated. Every batch is sent at once and answered on its own, so this
   * thread takes in the first results while the threads validate the rest (one answer per thread
   * at the end kept it waiting, then busy, while the threads waited).
   * @returns the results in the order of `files`
   */
  async check(files: readonly string[]): Promise<CheckedText[]> {
    const batches: string[][] = [];
    for (let i = 0; i < files.length; i += CHECK_BATCH) batches.push(files.slice(i, i + CHECK_BATCH));
    const results = await Promise.all(
      batches.map(async (batch, i) => {
        const thread = this.threads[i % this.threads.length]!;
        const reply = await thread.ask({ check: batch });
        const checked = 'checked' in reply ? reply.checked.map(fromWire) : [];
        for (const c of checked) if (c.notice) thread.holds.add(c.file);
        return checked;
      }),
    );
    return results.flat();
  }

  /**
   * Render tasks, calling `onResult` as each finishes (not in order). A task goes to the thread
   * that holds its notice when one does; a thread with none of its own left takes the others'.
   * The first failure (of a thread or of `onResult`) stops the sending and is thrown.
   */
  async render(tasks: readonly RenderTask[], onResult: (index: number, result: { md?: Buffer; html?: Buffer }) => Promise<void>): Promise<void> {
    const own = this.threads.map(() => [] as number[]);
    const shared: number[] = [];
    tasks.forEach((task, i) => {
      const holder = this.threads.findIndex((t) => t.holds.has(task.file));
      (holder >= 0 ? own[holder]! : shared).push(i);
    });
    const take = (k: number): number[] => {
      const batch: number[] = [];
      const mine = own[k]!;
      while (batch.length < BATCH && mine.length > 0) batch.push(mine.shift()!);
      while (batch.length < BATCH && shared.length > 0) batch.push(shared.shift()!);
      // Taken from the end of the longest other queue: the thread holding it is working from the front.
      while (batch.length < BATCH) {
        const longest = own.reduce((a, b) => (b.length > a.length ? b : a));
        if (longest.length === 0) break;
        batch.push(longest.pop()!);
      }
      return batch;
    };
    let failure: unknown;
    const writes: Promise<void>[] = [];
    const pump = async (k: number) => {
      const thread = this.threads[k]!;
      for (let batch = take(k); batch.length > 0 && failure === undefined; batch = take(k)) {
        const wire = batch.map((i): WireTask => {
          const { notice, file, ...rest } = tasks[i]!;
          return thread.holds.has(file) ? { ...rest, file } : { ...rest, notice };
        });
        const reply = await thread.ask({ render: wire });
        const rendered = 'rendered' in reply ? reply.rendered : [];
        const written = Promise.all(batch.map((i, n) => onResult(i, { md: bytesOf(rendered[n]?.md), html: bytesOf(rendered[n]?.html) }))).then(() => undefined);
        written.catch((error: unknown) => {
          failure ??= error;
        });
        writes.push(written);
      }
    };
    const pumps = this.threads.flatMap((_, k) => Array.from({ length: AHEAD }, () => pump(k)));
    await Promise.all(pumps.map((p) => p.catch((error: unknown) => void (failure ??= error))));
    await Promise.allSettled(writes);
    if (failure !== undefined) throw failure;
  }

  /** Stop the threads. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}

/** A transferred buffer as a Buffer, without copying it. */
function bytesOf(bytes: Uint8Array | undefined): Buffer | undefined {
  return bytes && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
