#!/usr/bin/env node
/** Process entry point: wires `run` to the real process; sets only the exit code. */
// First: engine settings that must precede the loading of everything else.
import './engine-flags.js';
import { run } from './index.js';

const signalHandlers = new Set<(signal: NodeJS.Signals) => void>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (signalHandlers.size === 0) process.exit(signal === 'SIGINT' ? 130 : 143);
    for (const handler of signalHandlers) handler(signal);
  });
}

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  // stdout first: reading process.stdin creates its stream (~5 ms), needless when output is redirected.
  ...(process.stdout.isTTY && process.stdin.isTTY ? { terminal: { input: process.stdin, output: process.stdout } } : {}),
  onSignal(handler) {
    signalHandlers.add(handler);
    return () => signalHandlers.delete(handler);
  },
});
