/**
 * serialRuns: runs never overlap, and calls during a run make exactly one more run after it.
 */
import { describe, expect, it } from 'vitest';
import { serialRuns } from '../../src/watch/serial-runs.js';

/** A task whose runs finish only when the test says so; it records starts and ends. */
function gatedTask() {
  const log: string[] = [];
  const gates: (() => void)[] = [];
  let active = 0;
  const task = async () => {
    active += 1;
    log.push(`start ${gates.length + 1}${active > 1 ? ' (overlap)' : ''}`);
    await new Promise<void>((resolve) => gates.push(resolve));
    log.push(`end ${gates.length}`);
    active -= 1;
  };
  /** Let the run in progress finish, once it has started. */
  const finish = async () => {
    while (gates.length === 0 || log.at(-1)?.startsWith('end')) await new Promise((r) => setImmediate(r));
    gates.at(-1)!();
  };
  return { log, task, finish, started: () => gates.length };
}

describe('serialRuns', () => {
  it('makes one more run for any number of calls during a run, never two at once', async () => {
    const { log, task, finish, started } = gatedTask();
    const queue = serialRuns(task);
    const first = queue.run();
    const during = [queue.run(), queue.run(), queue.run()];
    await finish();
    await finish();
    await Promise.all([first, ...during]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    expect(started()).toBe(2);
  });

  it('runs again for a call after the runs have finished; idle() waits for the queued run', async () => {
    const { log, task, finish } = gatedTask();
    const queue = serialRuns(task);
    void queue.run();
    void queue.run();
    let idle = false;
    const waiting = queue.idle().then(() => (idle = true));
    await finish();
    // The first run has ended and the queued one started: not idle yet.
    while (log.length < 3) await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['start 1', 'end 1', 'start 2']);
    expect(idle).toBe(false);
    await finish();
    await waiting;
    void queue.run();
    await finish();
    await queue.idle();
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('rejects the callers of a failing run and drops its queued run; the next call starts afresh', async () => {
    let calls = 0;
    const queue = serialRuns(async () => {
      calls += 1;
      await new Promise((r) => setImmediate(r));
      if (calls === 1) throw new Error('broken');
    });
    const first = queue.run();
    const queued = queue.run();
    await expect(first).rejects.toThrow('broken');
    await expect(queued).rejects.toThrow('broken');
    await queue.idle();
    expect(calls).toBe(1);
    await queue.run();
    expect(calls).toBe(2);
  });
});
