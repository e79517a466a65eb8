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
 */
import { setFlagsFromString } from 'node:v8';

/** V8's default interrupt budget in Node 20-22 is 66 KiB of bytecode executed (67,584). */
export const INTERRUPT_BUDGET = 4 * 67_584;

setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
