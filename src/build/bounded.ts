/**
 * At most `limit` pieces of asynchronous work (file writes, cache reads) running at once, so a
 * build renders the next document while the last ones are written instead of waiting for each.
 */
export class Bounded {
  private running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(readonly limit: number) {}

  /** Start `work`; resolves once fewer than `limit` are running. Rejects with the first failure. */
  async add(work: Promise<void>): Promise<void> {
    this.check();
    this.running.add(work);
    work.then(
      () => this.running.delete(work),
      (error: unknown) => {
        this.running.delete(work);
        this.failure ??= { error };
      },
    );
    while (this.running.size >= this.limit) await Promise.race(this.running).catch(() => undefined);
    this.check();
  }

  /** Wait for everything started; rejects with the first failure. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure.error;
  }
}

/** Run `work` on every item, at most `limit` at once; rejects with the first failure. */
export async function eachBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const running = new Bounded(limit);
  for (const item of items) await running.add(work(item));
  await running.drain();
}
