/**
 * The printer's relaunch policy (render/pdf/lifecycle.ts) without Chromium: launches, replacement
 * after the reuse limit, crashes, retries and giving up, driven by the events the printer reports.
 */
import { describe, expect, it } from 'vitest';
import { Lifecycle, type Step } from '../../src/render/pdf/lifecycle.js';

/** Admit on a healthy browser and expect to print; returns the generation. */
function print(life: Lifecycle): number {
  const step = life.admit(true);
  expect(step.do).toBe('print');
  return (step as Extract<Step, { do: 'print' }>).generation;
}

describe('printer lifecycle', () => {
  it('launches once for concurrent callers; the others wait for the launch', () => {
    const life = new Lifecycle({ reuseLimit: 10, crashRelaunches: 1 });
    expect(life.admit(false)).toEqual({ do: 'launch', replace: false });
    expect(life.admit(false)).toEqual({ do: 'wait' });
    life.launched();
    expect(life.phase).toBe('up');
    expect(print(life)).toBe(1);
    expect(print(life)).toBe(1);
    expect(life.inFlight).toBe(2);
  });

  it('replaces a healthy browser after its share of documents, once the ones printing are done, without counting a crash', () => {
    const life = new Lifecycle({ reuseLimit: 2, crashRelaunches: 0 });
    life.admit(false);
    life.launched();
    const a = print(life);
    const b = print(life);
    // The third document waits: the browser is retiring, two documents still print on it.
    expect(life.admit(true)).toEqual({ do: 'wait' });
    expect(life.phase).toBe('retiring');
    life.finished(a);
    expect(life.admit(true)).toEqual({ do: 'wait' });
    life.finished(b);
    expect(life.admit(true)).toEqual({ do: 'launch', replace: true });
    expect(life.admit(true)).toEqual({ do: 'wait' });
    life.launched();
    expect(print(life)).toBe(2);
    expect(life.launches).toBe(2);
    expect(life.crashes).toBe(0);
  });

  it('counts a crash seen by two documents once, retries both on the relaunched browser, and the retry is not retried again', () => {
    const life = new Lifecycle({ reuseLimit: 100, crashRelaunches: 1 });
    life.admit(false);
    life.launched();
    const a = print(life);
    const b = print(life);
    life.crashed(a);
    life.crashed(b);
    expect(life.crashes).toBe(1);
    expect(life.retries(a, 1)).toBe(true);
    expect(life.retries(b, 1)).toBe(true);
    expect(life.retries(a, 2)).toBe(false);
    expect(life.admit(false)).toEqual({ do: 'launch', replace: false });
    life.launched();
    expect(print(life)).toBe(2);
    // A late report about the old browser changes nothing.
    life.finished(a);
    life.crashed(a);
    expect(life.crashes).toBe(1);
    expect(life.inFlight).toBe(1);
  });

  it('notices a browser that died between documents, and gives up after the allowed relaunches', () => {
    const life = new Lifecycle({ reuseLimit: 100, crashRelaunches: 1 });
    life.admit(false);
    life.launched();
    life.finished(print(life));
    // Killed between documents: the next caller finds it disconnected and relaunches.
    expect(life.admit(false)).toEqual({ do: 'launch', replace: false });
    life.launched();
    const g = print(life);
    life.finished(g);
    const step = life.admit(false);
    expect(step.do).toBe('fail');
    expect((step as Extract<Step, { do: 'fail' }>).reason).toBe('Chromium stopped while printing and was already restarted once; not starting it again.');
    expect(life.phase).toBe('given-up');
    // For good: every later document fails at once, and nothing is retried.
    expect(life.admit(false).do).toBe('fail');
    expect(life.retries(g, 1)).toBe(false);
  });

  it('counts a failed launch as a crash', () => {
    const life = new Lifecycle({ reuseLimit: 100, crashRelaunches: 1 });
    life.admit(false);
    life.launchFailed('spawn ENOENT');
    expect(life.phase).toBe('down');
    expect(life.admit(false)).toEqual({ do: 'launch', replace: false });
    life.launchFailed('spawn ENOENT');
    expect(life.admit(false)).toEqual({ do: 'fail', reason: 'Chromium could not be started (spawn ENOENT) and was already restarted once; not starting it again.' });
  });

  it('does not retry documents when the printer itself closed the browser', () => {
    const life = new Lifecycle({ reuseLimit: 100, crashRelaunches: 1 });
    life.admit(false);
    life.launched();
    const g = print(life);
    life.closed();
    life.crashed(g);
    expect(life.crashes).toBe(0);
    expect(life.retries(g, 1)).toBe(false);
    // Closed is not given up: the next document launches a fresh browser.
    expect(life.admit(false)).toEqual({ do: 'launch', replace: false });
  });

  it('asks only for a running browser without counting a document when reserve is false', () => {
    const life = new Lifecycle({ reuseLimit: 1, crashRelaunches: 1 });
    expect(life.admit(false, false)).toEqual({ do: 'launch', replace: false });
    life.launched();
    expect(life.admit(true, false)).toEqual({ do: 'print', generation: 1 });
    expect(life.inFlight).toBe(0);
    expect(print(life)).toBe(1);
  });
});
