/**
 * Every CLI command, in the order `noticekit --help` lists them. Add a command here.
 */
import type { Command } from './types.js';
import { validateCommand } from './validate.js';

export const COMMANDS: Command[] = [validateCommand];
