/**
 * Shared helpers for the diff tests: load fixtures, fake CLI streams, a minimal HTML tag parser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../../src/cli/io.js';
import { diffNotices, sha256Hex } from '../../src/diff/index.js';
import type { ClauseChange, NoticeDiff } from '../../src/diff/types.js';
import { loadNotice } from '../../src/load/read-notice.js';
import type { Notice } from '../../src/model/notice.js';
import { validateNotice } from '../../src/validate/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/diff');
export const PRAXIS_V1 = path.join(ROOT, 'test/fixtures/notices/praxisportal.v1.yaml');
export const PRAXIS_V2 = path.join(ROOT, 'test/fixtures/notices/praxisportal.v2.yaml');

/** Load and validate a notice file; fails the test when it is not valid. */
export function loadValid(file: string): Notice {
  const loaded = loadNotice(readFileSync(file), file);
  const result = validateNotice(loaded);
  if (!result.notice) throw new Error(`${file} is not valid: ${JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error'), null, 2)}`);
  return result.notice;
}

/** Diff two files. */
export function diffFiles(a: string, b: string): NoticeDiff {
  return diffNotices(
    { notice: loadValid(a), file: path.relative(ROOT, a), sha256: sha256Hex(readFileSync(a)) },
    { notice: loadValid(b), file: path.relative(ROOT, b), sha256: sha256Hex(readFileSync(b)) },
  );
}

/** The parts of a change the fixtures pin down. */
export function essentials(c: ClauseChange): Record<string, unknown> {
  const out: Record<string, unknown> = { id: c.id, kind: c.kind, class: c.class, material: c.material };
  if (c.class !== 'editorial') out.rule = c.rule;
  else out.category = c.category;
  if (c.staleTranslations) out.staleTranslations = c.staleTranslations;
  if (c.translationOnly) out.translationOnly = true;
  return out;
}

/** A CliIO writing into strings. */
export function fakeIO(cwd: string, options: Partial<Pick<CliIO, 'env' | 'stdoutIsTTY' | 'stderrIsTTY'>> = {}): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd,
    env: options.env ?? {},
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    out: () => out,
    err: () => err,
  };
}

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link']);

/** An element found by {@link parseHtml}. */
export interface Element {
  name: string;
  attrs: string;
  /** Text content, entities left as written. */
  text: string;
  parent?: Element;
}

/**
 * A minimal HTML parser for our own output: checks that every tag is closed in order and that
 * no `<` or `>` appears in text outside a tag; returns every element with its text.
 */
export function parseHtml(html: string): Element[] {
  const elements: Element[] = [];
  const stack: Element[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*>|<!DOCTYPE html>/g;
  let last = 0;
  for (const m of html.matchAll(tag)) {
    const between = html.slice(last, m.index);
    if (/[<>]/.test(between)) throw new Error(`Unescaped < or > in text near: ${between.slice(0, 80)}`);
    for (const open of stack) open.text += between;
    last = m.index + m[0].length;
    if (m[0].startsWith('<!')) continue;
    const [, closing, name = '', attrs = ''] = m;
    const lower = name.toLowerCase();
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== lower) throw new Error(`</${lower}> closes <${open?.name ?? 'nothing'}>`);
    } else {
      const el: Element = { name: lower, attrs, text: '', parent: stack[stack.length - 1] };
      elements.push(el);
      if (!VOID.has(lower)) stack.push(el);
    }
  }
  if (/[<>]/.test(html.slice(last))) throw new Error('Unescaped < or > at the end');
  if (stack.length > 0) throw new Error(`Unclosed <${stack.map((e) => e.name).join('>, <')}>`);
  return elements;
}
