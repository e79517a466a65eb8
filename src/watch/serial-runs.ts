/**
 * One run at a time, for work started by saves (`validate --watch`, `preview`): a save during a run
 * asks for exactly one more run after it, however many saves come in the meantime, so the last
 * run always sees the last save and runs never overlap.
 */

/** A queue of runs of one task; see {@link serialRuns}. */
export interface SerialRuns {
  /**
   * Run the task now, or once more after the run in progress.
   * @returns settles when the run that sees this call's state has finished; rejects with its error
   */
  run(): Promise<void>;
  /** Settles when no run is in progress or queued (at once when idle); never rejects. */
  idle(): Promise<void>;
}

/**
 * Make a run queue for a task.
 * @param task the work; an error ends the current series of runs (the queued run is dropped) and
 *   rejects the callers waiting on it; the next `run()` starts afresh
 */
export function serialRuns(task: () => Promise<void>): SerialRuns {
  let running: Promise<void> | undefined;
  let again = false;
  return {
    run() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          do {
            again = false;
            await task();
          } while (again);
        } finally {
          again = false;
          running = undefined;
        }
      })();
      return running;
    },
    idle() {
      return running ? running.then(
        () => undefined,
        () => undefined,
      ) : Promise.resolve();
    },
  };
}
