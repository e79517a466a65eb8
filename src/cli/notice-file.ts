/**
 * What the commands that write a new notice file (`import`, `init`) share: the form of a notice id
 * as an option, the `$schema` path of the file's modeline, and what they say of the draft's validity.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { formatDiagnostics } from '../report/format-diagnostics.js';

/** A notice id as an option's `pattern` and `expected` (the schema's Id, at most 64 characters). */
export const NOTICE_ID = {
  pattern: /^(?=.{1,64}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
  expected: "short lower-case words joined by hyphens, such as 'privacy-notice'",
} as const;

/**
 * The `$schema` path for a notice at `file`: relative to the installed package
 * (node_modules/noticekit) or to a noticekit checkout found above it, else the consumer's usual place.
 * @param file absolute path of the notice
 */
export function schemaPathFor(file: string): string {
  const dir = path.dirname(file);
  for (let d = dir; ; d = path.dirname(d)) {
    const installed = path.join(d, 'node_modules', 'noticekit', 'schema', 'notice.schema.json');
    const own = path.join(d, 'schema', 'notice.schema.json');
    if (existsSync(installed)) return path.relative(dir, installed).split(path.sep).join('/');
    if (existsSync(own) && existsSync(path.join(d, 'package.json')) && /"name":\s*"noticekit"/.test(safeRead(path.join(d, 'package.json')))) return path.relative(dir, own).split(path.sep).join('/');
    if (path.dirname(d) === d) break;
  }
  return '../node_modules/noticekit/schema/notice.schema.json';
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * What validate says of a draft just written: that it validates and lint waits for its TODOs, or
 * each error, all of which stand at a TODO.
 * @param what how the message names the file ('draft', 'notice')
 * @param errors the draft's validation errors
 * @param name the file as reports name it; `yaml` its text
 */
export function draftValidity(what: string, errors: readonly Diagnostic[], name: string, yaml: string, color: boolean): string {
  if (errors.length === 0) return `The ${what} validates; noticekit lint fails until every TODO is resolved and its comment deleted.\n`;
  const head = `The ${what} does not validate yet: ${errors.length} ${errors.length === 1 ? 'place needs' : 'places need'} what only you can say (see the TODO above each):\n`;
  return head + formatDiagnostics(errors, { color, sources: new Map([[name, yaml]]) });
}
