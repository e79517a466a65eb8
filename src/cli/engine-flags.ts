/**
 * V8 settings for a short-lived command, set before any other module of the CLI is evaluated
 * (bin.ts imports this first). They are process-wide: the worker threads of a build share them.
 *
 * A larger interrupt budget makes the engine wait longer before it hands a hot function to its
 * optimising compiler. A build runs three engines (this thread and two workers), each of which
 * compiled the same loader, validator and renderer: a profile of a 1,000-notice md+html build
 * spent about a fifth of its CPU time in optimising compilation. With the budget at 4x V8's
 * default, the same build took about a tenth less CPU time (figures in the issue 17 note). A
 * long-running command (watch, preview, the language server) reaches the same optimised code,
 * only a little later.
 *
 * The young generation keeps V8's growth factor (2). A factor of 4 helped a diff of two 1,000-
 * clause notices while it allocated 65 MB (14 scavenges copying 19 MB, then 8 copying 11 MB); once
 * the diff allocated less, it cost more than it saved: growing the young generation to 16 MB in one
 * step added some 15 ms to that scavenge's pause, and the diff took ~30 ms more CPU time with it.
 */
import { setFlagsFromString } from 'node:v8';

/** Node 20's V8 (11.3) has an interrupt budget of 66 KiB of bytecode executed (67,584) by default. */
export const INTERRUPT_BUDGET = 4 * 67_584;

setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
