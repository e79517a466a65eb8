/**
 * When the printer launches, replaces and gives up on its browser: the one relaunch policy, as a
 * small state machine with no I/O, so it can be read and tested without Chromium.
 *
 *   down ──admit──▶ starting ──launched──▶ up ──(reuse limit reached)──▶ retiring
 *     ▲                 │                   │                               │ (last document done)
 *     │            launchFailed          crashed                            ▼
 *     └─────────────────┴───────────────────┴──────────────────────────── starting
 *                      (after too many crashes: given-up, for good)
 *
 * - A healthy browser is replaced after `reuseLimit` documents (it grows and slows down over
 *   thousands): no new document is admitted, the ones printing finish, then it is closed and a
 *   fresh one is launched. Replacing is not a crash.
 * - A browser that stops (crashes, is killed) or fails to launch counts one crash; after
 *   `crashRelaunches` + 1 of them the printer gives up and every later document fails at once.
 * - A document whose browser stopped under it is printed once more on the next browser.
 *
 * Each launch gets a new `generation`; documents report back with the generation they printed
 * on, so a crash seen by two documents at once counts once, and reports about a browser that is
 * already gone change nothing.
 */

/** Where the browser is in its life. */
export type Phase = 'down' | 'starting' | 'up' | 'retiring' | 'given-up';

/** What a caller that wants to print a document must do next (see {@link Lifecycle.admit}). */
export type Step =
  /** Print now on browser `generation`, then report {@link Lifecycle.finished} or {@link Lifecycle.crashed}. */
  | { do: 'print'; generation: number }
  /** Launch a browser (closing the retired one first, if `replace`), then report {@link Lifecycle.launched} or {@link Lifecycle.launchFailed}. */
  | { do: 'launch'; replace: boolean }
  /** Another caller is launching or the retiring browser is finishing its documents: wait for the next change, then ask again. */
  | { do: 'wait' }
  /** The printer has given up: fail the document with this reason. */
  | { do: 'fail'; reason: string };

/** The policy's limits. */
export interface LifecyclePolicy {
  /** Documents one browser prints before it is replaced. */
  reuseLimit: number;
  /** Launches allowed after a crash (0: the first crash is fatal). */
  crashRelaunches: number;
}

/** The relaunch policy of one printer (see the module comment). */
export class Lifecycle {
  /** All the mutable state there is; `lastCrash` is the generation that crashed last (0: none). */
  private state = { phase: 'down' as Phase, generation: 0, printed: 0, inFlight: 0, crashes: 0, launches: 0, lastCrash: 0, reason: '' };

  constructor(readonly policy: LifecyclePolicy) {}

  /** The current phase. */
  get phase(): Phase {
    return this.state.phase;
  }

  /** The generation of the running (or last) browser: 1 for the first launch. */
  get generation(): number {
    return this.state.generation;
  }

  /** Browsers launched successfully so far. */
  get launches(): number {
    return this.state.launches;
  }

  /** Crashes (and failed launches) so far. */
  get crashes(): number {
    return this.state.crashes;
  }

  /** Documents printing on the running browser. */
  get inFlight(): number {
    return this.state.inFlight;
  }

  /**
   * A caller wants to print one document.
   * @param alive whether the browser the printer holds is still connected (a browser that died
   *   between documents is noticed here)
   * @param reserve false to ask only for a running browser (`print` then means ready; nothing is counted)
   */
  admit(alive: boolean, reserve = true): Step {
    const s = this.state;
    if ((s.phase === 'up' || s.phase === 'retiring') && !alive) this.crashed(s.generation);
    switch (s.phase) {
      case 'given-up':
        return { do: 'fail', reason: s.reason };
      case 'down':
        s.phase = 'starting';
        return { do: 'launch', replace: false };
      case 'starting':
        return { do: 'wait' };
      case 'up':
        if (!reserve) return { do: 'print', generation: s.generation };
        if (s.printed >= this.policy.reuseLimit) {
          s.phase = 'retiring';
          return this.admit(alive);
        }
        s.printed++;
        s.inFlight++;
        return { do: 'print', generation: s.generation };
      case 'retiring':
        if (s.inFlight > 0) return { do: 'wait' };
        s.phase = 'starting';
        return { do: 'launch', replace: true };
    }
  }

  /** The launch asked for by {@link admit} succeeded. */
  launched(): void {
    const s = this.state;
    s.phase = 'up';
    s.generation++;
    s.launches++;
    s.printed = 0;
    s.inFlight = 0;
  }

  /** The launch asked for by {@link admit} failed: counts as a crash. */
  launchFailed(message: string): void {
    this.countCrash(`Chromium could not be started (${message})`);
  }

  /** A document admitted on `generation` is done (printed, or failed by its own fault). */
  finished(generation: number): void {
    const s = this.state;
    if (generation === s.generation && (s.phase === 'up' || s.phase === 'retiring')) s.inFlight--;
  }

  /** Browser `generation` stopped (a document printing on it failed and it is disconnected). */
  crashed(generation: number): void {
    const s = this.state;
    if (generation !== s.generation || (s.phase !== 'up' && s.phase !== 'retiring')) return;
    s.lastCrash = generation;
    this.countCrash('Chromium stopped while printing');
  }

  /**
   * Whether a document that failed on browser `generation` at its `attempt`-th try (1 = first) is
   * printed again: only when that browser crashed (not when the printer was closed under it) and
   * the printer has not given up.
   */
  retries(generation: number, attempt: number): boolean {
    return attempt === 1 && this.state.lastCrash === generation && this.state.phase !== 'given-up';
  }

  /** The printer closed its browser (end of the build, or killed): not a crash. */
  closed(): void {
    const s = this.state;
    if (s.phase !== 'given-up') s.phase = 'down';
    s.inFlight = 0;
  }

  private countCrash(what: string): void {
    const s = this.state;
    s.crashes++;
    s.inFlight = 0;
    if (s.crashes > this.policy.crashRelaunches) {
      const restarted = s.crashes - 1;
      s.phase = 'given-up';
      s.reason = restarted === 0 ? `${what}; not starting it again.` : `${what} and was already restarted ${restarted === 1 ? 'once' : `${restarted} times`}; not starting it again.`;
    } else s.phase = 'down';
  }
}
