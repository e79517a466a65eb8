/**
 * Diagnostics one a line, `file:line:col: severity: message [code]`, for readers that take
 * problems line by line: VS Code's problem matcher (.vscode/tasks.json), vim's quickfix, Emacs'
 * compilation mode. The text report's code frames sit between its diagnostics, which such readers
 * cannot skip.
 *
 * Where a problem ends (`endLine`/`endColumn`) is left out: `file:line:col:` is the form every
 * such reader already knows, and one regular expression matches every line. `--format json`
 * carries the range.
 */
import type { Diagnostic } from '../diagnostics.js';
import { SUSPICIOUS } from '../notice/characters.js';
import { fullMessage } from './format-diagnostics.js';

/**
 * The regular expression (JavaScript and VS Code syntax alike) that matches one line of
 * {@link formatCompact}: groups 1 file, 2 line, 3 column, 4 severity, 5 message, 6 code.
 */
export const COMPACT_LINE = /^(.+?):(\d+):(\d+): (error|warning|info): (.*) \[([a-z0-9-]+)\]$/;

/**
 * Format diagnostics one a line, in the order given, without colour or summary. A lint finding's
 * clause id goes before its message, as in the text report.
 * @param list diagnostics (lint findings may carry `clause`)
 * @returns the lines, each ending with `\n`; empty for an empty list
 */
export function formatCompact(list: readonly (Diagnostic & { clause?: string })[]): string {
  return list
    .map((d) => {
      const clause = d.clause ? `${d.clause}: ` : '';
      return `${oneLine(d.file)}:${d.line}:${d.column}: ${d.severity}: ${oneLine(clause + fullMessage(d))} [${d.code}]\n`;
    })
    .join('');
}

/**
 * Keep a text on its line and off the terminal's controls: a message quoting a value may hold a
 * line break or an escape character; line breaks become spaces, other hidden characters `<U+XXXX>`.
 */
function oneLine(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ')
    .replace(SUSPICIOUS, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}
