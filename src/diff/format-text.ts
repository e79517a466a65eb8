/**
 * The terminal report: material changes first, each with its rule, then those a person must
 * review, then editorial ones; word
 * changes as `[-old-]{+new+}` (like `git diff --word-diff`), or in colour on a terminal.
 */
import type { ClauseChange, FieldChange, NoticeDiff, WordPart } from './types.js';
import { compressParts, countsLine, flattenValue, headline, KIND_MARK, byClass, materialRules, showInvisible, type FormatDiffOptions } from './util-format.js';

type Paint = (s: string) => string;

/**
 * Format a diff for a terminal.
 * @param diff the diff
 * @param options `color` for ANSI colours
 */
export function formatDiffText(diff: NoticeDiff, options: FormatDiffOptions = {}): string {
  const color = options.color ?? false;
  const wrap = (open: number, close: number): Paint => (s) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  const c = { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), bold: wrap(1, 22), dim: wrap(2, 22) };
  const lines: string[] = [];
  lines.push(c.bold(`noticekit diff: ${headline(diff)}`));
  lines.push(c.dim(`  from ${diff.from.file}  sha256 ${diff.from.sha256}`));
  lines.push(c.dim(`  to   ${diff.to.file}  sha256 ${diff.to.sha256}`));
  lines.push('');
  if (diff.changes.length === 0) {
    lines.push('No differences.');
    return `${lines.join('\n')}\n`;
  }
  const { material, review, editorial } = byClass(diff.changes);
  const section = (title: string, list: ClauseChange[], paintTitle: Paint) => {
    if (list.length === 0) return;
    lines.push(paintTitle(`${title} (${list.length})`));
    for (const change of list) lines.push(...changeLines(change, c, color));
    lines.push('');
  };
  section('Material changes: tell data subjects before they take effect', material, (s) => c.bold(c.red(s)));
  section('Changes to review: a person must decide whether these change what the notice says', review, (s) => c.bold(c.yellow(s)));
  section('Editorial changes', editorial, c.bold);
  const rules = materialRules(diff.changes);
  for (const [cls, title] of [['material', 'Why material'], ['review', 'Why to review']] as const) {
    const these = rules.filter((r) => r.class === cls);
    if (these.length === 0) continue;
    lines.push(c.bold(title));
    for (const r of these) lines.push(`  ${r.id}: ${r.reason}`);
    lines.push('');
  }
  lines.push(`${countsLine(diff)}`);
  return `${lines.join('\n')}\n`;
}

function changeLines(change: ClauseChange, c: Record<'red' | 'green' | 'yellow' | 'bold' | 'dim', Paint>, color: boolean): string[] {
  const tag = change.class === 'material' ? c.red(change.rule ?? '') : change.class === 'review' ? c.yellow(change.rule ?? '') : c.dim(change.category);
  const flags = [change.translationOnly ? 'translation only' : '', change.staleTranslations ? `stale: ${change.staleTranslations.join(', ')}` : ''].filter(Boolean);
  const head = `  ${KIND_MARK[change.kind] ?? '?'} ${c.bold(change.id)}${change.fromId ? c.dim(` (was ${change.fromId})`) : ''}  ${change.kind}  ${tag}${flags.length ? c.yellow(`  [${flags.join('; ')}]`) : ''}`;
  const out = [head, `      ${change.summary}`];
  for (const field of change.fields) out.push(...fieldLines(field, c, color));
  if (change.kind === 'added' || change.kind === 'removed') {
    const paint = change.kind === 'added' ? c.green : c.red;
    for (const row of flattenValue(change.kind === 'added' ? change.after : change.before)) {
      const text = row.text.length > 160 ? `${row.text.slice(0, 159)}…` : row.text;
      out.push(`      ${c.dim(`${row.field}${row.locale ? ` [${row.locale}]` : ''}:`)} ${paint(text)}`);
    }
  }
  return out;
}

function fieldLines(field: FieldChange, c: Record<'red' | 'green' | 'dim', Paint>, color: boolean): string[] {
  if (!field.words) return [];
  const out: string[] = [];
  for (const [locale, parts] of Object.entries(field.words)) {
    out.push(`      ${c.dim(`${field.field} [${locale}]:`)} ${words(compressParts(parts), c, color)}`);
  }
  if (field.source) out.push(`      ${c.dim(`${field.field} [${field.source.locale}, source, unchanged]:`)} ${showInvisible(field.source.text.replace(/\s*\n\s*/g, ' '))}`);
  return out;
}

function words(parts: readonly WordPart[], c: Record<'red' | 'green', Paint>, color: boolean): string {
  return parts
    .map(([op, text]) => {
      const flat = showInvisible(text.replace(/\s*\n\s*/g, ' '));
      if (op === '=') return flat;
      if (color) return op === '-' ? c.red(`\u001b[9m${flat}\u001b[29m`) : c.green(`\u001b[4m${flat}\u001b[24m`);
      return op === '-' ? `[-${flat}-]` : `{+${flat}+}`;
    })
    .join('');
}
