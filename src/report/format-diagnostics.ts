/**
 * Print diagnostics like vfile-reporter: grouped by file, `line:col  severity  message  code`,
 * a code frame with a caret, and a summary line.
 */
import type { Diagnostic } from '../diagnostics.js';
import { SUSPICIOUS } from '../notice/characters.js';

/** Options for {@link formatDiagnostics}. */
export interface FormatOptions {
  /** Colour with ANSI escapes. */
  color?: boolean;
  /** Source text per file, for code frames. */
  sources?: Map<string, string>;
  /** Print warnings and infos too (default true). */
  verbose?: boolean;
  /** End with the summary line (default true; `--watch` ends each run with its own). */
  summary?: boolean;
}

/** Format diagnostics for a terminal, grouped by file, with a summary line. */
export function formatDiagnostics(list: readonly Diagnostic[], options: FormatOptions = {}): string {
  const c = palette(options.color ?? false);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of list) {
    const group = byFile.get(d.file) ?? [];
    group.push(d);
    byFile.set(d.file, group);
  }
  const lines: string[] = [];
  for (const [file, group] of byFile) {
    lines.push(c.underline(file));
    const source = options.sources?.get(file);
    const sourceLines = source?.split(/\r?\n/);
    const width = Math.max(...group.map((d) => `${d.line}:${d.column}`.length));
    for (const d of group) {
      const place = `${d.line}:${d.column}`.padEnd(width);
      const sev = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info');
      lines.push(`  ${c.dim(place)}  ${sev.padEnd(7 + sev.length - d.severity.length)}  ${d.message}${suggestion(d)}  ${c.dim(d.code)}`);
      const text = sourceLines?.[d.line - 1];
      if (text !== undefined && d.code !== 'too-many-diagnostics') {
        const shown = visible(text.length > 160 ? text.slice(0, 160) : text);
        lines.push(`    ${c.dim(`${d.line} |`)} ${shown}`);
        // Count what is shown before the column: an invisible character is shown as <U+XXXX>.
        const pad = ' '.repeat(String(d.line).length + 3 + visible(text.slice(0, Math.min(d.column - 1, 160))).length);
        lines.push(`    ${pad}${c.red('^')}`);
      }
      for (const r of d.related ?? []) lines.push(`    ${c.dim(`${r.line}:${r.column}`)}  ${r.message}${r.path ? ` (${r.path})` : ''}`);
    }
    lines.push('');
  }
  if (options.summary === false) return `${lines.join('\n')}\n`;
  lines.push(summary(list, c));
  return `${lines.join('\n')}\n`;
}

/** ` Did you mean 'x'?` for a diagnostic with `expected` values, else empty. */
export function suggestion(d: Pick<Diagnostic, 'expected'>): string {
  const expected = d.expected ?? [];
  return expected.length === 0 ? '' : ` Did you mean ${expected.map((e) => `'${e}'`).join(' or ')}?`;
}

/**
 * A diagnostic's message as one line of text, for outputs that have no room for fields (GitHub
 * annotations, SARIF messages): the message, the suggestion and the related places' lines.
 */
export function fullMessage(d: Pick<Diagnostic, 'message' | 'expected' | 'related'>): string {
  const related = (d.related ?? []).map((r) => ` (${r.message}: line ${r.line})`).join('');
  return `${d.message}${suggestion(d)}${related}`;
}

/** `1 notice`, `2 notices`. */
export function noticeCount(count: number): string {
  return `${count} ${count === 1 ? 'notice' : 'notices'}`;
}

/**
 * `2 notices checked: ✖ 1 error`: the summary after a compact report, and the line that ends a
 * `--watch` run.
 * @param count notices checked
 * @param list the diagnostics shown
 */
export function checkedLine(count: number, list: readonly Diagnostic[]): string {
  return `${noticeCount(count)} checked: ${summaryLine(list)}\n`;
}

/** `2 errors, 1 warning` style summary (or `no problems`). */
export function summaryLine(list: readonly Diagnostic[]): string {
  return summary(list, palette(false));
}

function summary(list: readonly Diagnostic[], c: Palette): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.filter((d) => d.severity === 'warning').length;
  if (errors === 0 && warnings === 0) return c.green('✓ no problems');
  const parts = [];
  if (errors) parts.push(c.red(`✖ ${errors} ${errors === 1 ? 'error' : 'errors'}`));
  if (warnings) parts.push(c.yellow(`⚠ ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`));
  return parts.join(', ');
}

/** Make invisible and control characters visible in a code frame. */
function visible(text: string): string {
  // What the loader reports (SUSPICIOUS) and a lone CR, which would move the terminal's cursor.
  return text.replace(SUSPICIOUS, codePoint).replace(/\r/g, codePoint).replace(/\t/g, '→');
}

function codePoint(ch: string): string {
  return `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}

type Palette = Record<'red' | 'yellow' | 'blue' | 'green' | 'dim' | 'underline', (s: string) => string>;

function palette(color: boolean): Palette {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), green: wrap(32, 39), dim: wrap(2, 22), underline: wrap(4, 24) };
}
