/**
 * Time budgets in tests measure the CPU time this process spends, not the wall clock: a guard
 * against runaway work (a pathological input, a quadratic walk) must not fail because the
 * machine is busy with something else. Worker threads of the process count too; a child process
 * (Chromium) does not.
 */

/**
 * Start a clock of this process's CPU time (user + system, all its threads).
 * @returns a function giving the milliseconds of CPU time used since the start
 */
export function cpuClock(): () => number {
  const start = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
}
