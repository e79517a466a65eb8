/**
 * Every CLI command, in the order `noticekit --help` lists them. Add a command here.
 */
import type { Command } from './types.js';
import { buildCommand } from './build.js';
import { mergeManifestsCommand } from './merge-manifests.js';
import { validateCommand } from './validate.js';
import { lintCommand } from './lint.js';
import { translationsCommand } from './translations.js';
import { diffCommand } from './diff.js';
import { historyCommand } from './history.js';

export const COMMANDS: Command[] = [validateCommand, buildCommand, mergeManifestsCommand, diffCommand, historyCommand, lintCommand, translationsCommand];
