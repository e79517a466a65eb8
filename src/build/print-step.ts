/**
 * The PDF step of a build: `jobs` workers take documents from one queue, make each one's HTML
 * and print it; the printer relaunches a crashed browser (its one relaunch policy, see
 * render/pdf/lifecycle.ts). A document that cannot be printed is a failure of the build, listed
 * with its reason; a failing write stops every worker and fails the build.
 */
import type { PdfDocument, PdfPrinter } from '../render/pdf/index.js';

/** What the PDF step needs from the build. */
export interface PrintStep<T> {
  printer: PdfPrinter;
  /** Documents printing at once. */
  jobs: number;
  /** The document of a queued item (made just before it prints). */
  documentOf: (item: T) => Promise<PdfDocument>;
  /** Keep a printed PDF (cache and staging folder); a rejection fails the build. */
  store: (item: T, pdf: Buffer) => Promise<void>;
  /** A document that could not be printed. */
  failed: (item: T, reason: string) => void;
  /** Called before each document; throws to stop (an aborted build). */
  checkAbort: () => void;
}

/** Print every queued item; closes the printer when done. */
export async function printQueue<T>(queue: T[], step: PrintStep<T>): Promise<void> {
  const { printer } = step;
  // One worker failing (a write) stops the others before the browser is closed under them.
  let stop = false;
  let next = 0;
  const worker = async () => {
    while (!stop && next < queue.length) {
      const item = queue[next++]!;
      step.checkAbort();
      const { html, printOptions } = await step.documentOf(item);
      let pdf: Buffer;
      try {
        pdf = await printer.print(html, printOptions);
      } catch (error) {
        step.checkAbort();
        step.failed(item, (error as Error).message.split('\n')[0]!);
        continue;
      }
      // Outside the try: only printing may fail a document; a failed write fails the build.
      await step.store(item, pdf);
    }
  };
  try {
    const count = queue.length > 0 ? Math.max(1, Math.min(step.jobs, queue.length)) : 0;
    const workers = Array.from({ length: count }, () =>
      worker().catch((error: unknown) => {
        stop = true;
        throw error;
      }),
    );
    const failed = (await Promise.allSettled(workers)).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    await printer.close();
  }
}
